/**
 * The reads of an export that onboarding makes: the census and the load (person-order.ts) each read
 * the file from its start. The first read is the one the header row came from, and its rows are
 * kept while they fit (kept-rows.ts): then every later read replays them, and the file is decoded
 * and parsed once. Otherwise every later read opens the file again, in the encoding the first
 * detected, and checks first that it is still the file the census counted (same size and
 * modification time): a file changed between two reads would be loaded by the census of another, so
 * the run stops there (the chunks before are whole, and a rerun on the finished file completes it).
 */
import { statSync } from 'node:fs'
import { KEPT_CHARS, keptRows } from './kept-rows.js'
import type { RowPass } from './person-order.js'
import { openRows, type RowSource, type SourceRow } from './row-source.js'

/** The data rows of a source: its header row dropped. */
export async function* dataRows(source: RowSource): AsyncIterable<SourceRow> {
  let header = true
  for await (const row of source.rows) {
    if (header) header = false
    else yield row
  }
}

/**
 * Reads of `file`: the first is `rest` (the rows after the header `first` gave), then its rows
 * kept (when they fit `keptChars`), or else the file anew.
 */
export const rereads = (file: string, first: RowSource, rest: AsyncIterable<SourceRow>, keptChars = KEPT_CHARS): (() => RowPass) => {
  const stamp = (): string => {
    const s = statSync(file)
    return `${s.size}:${s.mtimeMs}`
  }
  const read = stamp()
  const kept = keptRows(keptChars)
  let pending: RowPass | null = kept.keep({ rows: rest, bytesRead: first.bytesRead })
  return () => {
    if (pending !== null) {
      const pass = pending
      pending = null
      return pass
    }
    const replay = kept.replay()
    if (replay !== null) return replay
    if (stamp() !== read) throw new Error(`${file} changed while it was onboarded; the rows before the change are in, and a rerun completes the file`)
    const again = openRows(file, first.encoding === null ? {} : { encoding: first.encoding })
    return { rows: dataRows(again), bytesRead: again.bytesRead }
  }
}
