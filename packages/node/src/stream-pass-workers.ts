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

/** What a worker is handed: the host's own data (how to open its store), its range and the heads in it. */
interface StreamRangeInput {
  readonly data: unknown
  readonly range: StreamRange
  readonly heads: ReadonlyArray<StoredStreamHead>
}

/** What a worker posts: streams checked so far, then its answer. */
type StreamRangeMessage = { readonly kind: 'progress'; readonly done: number } | { readonly kind: 'done'; readonly result: StreamRangeVerification }

/** A store as a worker opens it: its audit reads, and how to release it. */
export interface AuditOpened {
  readonly audit: StoreAudit
  readonly close: () => Promise<void>
}

/** Streams between two progress messages of a worker. */
const PROGRESS_EVERY = 1000

/**
 * In a worker thread started by `streamPassInWorkers`: opens the store with `open` (given the
 * host's data), runs the first pass over the range it was handed with native SHA-256, posts the answer.
 */
export const serveStreamRange = async (open: (data: unknown) => Promise<AuditOpened>, options: Omit<StreamPassOptions, 'onStreams'> = {}): Promise<void> => {
  const { data, range, heads } = workerData as StreamRangeInput
  const post = (message: StreamRangeMessage): void => parentPort!.postMessage(message)
  const opened = await open(data)
  try {
    const result = await verifyStreamRange(opened.audit, heads, range, {
      sha256: nativeSha256Hex,
      ...options,
      onStreams: (done) => {
        if (done % PROGRESS_EVERY === 0) post({ kind: 'progress', done })
      },
    })
    post({ kind: 'done', result })
  } finally {
    await opened.close()
  }
}

/** One range verified by a worker; `progress` gets the streams checked so far in that range. */
const inWorker = (worker: URL, input: StreamRangeInput, progress: (done: number) => void, running: Set<Worker>): Promise<StreamRangeVerification> =>
  new Promise((resolve, reject) => {
    const thread = new Worker(worker, { workerData: input })
    running.add(thread)
    let result: StreamRangeVerification | undefined
    thread.on('message', (m: StreamRangeMessage) => {
      if (m.kind === 'progress') progress(m.done)
      else result = m.result
    })
    thread.once('error', reject)
    thread.once('exit', (code) => {
      running.delete(thread)
      if (result !== undefined) resolve(result)
      else reject(new Error(`a verify worker stopped (exit code ${code}) before answering for its streams`))
    })
  })

/** The store as this thread has it open: it checks the first range itself while the workers check the others. */
export interface StreamPassHere {
  readonly audit: StoreAudit
  readonly options?: Omit<StreamPassOptions, 'onStreams'>
}

/**
 * The first pass over `count` ranges of streams of about equal events: the first in this thread
 * (over `here`), each other in a thread started from the module `worker` (which calls
 * `serveStreamRange`) and handed `data`. WHY this thread takes a range: a worker first loads core
 * (about 0.3 s of CPU, mostly building the domain's codecs), which this thread has done already.
 */
export const streamPassInWorkers = (worker: URL, data: unknown, count: number, here: StreamPassHere): StreamPassRunner => async (heads, progress) => {
  const ranges = streamRanges(heads, count)
  const done = ranges.map(() => 0)
  const report = (i: number) => (n: number) => {
    done[i] = n
    progress(done.reduce((a, b) => a + b, 0))
  }
  const running = new Set<Worker>()
  try {
    // the workers start first, so they load while this thread checks its own range
    const others = ranges.slice(1).map(({ range, heads: own }, i) => inWorker(worker, { data, range, heads: own }, report(i + 1), running))
    // a worker that fails early is reported when its answer is awaited, not as an unhandled rejection
    for (const o of others) o.catch(() => undefined)
    const first = ranges[0]!
    const mine = await verifyStreamRange(here.audit, first.heads, first.range, { sha256: nativeSha256Hex, ...here.options, onStreams: report(0) })
    return [mine, ...(await Promise.all(others))]
  } finally {
    // one failed: the others are stopped rather than left reading
    await Promise.all([...running].map((t) => t.terminate()))
  }
}
