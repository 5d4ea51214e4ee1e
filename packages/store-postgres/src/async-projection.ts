/**
 * Async projections: a read model kept behind the log by a subscription rather than in the append
 * transaction. Its state and checkpoint are one row of the `projections` table (the row's position
 * is the checkpoint), so a restart resumes from exactly the state it stored: the subscription's own
 * checkpoint is set back to that position before it starts, and events at or before it are skipped.
 * NOTE: writing the whole state after every event would make a long catch-up quadratic, so it is
 * stored every `saveEvery` events, whenever the newest committed position is reached, and on `stop`.
 */
import type { Projection, RecordedEvent } from '@talent-ledger/core'
import { DEFAULT_ASYNC_SAVE_EVERY, resumeFrom, type AsyncProjection, type AsyncProjectionOptions } from '@talent-ledger/core/store-kit'
import { projectionTable } from './projection-table.js'
import type { PostgresEventStore } from './postgres-event-store.js'
import { schemaOf } from './schema-name.js'

/** Options and handle of `runAsyncProjection` (core's types, exported from here too). */
export type { AsyncProjection, AsyncProjectionOptions }

/** Runs `projection` behind the log of `store`, resuming from its stored state. */
export const runAsyncProjection = async <S, Ev>(
  store: PostgresEventStore,
  projection: Projection<S, Ev>,
  decode: (row: RecordedEvent) => Ev,
  options: AsyncProjectionOptions,
): Promise<AsyncProjection<S>> => {
  const { name } = options
  const { pool } = store
  const saveEvery = options.saveEvery ?? DEFAULT_ASYNC_SAVE_EVERY
  const table = projectionTable(schemaOf(store.schema))
  let position = 0
  let state = projection.initialState()
  let saved = 0
  let knownTop = 0
  const restore = async (): Promise<void> => {
    const resumed = resumeFrom(projection, await table.load<S>(pool, name))
    position = resumed.position
    state = resumed.state
    saved = position
  }
  const save = async (): Promise<void> => {
    if (saved === position) return
    const at = position
    await table.save(pool, [{ name, position: at, state }])
    saved = at
  }
  await restore()
  // the stored row is the truth: the subscription restarts right after it, whatever its checkpoint says
  await store.checkpoints.save(name, position)

  const subscription = store.subscribe(name, async (row) => {
    if (row.globalPosition <= position) return
    try {
      state = projection.apply(state, decode(row))
      position = row.globalPosition
    } catch (error) {
      // `apply` may have changed the state in place before failing: go back to the stored one
      await restore()
      throw error
    }
    if (position >= knownTop) knownTop = await table.top(pool)
    if (position - saved >= saveEvery || position >= knownTop) await save()
  })

  return {
    current: () => ({ position, state }),
    caughtUp: async () => {
      await subscription.caughtUp()
      await save()
    },
    stop: async () => {
      await subscription.stop()
      await save()
    },
  }
}
