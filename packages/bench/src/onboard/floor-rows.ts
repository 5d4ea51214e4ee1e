/**
 * The rows both onboarding floors insert (floor.ts on SQLite, floor-pg.ts on PostgreSQL): the same
 * file read the same way as `onboard`, through the CLI's own row source (iconv-lite + csv-parse,
 * streamed), the header skipped, handed over in batches of onboard's chunk size.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** One data row as read: its line and its cells. */
export interface RegistryRow {
  readonly line: number
  readonly cells: ReadonlyArray<string>
}

/** The registry's columns, as the floors store them (c0 … c12, keyed by line). */
export const REGISTRY_COLUMNS = 13

/** A row's values for the floor's table: its line, then every column (null where the row is short). */
export const rowValues = (r: RegistryRow): Array<number | string | null> => [r.line, ...Array.from({ length: REGISTRY_COLUMNS }, (_, i) => r.cells[i] ?? null)]

const ROW_SOURCE = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'cli', 'dist', 'onboard', 'row-source.js')).href
// the CLI's module, loaded from its build (the bench workspace does not depend on the CLI package)
const { openRows } = (await import(ROW_SOURCE)) as { openRows: (file: string) => { rows: AsyncIterable<RegistryRow> } }

/** The file's data rows in batches of `size` (the last one shorter). */
export async function* rowBatches(file: string, size: number): AsyncGenerator<ReadonlyArray<RegistryRow>> {
  let header = true
  let pending: RegistryRow[] = []
  for await (const row of openRows(file).rows) {
    if (header) {
      header = false
      continue
    }
    pending.push(row)
    if (pending.length >= size) {
      yield pending
      pending = []
    }
  }
  if (pending.length > 0) yield pending
}
