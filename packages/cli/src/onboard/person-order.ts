/**
 * The rows of a registry export in person order: every person's rows next to each other, so the
 * chunker keeps them in one chunk and the fold records their certificates lowest level first, the
 * highest last, with the registration taken from the highest-level row.
 *
 * Why: a person's rows are often far apart in an export (sorted by certificate number, issue date or
 * level), and the ledger keeps certificates in the order they are recorded. Chunk by chunk, a person
 * met in two chunks had the higher certificate recorded before the lower one, and was registered
 * from whatever row came first.
 *
 * How, with memory flat in the file's size: a first pass counts each person's rows and notes who is
 * scattered (met again after someone else's row), in a table of 64-bit talent-id keys
 * (person-census.ts). The second pass passes every row of a person whose rows are adjacent straight
 * through, as before, and holds back a scattered person's rows until the census's count of them has
 * come, then emits them together, lowest level first, where the last one stood. Held rows keep their
 * own line, so refusals and the rejects file name the file's lines. What is held is bounded: when the
 * scattered rows exceed `pendingRows`, the scattered people are split by their id's bits into as many
 * groups as needed and each group gets a pass of its own after the first (a file sorted by level
 * holds nearly every person's rows back: it is read a few more times rather than held whole).
 * The order depends on the file alone (and the ledger's id key), so a rerun after a kill meets the
 * rows in the same order, and a person's rows, adjacent, always share one chunk: one transaction.
 */
import { packCells, unpackCells, type PackedCells } from './packed-cells.js'
import { personCensus } from './person-census.js'
import type { SourceRow } from './row-source.js'

/** Rows of scattered people held at most in one pass (about 0.4 KiB each, packed: some 20 MiB). */
export const PENDING_ROWS = 50_000

/** One read of the file's data rows (header skipped), and its bytes read so far. */
export interface RowPass {
  readonly rows: AsyncIterable<SourceRow>
  readonly bytesRead: () => number
}

/** The file's rows in person order, and what the census found. */
export interface PersonOrdered {
  /** Every data row once, in person order; read from the file `passes` times. */
  readonly rows: AsyncIterable<SourceRow>
  readonly passes: number
  /** Bytes read by the passes after the census, together (up to `passes` × the file's size). */
  readonly bytesRead: () => number
  readonly census: { readonly people: number; readonly scatteredPeople: number; readonly scatteredRows: number; readonly tableBytes: number }
}

/** How to read the file and its rows. */
export interface PersonOrderOptions {
  /** Opens the file afresh: called once for the census, then once per pass. */
  readonly open: () => RowPass
  /** The row's talent id (`t-` and hex), or null when the row names no one (an empty ID cell). */
  readonly personOf: (row: SourceRow) => string | null
  /** Order of a person's rows: the rank of the row's level (an unreadable level: any number). */
  readonly rankOf: (row: SourceRow) => number
  readonly pendingRows?: number
}

/** A held row, its cells packed in one string (packed-cells.ts). */
interface Held {
  readonly line: number
  readonly rank: number
  readonly cells: PackedCells
}

const hold = (row: SourceRow, rank: number): Held => ({ line: row.line, rank, cells: packCells(row.cells) })
const release = (held: Held): SourceRow => ({ line: held.line, cells: unpackCells(held.cells) })
/** A person's held rows, lowest rank first (stable: rows of one level keep the file's order). */
const byRank = (group: Held[]): SourceRow[] => group.sort((a, b) => a.rank - b.rank).map(release)

/** Takes the census (one read of the file), then returns the rows in person order. */
export const inPersonOrder = async (options: PersonOrderOptions): Promise<PersonOrdered> => {
  const census = personCensus()
  for await (const row of options.open().rows) census.add(options.personOf(row))
  const passes = Math.max(1, Math.ceil(census.scatteredRows() / (options.pendingRows ?? PENDING_ROWS)))
  let bytesDone = 0
  let current: RowPass | null = null

  // a file whose people's rows are all adjacent (most exports) passes straight through, unlooked-up
  const anyScattered = census.scatteredPeople() > 0
  async function* ordered(): AsyncIterable<SourceRow> {
    for (let part = 0; part < passes; part++) {
      const pass = options.open()
      current = pass
      const held = new Map<number, Held[]>()
      for await (const row of pass.rows) {
        if (!anyScattered) {
          yield row
          continue
        }
        const talentId = options.personOf(row)
        const slot = talentId === null ? -1 : census.find(talentId)
        if (slot === -1 || !census.scatteredAt(slot)) {
          if (part === 0) yield row
          continue
        }
        if (census.partAt(slot, passes) !== part) continue
        const group = held.get(slot) ?? []
        if (group.length === 0) held.set(slot, group)
        group.push(hold(row, options.rankOf(row)))
        if (group.length === census.rowsAt(slot)) {
          held.delete(slot)
          yield* byRank(group)
        }
      }
      // a group short of its count means the file changed since the census (the caller checks);
      // its rows are loaded all the same, never dropped
      for (const group of held.values()) yield* byRank(group)
      bytesDone += pass.bytesRead()
      current = null
    }
  }

  return {
    rows: ordered(),
    passes,
    bytesRead: () => bytesDone + (current?.bytesRead() ?? 0),
    census: { people: census.people(), scatteredPeople: census.scatteredPeople(), scatteredRows: census.scatteredRows(), tableBytes: census.bytes() },
  }
}
