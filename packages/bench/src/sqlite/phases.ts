/**
 * The four timed phases, run on one contender on its own fresh file: (a) append every batch with
 * its expected version, (b) read every stream back, (c) replay the whole log a page at a time into
 * the city dashboard and its report, (d) read every stream and verify its hash chain. Each phase
 * checks its result (event counts, the hashes the pure run produced, an intact chain), so a fast
 * but wrong contender fails instead of winning.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { cityDashboardProjection, dashboardReport, decodeRecorded, decodeStored, verifyStream, type RecordedEvent } from '@talent-ledger/core'
import { nativeSha256Hex } from '@talent-ledger/store-sqlite'
import type { OpenContender } from './contender.js'
import type { Workload } from './workload.js'

/** The phases' times of one run, in milliseconds. */
export interface PhaseTimes {
  readonly append: number
  readonly read: number
  readonly replay: number
  readonly verify: number
}

/** The page size of the log replay. */
export const PAGE = 1000

const timed = async (fn: () => Promise<void>): Promise<number> => {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

/** A fresh temporary directory, and a function removing it. */
export const freshDir = (): { dir: string; remove: () => void } => {
  const dir = mkdtempSync(join(os.tmpdir(), 'tl-bench-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Runs the four phases of `w` on a new file; returns their times. */
export const runPhases = async (open: OpenContender, w: Workload): Promise<PhaseTimes> => {
  const { dir, remove } = freshDir()
  const store = await open(join(dir, 'bench.sqlite'))
  const decode: (row: RecordedEvent) => ReturnType<ReturnType<typeof decodeStored>> = store.checksEnvelopes ? decodeStored() : decodeRecorded()
  try {
    const append = await timed(async () => {
      for (const b of w.batches) await store.append(b)
    })
    let events = 0
    const read = await timed(async () => {
      for (const id of w.streams) events += (await store.readStream(id)).length
    })
    if (events !== w.events) throw new Error(`${store.name}: read ${events} events back, appended ${w.events}`)
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
        const broken = verifyStream(id, await store.readStream(id), nativeSha256Hex)
        if (broken !== null) throw new Error(`${store.name}: stream ${id} does not verify: ${broken.reason}`)
      }
    })
    // the chains must be the ones the pure run sealed: same fields, same hashes
    const last = w.log[w.log.length - 1]!
    const stored = (await store.readStream(last.streamId)).find((e) => e.version === last.version)
    if (stored?.hash !== last.hash) throw new Error(`${store.name}: last hash differs from the pure run's`)
    return { append, read, replay, verify }
  } finally {
    await store.close()
    remove()
  }
}
