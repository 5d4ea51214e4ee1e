/**
 * The timed phases every store bench runs on one open contender: (a) append every batch with its
 * expected version — by one writer, or by several concurrent writers each owning a share of the
 * streams — (b) read every stream back (over several passes, `READ_PASSES`), (c)
 * replay the whole log a page at a time into the city dashboard and its report, (d) read every
 * stream and verify its hash chain. Each phase checks its result (event counts, the hashes the
 * pure run produced, an intact chain), so a fast but wrong contender fails instead of winning.
 */
import { cityDashboardProjection, dashboardReport, decodeRecorded, decodeStored, sha256Hex, verifyStream, type Sha256Function } from '@talent-ledger/core'
import { timedWithCpu } from '../measure.js'
import type { Contender } from './contender.js'
import type { Batch, Workload } from './workload.js'

/** The page size of the log replay. */
export const PAGE = 1000

/**
 * The read phase reads every stream this many times at the least, and more until it has read
 * `READ_EVENTS`. Reading the quick workload's streams once (about 2,700 events) took 9–17 ms,
 * where one preemption on the shared machine or the read path's first compilation weighed as much
 * as the reads. Timed by the wall clock, the phase's time is its fastest pass (load only ever adds
 * time); in CPU time (`ReadClock`), the mean of its passes, so that what a read leaves to the
 * garbage collector counts whichever pass pays it. Every contender alike.
 */
export const READ_PASSES = 3

/** The fewest events the read phase reads over all its passes. */
export const READ_EVENTS = 30_000

/** Milliseconds `fn` took. */
export const timed = async (fn: () => Promise<void>): Promise<number> => {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

/** Milliseconds of this process's CPU time (user + system, all its threads) `fn` took. */
export const cpuTimed = async (fn: () => Promise<void>): Promise<number> => (await timedWithCpu(fn)).cpuMs

/**
 * How the read phase is timed: `wall` where the work is partly another process's (a server), `cpu`
 * where it is all this process's (an embedded store, its reads served from the page cache): there
 * the wall clock of a loaded machine counts the other processes' turns, the CPU time only the reads.
 */
export type ReadClock = 'wall' | 'cpu'

/** (a) Appends every batch in workload order, one at a time; returns the milliseconds. */
export const appendAll = (store: Contender, batches: ReadonlyArray<Batch>): Promise<number> =>
  timed(async () => {
    for (const b of batches) await store.append(b)
  })

/**
 * Splits the batches among `writers`: every stream goes to one writer (round robin in order of first
 * append), which keeps that stream's batches in workload order, so every expected version holds.
 */
export const shareStreams = (batches: ReadonlyArray<Batch>, writers: number): Batch[][] => {
  const owner = new Map<string, number>()
  const shares: Batch[][] = Array.from({ length: writers }, () => [])
  for (const b of batches) {
    let w = owner.get(b.streamId)
    if (w === undefined) owner.set(b.streamId, (w = owner.size % writers))
    shares[w]!.push(b)
  }
  return shares
}

/** (a') `writers` concurrent async writers, each appending its share one batch at a time; returns the milliseconds. */
export const appendConcurrently = (store: Contender, batches: ReadonlyArray<Batch>, writers: number): Promise<number> => {
  const shares = shareStreams(batches, writers)
  return timed(async () => {
    await Promise.all(
      shares.map(async (share) => {
        for (const b of share) await store.append(b)
      }),
    )
  })
}

/** Reads every stream and verifies its chain (untimed), to check a fill such as a concurrent one. */
export const checkFill = async (store: Contender, w: Workload): Promise<void> => {
  let events = 0
  for (const id of w.streams) {
    const stream = await store.readStream(id)
    // the floor keeps no chain: its count is what can be checked
    const broken = store.floor === true ? null : verifyStream(id, stream)
    if (broken !== null) throw new Error(`${store.name}: stream ${id} does not verify: ${broken.reason}`)
    events += stream.length
  }
  if (events !== w.events) throw new Error(`${store.name}: read ${events} events back, appended ${w.events}`)
}

/** The times of the read phases, in milliseconds. */
export interface ReadTimes {
  readonly read: number
  readonly replay: number
  readonly verify: number
}

/**
 * (b), (c), (d) on a store holding the whole workload, verifying with `sha` (default core's pure-JS
 * SHA-256), the read phase timed by `clock`; returns their times.
 */
export const readPhases = async (store: Contender, w: Workload, sha: Sha256Function = sha256Hex, clock: ReadClock = 'wall'): Promise<ReadTimes> => {
  // a store that checks every envelope it reads (ours) needs only the data decoded; the others get both checked
  const decode = store.checksEnvelopes ? decodeStored() : decodeRecorded()
  const passes = Math.max(READ_PASSES, Math.ceil(READ_EVENTS / w.events))
  const times: number[] = []
  for (let pass = 0; pass < passes; pass++) {
    let events = 0
    times.push(
      await (clock === 'cpu' ? cpuTimed : timed)(async () => {
        for (const id of w.streams) events += (await store.readStream(id)).length
      }),
    )
    if (events !== w.events) throw new Error(`${store.name}: read ${events} events back, appended ${w.events}`)
  }
  const read = clock === 'cpu' ? times.reduce((a, b) => a + b, 0) / passes : Math.min(...times)
  // the floor has no hashes to verify and no event ids: its replay and verify are not timed (NaN: no run)
  if (store.floor === true) return { read, replay: Number.NaN, verify: Number.NaN }
  let highSkilled = -1
  let replayed = 0
  const replay = await timed(async () => {
    let state = cityDashboardProjection.initialState()
    for (let after = 0; ; ) {
      const page = await store.readAll(after, PAGE)
      for (const row of page) state = cityDashboardProjection.apply(state, decode(row).event)
      replayed += page.length
      if (page.length < PAGE) break
      after = page[page.length - 1]!.globalPosition
    }
    highSkilled = dashboardReport(state, w.to).highSkilledTotal
  })
  if (replayed !== w.events || highSkilled < 0) throw new Error(`${store.name}: replayed ${replayed} of ${w.events} events`)
  const verify = await timed(async () => {
    for (const id of w.streams) {
      const broken = verifyStream(id, await store.readStream(id), sha)
      if (broken !== null) throw new Error(`${store.name}: stream ${id} does not verify: ${broken.reason}`)
    }
  })
  // the chains must be the ones the pure run sealed: same fields, same hashes
  const last = w.log[w.log.length - 1]!
  const stored = (await store.readStream(last.streamId)).find((e) => e.version === last.version)
  if (stored?.hash !== last.hash) throw new Error(`${store.name}: last hash differs from the pure run's`)
  return { read, replay, verify }
}
