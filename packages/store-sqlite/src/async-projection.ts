/**
 * Async projections: a read model kept behind the log by a subscription rather than in the append
 * transaction. Its state and checkpoint are one row of the `projections` table (the row's position
 * is the checkpoint), so a restart resumes from exactly the state it stored: the subscription's own
 * checkpoint is set back to that position before it starts, and events at or before it are skipped.
 * NOTE: writing the whole state after every event would make a long catch-up quadratic, so it is
 * stored every `saveEvery` events, whenever the log's end is reached, and on `stop`.
 */
import type { Projection, RecordedEvent } from '@talent-ledger/core'
import { projectionTable } from './projection-table.js'
import type { SqliteEventStore } from './sqlite-event-store.js'

/** Options of `runAsyncProjection`. */
export interface AsyncProjectionOptions {
  /** Row and subscription name; must differ from the store's inline projection names. */
  readonly name: string
  /** Store state and checkpoint at least every this many events during a catch-up (default 500). */
  readonly saveEvery?: number
}

/** A running async projection. */
export interface AsyncProjection<S> {
  /** The in-memory state and the position it reflects (the live object: read it, do not change it). */
  readonly current: () => { readonly position: number; readonly state: S }
  /** Resolves when every event committed before the call is folded in and stored; rejects if folding failed. */
  readonly caughtUp: () => Promise<void>
  /** Stores the state and stops the subscription. */
  readonly stop: () => Promise<void>
}

/** Runs `projection` behind the log of `store`, resuming from its stored state. */
export const runAsyncProjection = <S, Ev>(
  store: SqliteEventStore,
  projection: Projection<S, Ev>,
  decode: (row: RecordedEvent) => Ev,
  options: AsyncProjectionOptions,
): AsyncProjection<S> => {
  const { name } = options
  const saveEvery = options.saveEvery ?? 500
  const table = projectionTable(store.database)
  const saveCheckpoint = store.database.prepare(
    'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
  )
  let position = 0
  let state = projection.initialState()
  let saved = 0
  const restore = (): void => {
    const stored = table.load<S>(name)
    position = stored?.position ?? 0
    state = stored?.state ?? projection.initialState()
    saved = position
  }
  const save = (): void => {
    if (saved === position) return
    table.save(name, position, state)
    saved = position
  }
  restore()
  // the stored row is the truth: the subscription restarts right after it, whatever its checkpoint says
  saveCheckpoint.run(name, position)

  const subscription = store.subscribe(name, (row) => {
    if (row.globalPosition <= position) return
    try {
      state = projection.apply(state, decode(row))
      position = row.globalPosition
      if (position - saved >= saveEvery || position >= table.top()) save()
    } catch (error) {
      // `apply` may have changed the state in place before failing: go back to the stored one
      restore()
      throw error
    }
  })

  return {
    current: () => ({ position, state }),
    caughtUp: async () => {
      await subscription.caughtUp()
      save()
    },
    stop: async () => {
      await subscription.stop()
      save()
    },
  }
}
