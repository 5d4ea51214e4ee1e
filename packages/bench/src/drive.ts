/**
 * Builds the benchmark's log: the simulated city driven through the pure deciders by one worker per
 * core, each owning a share of the talents; the parts are merged back into commit order and given
 * global positions 1…n (positions are not covered by the hashes, so the chains stay intact).
 */
import { Worker } from 'node:worker_threads'
import type { RecordedEvent } from '@talent-ledger/core'

/** What a worker is asked to do. */
export interface DriveRequest {
  readonly talents: number
  readonly seed: number
  readonly shard: number
  readonly shards: number
}

/** What a worker sends back. */
export interface DriveReply {
  readonly log: RecordedEvent[]
  readonly refused: Readonly<Record<string, number>>
  readonly simulateMs: number
  readonly commands: number
  readonly to: string
}

/** The merged log, its streams, and how the build went. */
export interface DrivenCity {
  readonly log: ReadonlyArray<RecordedEvent>
  readonly streams: ReadonlyMap<string, ReadonlyArray<RecordedEvent>>
  readonly refused: Readonly<Record<string, number>>
  readonly commands: number
  readonly simulateMs: number
  readonly driveMs: number
  readonly to: string
}

const run = (request: DriveRequest): Promise<DriveReply> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./drive-worker.js', import.meta.url), { workerData: request })
    worker.once('message', (reply: DriveReply) => {
      resolve(reply)
      void worker.terminate()
    })
    worker.once('error', reject)
  })

/** Simulates `talents` talents with `seed` and drives them through the deciders on `shards` workers. */
export const driveCity = async (talents: number, seed: number, shards: number): Promise<DrivenCity> => {
  const t0 = performance.now()
  const replies = await Promise.all(Array.from({ length: shards }, (_, shard) => run({ talents, seed, shard, shards })))
  const log = replies.flatMap((r) => r.log).sort((a, b) => a.globalPosition - b.globalPosition)
  const streams = new Map<string, RecordedEvent[]>()
  log.forEach((e, i) => {
    ;(e as { globalPosition: number }).globalPosition = i + 1
    const stream = streams.get(e.streamId)
    if (stream === undefined) streams.set(e.streamId, [e])
    else stream.push(e)
  })
  const refused: Record<string, number> = {}
  for (const r of replies) for (const [code, n] of Object.entries(r.refused)) refused[code] = (refused[code] ?? 0) + n
  const first = replies[0]!
  return { log, streams, refused, commands: first.commands, simulateMs: first.simulateMs, driveMs: performance.now() - t0, to: first.to }
}
