/**
 * Inline projections: read models updated inside the append transaction, so a committed append and
 * its projection states are one unit (all or nothing). Each state is loaded lazily, kept in memory
 * and written back to the `projections` table after every append. Before folding new events the
 * state is brought up to the log: reloaded when another process moved the stored row, and caught up
 * from the log when events were appended without this projection (an older file, another process).
 */
import { foldInto, inlineProjectionEntries, resumeFrom, type InlineProjection, type InlineProjectionEntry } from '@talent-ledger/core/store-kit'
import type { ProjectionTable } from './projection-table.js'
import { fromRow, type EventRow } from './rows.js'
import type { PageReader } from './subscriber.js'

/** A projection the store updates in the append transaction (core's type, exported from here too). */
export type { InlineProjection } from '@talent-ledger/core/store-kit'

/** The inline projections of one store instance. */
export interface InlineProjections {
  /** Folds `rows` (just inserted after position `top`) into every projection and stores the states; call inside the transaction. */
  readonly applyInTransaction: (top: number, rows: ReadonlyArray<EventRow>) => void
  /** Brings `name` up to the log and stores it when behind; call inside a transaction (nothing for a name not inline here). */
  readonly catchUpInTransaction: (name: string) => void
  /** Whether `name` is an inline projection of this store. */
  readonly has: (name: string) => boolean
  /** Drops the in-memory states; call when a transaction rolled back (they may hold its events). */
  readonly forget: () => void
}

const CATCH_UP_PAGE = 5_000

/** The inline projections in `list`, kept in `table`; `read` pages through the log. Throws on two with one name. */
export const inlineProjections = (list: ReadonlyArray<InlineProjection>, table: ProjectionTable, read: PageReader): InlineProjections => {
  const byName = inlineProjectionEntries(list)
  const entries = [...byName.values()]

  /** The entry's state as of `top` (the log's end before this transaction's inserts). */
  const upTo = (entry: InlineProjectionEntry, top: number): { position: number; state: unknown } => {
    let current = entry.current
    if (current === undefined || current.position !== table.position(entry.name)) current = resumeFrom(entry.projection, table.load(entry.name))
    entry.current = current
    while (current.position < top) {
      const page = read(current.position, CATCH_UP_PAGE)
      if (page.length === 0) break
      for (const e of page) if (e.globalPosition <= top) current.state = entry.projection.apply(current.state, entry.decode(e))
      current.position = Math.min(top, page[page.length - 1]!.globalPosition)
    }
    return current
  }

  return {
    applyInTransaction: (top, rows) => {
      if (entries.length === 0 || rows.length === 0) return
      // decoded from the rows, as a later read sees them (through JSON), so inline and rebuild agree
      const events = rows.map(fromRow)
      for (const entry of entries) {
        const current = upTo(entry, top)
        foldInto(entry, current, events)
        table.save(entry.name, current.position, current.state)
      }
    },
    catchUpInTransaction: (name) => {
      const entry = byName.get(name)
      if (entry === undefined) return
      const before = table.position(entry.name)
      const current = upTo(entry, table.top())
      if (before !== current.position) table.save(entry.name, current.position, current.state)
    },
    has: (name) => byName.has(name),
    forget: () => {
      for (const entry of entries) entry.current = undefined
    },
  }
}
