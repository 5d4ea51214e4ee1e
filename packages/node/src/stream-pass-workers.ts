/**
 * Core's first verify pass (`verifyStreamRange`: hash chains, heads, positions, outbox rows — nearly
 * all of a verification's work) run over ranges of streams in worker threads, so a machine's cores
 * share it; core's `verifyLedger` merges the answers as one pass would have made them. Core stays
 * pure: the threads are here. A host supplies the worker module (it knows how to open its store in
 * a thread): a module that calls `serveStreamRange` with its opener.
 */
import { Worker, parentPort, workerData } from 'node:worker_threads'
import {
  streamRanges,
  verifyStreamRange,
  type StoreAudit,
  type StoredStreamHead,
  type StreamPassOptions,
  type StreamPassRunner,
  type StreamRange,
  type StreamRangeVerification,
} from '@talent-ledger/core'
import { nativeSha256Hex } from './native-sha256.js'

/**
 * What a worker is handed: the host's own data (how to open its store), every range with the heads
 * in it, and the counter of the next range not yet claimed (shared by every thread of the pass).
 */
interface StreamPassInput {
  readonly data: unknown
  readonly ranges: ReadonlyArray<{ readonly range: StreamRange; readonly heads: ReadonlyArray<StoredStreamHead> }>
  readonly next: SharedArrayBuffer
}

/** What a worker posts: streams checked so far in a range, then its answer for that range. */
type StreamRangeMessage =
  | { readonly kind: 'progress'; readonly index: number; readonly done: number }
  | { readonly kind: 'done'; readonly index: number; readonly result: StreamRangeVerification }

/** A store as a worker opens it: its audit reads, and how to release it. */
export interface AuditOpened {
  readonly audit: StoreAudit
  readonly close: () => Promise<void>
}

/** Streams between two progress messages of a worker. */
const PROGRESS_EVERY = 1000

/**
 * Ranges per thread. WHY more ranges than threads, each thread claiming the next one free: a worker
 * first loads core and opens the store (about 0.3 s of CPU) and the threads share cores with other
 * work, so ranges dealt out one per thread finished when the slowest thread did; claimed one after
 * another, a thread that started late or runs slowly simply checks fewer of them.
 */
const RANGES_PER_THREAD = 8

/** The index of the next range not yet claimed, claimed (every thread of the pass counts on the same counter). */
const claim = (next: SharedArrayBuffer): number => Atomics.add(new Int32Array(next), 0, 1)

/**
 * In a worker thread started by `streamPassInWorkers`: opens the store with `open` (given the
 * host's data), then claims ranges one after another and runs the first pass over each with native
 * SHA-256, posting each answer, until none is left.
 */
export const serveStreamRange = async (open: (data: unknown) => Promise<AuditOpened>, options: Omit<StreamPassOptions, 'onStreams'> = {}): Promise<void> => {
  const { data, ranges, next } = workerData as StreamPassInput
  const post = (message: StreamRangeMessage): void => parentPort!.postMessage(message)
  const opened = await open(data)
  try {
    for (let index = claim(next); index < ranges.length; index = claim(next)) {
      const { range, heads } = ranges[index]!
      const result = await verifyStreamRange(opened.audit, heads, range, {
        sha256: nativeSha256Hex,
        ...options,
        onStreams: (done) => {
          if (done % PROGRESS_EVERY === 0) post({ kind: 'progress', index, done })
        },
      })
      post({ kind: 'done', index, result })
    }
  } finally {
    await opened.close()
  }
}

/** The store as this thread has it open: it claims ranges itself while the workers claim the others. */
export interface StreamPassHere {
  readonly audit: StoreAudit
  readonly options?: Omit<StreamPassOptions, 'onStreams'>
}

/**
 * The first pass over ranges of streams of about equal events, shared by `count` threads: this one
 * (over `here`) and `count` − 1 threads started from the module `worker` (which calls
 * `serveStreamRange`) and handed `data`. Each thread claims the next range no thread has claimed
 * (see `RANGES_PER_THREAD`); the answers come back in range order, as `verifyLedger` merges them.
 * WHY this thread claims ranges too: it has loaded core already and starts at once, while each
 * worker first loads core; once every range is answered, a worker still starting is stopped.
 */
export const streamPassInWorkers = (worker: URL, data: unknown, count: number, here: StreamPassHere): StreamPassRunner => async (heads, progress) => {
  const ranges = streamRanges(heads, Math.max(count, 1) * RANGES_PER_THREAD)
  const next = new SharedArrayBuffer(4)
  const results: Array<StreamRangeVerification | undefined> = ranges.map(() => undefined)
  const done = ranges.map(() => 0)
  const report = (i: number, n: number): void => {
    done[i] = n
    progress(done.reduce((a, b) => a + b, 0))
  }
  const running = new Set<Worker>()
  let answered = 0
  let allAnswered: () => void = () => undefined
  const everyRange = new Promise<void>((resolve) => (allAnswered = resolve))
  const answer = (i: number, result: StreamRangeVerification): void => {
    results[i] = result
    if (++answered === ranges.length) allAnswered()
  }
  // a worker that fails (or stops with a claimed range unanswered) fails the pass
  const failed = new Promise<never>((_, reject) => {
    for (let i = 1; i < count; i++) {
      const thread = new Worker(worker, { workerData: { data, ranges, next } satisfies StreamPassInput })
      running.add(thread)
      thread.on('message', (m: StreamRangeMessage) => (m.kind === 'progress' ? report(m.index, m.done) : answer(m.index, m.result)))
      thread.once('error', reject)
      thread.once('exit', (code) => {
        running.delete(thread)
        if (code !== 0 && answered < ranges.length) reject(new Error(`a verify worker stopped (exit code ${code}) before answering for its streams`))
      })
    }
  })
  // failing once every range is answered (the workers stopped below) is no failure
  failed.catch(() => undefined)
  try {
    for (let index = claim(next); index < ranges.length; index = claim(next)) {
      const { range, heads: own } = ranges[index]!
      answer(index, await verifyStreamRange(here.audit, own, range, { sha256: nativeSha256Hex, ...here.options, onStreams: (n) => report(index, n) }))
      // the workers' messages wait for this thread to yield to the event loop: let them in between ranges
      await new Promise((resolve) => setImmediate(resolve))
    }
    await Promise.race([everyRange, failed])
    return results.map((r) => r!)
  } finally {
    // every range answered (or one failed): the others are stopped rather than left starting or reading
    await Promise.all([...running].map((t) => t.terminate()))
  }
}
