/**
 * How `verify` runs its first pass (nearly all of its work): over ranges of streams in worker
 * threads (`streamPassInWorkers`, each thread opening the store by its URL: verify-worker.ts) on a
 * store large enough to repay their start-up, else in this thread.
 */
import { availableParallelism } from 'node:os'
import { verifyStreamRange, type StoreAudit, type StreamPassOptions, type StreamPassRunner } from '@talent-ledger/core'
import { streamPassInWorkers } from '@talent-ledger/node'

/** Below this many streams a worker's start-up (loading core, opening the store) costs more than it saves. */
const MIN_STREAMS = 4000

/** At most this many threads side by side (this one and its workers): each holds a connection, and the log-order pass after them is one thread. */
const MAX_RANGES = 4

/**
 * How many threads share the first pass over a store of `streams` streams (this one and a worker
 * for each other; they claim ranges of streams one after another): `TALENT_LEDGER_VERIFY_RANGES`
 * when set (0 or 1: this thread alone), else one per core (at most four) on a store large enough,
 * one on a small store.
 */
export const verifyRangeCount = (streams: number, env: NodeJS.ProcessEnv = process.env): number => {
  const asked = env['TALENT_LEDGER_VERIFY_RANGES']
  if (asked !== undefined && asked !== '') return Math.max(0, Math.floor(Number(asked)) || 0)
  return streams < MIN_STREAMS ? 0 : Math.min(availableParallelism(), MAX_RANGES)
}

/**
 * The first pass as `verify` runs it: in worker threads on the store at `url` (a URL a thread can
 * open itself: a file or a server, not `memory:`), or here over `audit` with `options`.
 */
export const verifyInWorkers = (url: string, audit: StoreAudit, options: Omit<StreamPassOptions, 'onStreams'>): StreamPassRunner => async (heads, progress) => {
  const ranges = verifyRangeCount(heads.length)
  if (ranges <= 1) return [await verifyStreamRange(audit, heads, {}, { ...options, onStreams: progress })]
  return streamPassInWorkers(new URL('./verify-worker.js', import.meta.url), url, ranges, { audit, options })(heads, progress)
}
