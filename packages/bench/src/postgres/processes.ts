/**
 * Appends by writers in separate processes: the parent opens a contender in a fresh schema (which
 * creates it), forks `writers` processes (process-writer.ts), each attached to that schema with a
 * pool of its own and owning a share of the streams (`shareStreams`), starts them together once all
 * are connected, and times from the go to the last writer's done. The fill is then checked untimed
 * and the schema dropped. One process per writer is how a deployment would scale appends; async
 * writers in one process share that process's one thread.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { checkFill, shareStreams } from '../shared/phases.js'
import type { Batch, Workload } from '../shared/workload.js'
import { schemaName } from './connection.js'
import { openOurs } from './ours.js'
import { openRaw } from './raw.js'

/** The contenders a writer process can attach as. */
export type ProcessContender = 'ours' | 'raw'

/** What the parent sends a writer process first. */
export interface WriterRequest {
  readonly contender: ProcessContender
  readonly schema: string
  readonly poolSize: number
  /** Our store's `notifyWindowMs` (undefined: its default). */
  readonly notifyWindowMs: number | 'off' | undefined
  readonly batches: ReadonlyArray<Batch>
}

/** What a writer process reports after its appends. */
export interface WriterDone {
  readonly ms: number
  readonly cpuMs: number
}

/** One timed fill by writer processes. */
export interface ProcessFill {
  /** From the go to the last writer's done. */
  readonly ms: number
  /** The writers' CPU time during their appends, summed. */
  readonly writersCpuMs: number
  /** The share of the whole machine's CPU time that was busy (server, writers, anyone else), 0…1; null off Linux. */
  readonly machineBusy: number | null
}

/** Busy and total jiffies of all CPUs (the first line of /proc/stat), or null where there is none. */
const cpuTicks = (): { busy: number; total: number } | null => {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/)
    const n = fields.map(Number)
    const total = n.slice(0, 8).reduce((a, b) => a + b, 0)
    // idle and iowait are not busy
    return { busy: total - n[3]! - n[4]!, total }
  } catch {
    return null
  }
}

const WRITER = new URL('./process-writer.js', import.meta.url)

/** Waits for the next message of `child`, failing if it exits first. */
const nextMessage = (child: ChildProcess): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`writer process ${child.pid} exited (${code}) before reporting`))
    child.once('exit', onExit)
    child.once('message', (m) => {
      child.off('exit', onExit)
      resolve(m)
    })
  })

/** Fills a fresh schema of `contender` with `w`'s batches from `writers` processes of `poolSize` connections each. */
export const appendInProcesses = async (
  contender: ProcessContender,
  w: Workload,
  writers: number,
  poolSize: number,
  notifyWindowMs?: number | 'off',
): Promise<ProcessFill> => {
  const schema = schemaName(`proc${contender}`)
  const owner = await (contender === 'ours' ? openOurs(1) : openRaw(1))(schema)
  const children = shareStreams(w.batches, writers).map((batches) => {
    const child = fork(WRITER, [], { serialization: 'advanced' })
    return { batches, child, exited: new Promise<void>((resolve) => child.once('exit', () => resolve())) }
  })
  try {
    const ready = children.map(({ child }) => nextMessage(child))
    for (const { batches, child } of children) child.send({ contender, schema, poolSize, notifyWindowMs, batches } satisfies WriterRequest)
    for (const m of await Promise.all(ready)) if (m !== 'ready') throw new Error(`writer process said ${JSON.stringify(m)}, not ready`)
    const done = children.map(({ child }) => nextMessage(child) as Promise<WriterDone>)
    const ticks0 = cpuTicks()
    const t0 = performance.now()
    for (const { child } of children) child.send('go')
    const reports = await Promise.all(done)
    const ms = performance.now() - t0
    const ticks1 = cpuTicks()
    const machineBusy = ticks0 === null || ticks1 === null ? null : (ticks1.busy - ticks0.busy) / Math.max(1, ticks1.total - ticks0.total)
    // each writer closes its store and exits on its own; the schema is dropped after that
    await Promise.all(children.map((c) => c.exited))
    await checkFill(owner, w)
    return { ms, writersCpuMs: reports.reduce((sum, r) => sum + r.cpuMs, 0), machineBusy }
  } finally {
    for (const { child } of children) if (child.exitCode === null) child.kill()
    await owner.close()
  }
}
