/**
 * The SQLite bench's run of the shared phases (../shared/phases.ts) on one contender, on its own
 * fresh file in a temporary directory: append every batch by one writer, then read, replay and
 * verify.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { nativeSha256Hex } from '@talent-ledger/store-sqlite'
import type { OpenContender } from '../shared/contender.js'
import { appendAll, readPhases } from '../shared/phases.js'
import type { Workload } from '../shared/workload.js'

/** The phases' times of one run, in milliseconds. */
export interface PhaseTimes {
  readonly append: number
  readonly read: number
  readonly replay: number
  readonly verify: number
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
  try {
    const append = await appendAll(store, w.batches)
    return { append, ...(await readPhases(store, w, nativeSha256Hex)) }
  } finally {
    await store.close()
    remove()
  }
}
