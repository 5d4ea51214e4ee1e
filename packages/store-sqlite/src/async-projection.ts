/**
 * Async projections: a read model kept behind the log by a subscription rather than in the append
 * transaction. Its state and checkpoint are one row of the `projections` table (the row's position
 * is the checkpoint), so a restart resumes from exactly the state it stored: the subscription's own
 * checkpoint is set back to that position before it starts, and events at or before it are skipped.
 * NOTE: writing the whole state after every event would make a long catch-up quadratic, so it is
 * stored every `saveEvery` events, whenever the log's end is reached, and on `stop`.
 */
import type { Projection, RecordedEvent } from '@talent-ledger/core'
import { DEFAULT_ASYNC_SAVE_EVERY, resumeFrom, type AsyncProjection, type AsyncProjectionOptions } from '@talent-ledger/core/store-kit'
import { CHECKPOINT_UPSERT } from './checkpoint-upsert.js'
import { projectionTable } from './projection-table.js'
import type { SqliteEventStore } from './sqlite-event-store.js'

/** Options and handle of `runAsyncProjection` (core's types, exported from here too). */
export type { AsyncProjection, AsyncProjectionOptions }

/** Runs `projection` behind the log of `store`, resuming from its stored state. */
export const runAsyncProjection = <S, Ev>(
  store: SqliteEventStore,
  projection: Projection<S, Ev>,
  decode: (row: RecordedEvent) => Ev,
  options: AsyncProjectionOptions,
): AsyncProjection<S> => {
  const { name } = options
  const saveEvery = options.saveEvery ?? DEFAULT_ASYNC_SAVE_EVERY
  const table = projectionTable(store.database)
  // the store's own statement, run synchronously: the checkpoint is set before the subscription starts
  const saveCheckpoint = store.database.prepare(CHECKPOINT_UPSERT)
  let position = 0
  let state = projection.initialState()
  let saved = 0
  const restore = (): void => {
    const resumed = resumeFrom(projection, table.load<S>(name))
    position = resumed.position
    state = resumed.state
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
