/**
 * The PostgreSQL bench's run on one contender: in a fresh schema, one writer appends every batch,
 * then every stream is read, the log replayed and every chain verified (../shared/phases.ts); then,
 * in another fresh schema, `writers` concurrent async writers (each owning a share of the streams)
 * append the same batches over the contender's pool, and the result is checked untimed. Each schema
 * is dropped when its part is done; a CHECKPOINT (untimed) precedes each timed append phase.
 */
import { nativeSha256Hex } from '@talent-ledger/store-postgres'
import type { OpenContender } from '../shared/contender.js'
import { appendAll, appendConcurrently, checkFill, readPhases } from '../shared/phases.js'
import type { Workload } from '../shared/workload.js'
import { checkpoint, schemaName } from './connection.js'

/** The phases' times of one run, in milliseconds. */
export interface PgPhaseTimes {
  readonly append: number
  readonly appendConcurrent: number
  readonly read: number
  readonly replay: number
  readonly verify: number
}

/** Runs the phases of `w` on `open`; `tag` names its schemas. */
export const runPgPhases = async (open: OpenContender, tag: string, w: Workload, writers: number): Promise<PgPhaseTimes> => {
  // untimed: what earlier runs left dirty is flushed now, not during this contender's appends
  await checkpoint()
  const single = await open(schemaName(tag))
  let times: Omit<PgPhaseTimes, 'appendConcurrent'>
  try {
    const append = await appendAll(single, w.batches)
    times = { append, ...(await readPhases(single, w, nativeSha256Hex)) }
  } finally {
    await single.close()
  }
  await checkpoint()
  const many = await open(schemaName(tag))
  try {
    const appendConcurrent = await appendConcurrently(many, w.batches, writers)
    await checkFill(many, w)
    return { ...times, appendConcurrent }
  } finally {
    await many.close()
  }
}
