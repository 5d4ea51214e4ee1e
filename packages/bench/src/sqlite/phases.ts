/**
 * The SQLite bench's run of the shared phases (../shared/phases.ts) on one contender, on its own
 * fresh file in a temporary directory: append every batch by one writer, then read, replay and
 * verify (the read phase in CPU time: all its work is this process's). The file's size on disk is
 * taken after the append phase, so the contenders' storage costs compare per event as their times do.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
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

/** A run's phase times and the bytes on disk after its append phase (the file and its WAL). */
export interface PhaseRun extends PhaseTimes {
  readonly fileBytes: number
}

/** Bytes of the SQLite file at `path` and of its write-ahead log, if any: what the store takes on disk now. */
export const bytesOnDisk = (path: string): number => [path, `${path}-wal`].reduce((n, p) => n + (existsSync(p) ? statSync(p).size : 0), 0)

/** A fresh temporary directory, and a function removing it. */
export const freshDir = (): { dir: string; remove: () => void } => {
  const dir = mkdtempSync(join(os.tmpdir(), 'tl-bench-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Runs the four phases of `w` on a new file; returns their times and the file's size after the append. */
export const runPhases = async (open: OpenContender, w: Workload): Promise<PhaseRun> => {
  const { dir, remove } = freshDir()
  const path = join(dir, 'bench.sqlite')
  const store = await open(path)
  try {
    const append = await appendAll(store, w.batches)
    const fileBytes = bytesOnDisk(path)
    return { append, fileBytes, ...(await readPhases(store, w, nativeSha256Hex, 'cpu')) }
  } finally {
    await store.close()
    remove()
  }
}
