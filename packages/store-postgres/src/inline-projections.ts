/**
 * Inline projections: read models updated inside the append transaction, so a committed append and
 * its projection states are one unit (all or nothing). An append with inline projections takes the
 * schema's append lock exclusively, so no other appender is running while it folds: the log below
 * its own events is final, and the fold order is the log order. Each state is loaded lazily, kept
 * in memory and written back after every append; before folding new events it is brought up to the
 * log — reloaded when another process moved the stored row, caught up from the log when events were
 * appended without this projection (a store opened without it, an older schema).
 */
import type { RecordedEvent } from '@talent-ledger/core'
import { foldInto, inlineProjectionEntries, resumeFrom, type InlineProjection, type InlineProjectionEntry } from '@talent-ledger/core/store-kit'
import type { ProjectionTable, Queryable } from './projection-table.js'

/** A projection the store updates in the append transaction (core's type, exported from here too). */
export type { InlineProjection } from '@talent-ledger/core/store-kit'

/** Reads final events in `(after, before)`, at most `limit`, in log order. */
export type RangeReader = (q: Queryable, after: number, before: number, limit: number) => Promise<ReadonlyArray<RecordedEvent>>

/** The inline projections of one store instance. */
export interface InlineProjections {
  readonly isEmpty: boolean
  /** Folds `events` (just appended from position `first` on) into every projection and stores the states; call inside the transaction. */
  readonly applyInTransaction: (q: Queryable, first: number, events: ReadonlyArray<RecordedEvent>) => Promise<void>
  /** Brings `name` up to the log and stores it when behind; call inside a transaction holding the append lock. */
  readonly catchUpInTransaction: (q: Queryable, name: string) => Promise<void>
  /** Whether `name` is an inline projection of this store. */
  readonly has: (name: string) => boolean
  /** Drops the in-memory states; call when a transaction rolled back (they may hold its events). */
  readonly forget: () => void
}

const CATCH_UP_PAGE = 5_000

/** The inline projections in `list`, kept in `table`; `read` pages through the log. Throws on two with one name. */
export const inlineProjections = (list: ReadonlyArray<InlineProjection>, table: ProjectionTable, read: RangeReader): InlineProjections => {
  const byName = inlineProjectionEntries(list)
  const entries = [...byName.values()]

  /** The entry's state folded up to (not including) position `before`, given its stored position. */
  const upTo = async (q: Queryable, entry: InlineProjectionEntry, stored: number | undefined, before: number): Promise<{ position: number; state: unknown }> => {
    let current = entry.current
    if (current === undefined || current.position !== stored) current = resumeFrom(entry.projection, await table.load(q, entry.name))
    entry.current = current
    for (;;) {
      const page = await read(q, current.position, before, CATCH_UP_PAGE)
      foldInto(entry, current, page)
      if (page.length < CATCH_UP_PAGE) return current
    }
  }

  return {
    isEmpty: entries.length === 0,
    applyInTransaction: async (q, first, events) => {
      if (entries.length === 0 || events.length === 0) return
      const stored = await table.positions(q, entries.map((e) => e.name))
      for (const entry of entries) foldInto(entry, await upTo(q, entry, stored.get(entry.name), first), events)
      await table.save(q, entries.map((e) => ({ name: e.name, position: e.current!.position, state: e.current!.state })))
    },
    catchUpInTransaction: async (q, name) => {
      const entry = byName.get(name)
      if (entry === undefined) return
      const before = (await table.positions(q, [name])).get(name)
      const current = await upTo(q, entry, before, Number.MAX_SAFE_INTEGER)
      if (before !== current.position) await table.save(q, [{ name, position: current.position, state: current.state }])
    },
    has: (name) => byName.has(name),
    forget: () => {
      for (const entry of entries) entry.current = undefined
    },
  }
}
