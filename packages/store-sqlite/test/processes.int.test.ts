/**
 * Several OS processes on one store file: concurrent appenders (each retrying on Conflict) lose
 * nothing and leave one contiguous, verifiable chain; a process killed with SIGKILL while its batch
 * is being written leaves no part of that batch behind. The children run the built package (dist).
 */
import { spawn } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyStream } from '@talent-ledger/core'
import { storeProbes } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures')
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

/** A running child process with its stdout so far and its end. */
const child = (script: string, args: ReadonlyArray<string>) => {
  const proc = spawn(process.execPath, [join(fixtures, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  proc.stdout.on('data', (d: Buffer) => void (stdout += d.toString()))
  proc.stderr.on('data', (d: Buffer) => void (stderr += d.toString()))
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal })),
  )
  return { proc, ended, stdout: () => stdout, stderr: () => stderr }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

const newStoreFile = async (): Promise<string> => {
  const { path, cleanup } = tempStorePath()
  cleanups.push(cleanup)
  await createSqliteEventStore({ path }).close() // created and migrated before the children race
  return path
}

describe('two processes on one file', () => {
  it('both append to the same stream with expected versions: every event lands, versions contiguous, chain intact', async () => {
    const path = await newStoreFile()
    const perWriter = 120
    const writers = ['A', 'B'].map((tag) => child('appender.mjs', [path, 'talent-shared', String(perWriter), tag]))
    const ends = await Promise.all(writers.map((w) => w.ended))
    writers.forEach((w, i) => expect(ends[i], w.stderr()).toEqual({ code: 0, signal: null }))
    const store = createSqliteEventStore({ path })
    try {
      const events = await store.readStream('talent-shared')
      expect(events.map((e) => e.version)).toEqual(Array.from({ length: 2 * perWriter }, (_, i) => i + 1))
      expect(verifyStream('talent-shared', events)).toBeNull()
      for (const tag of ['A', 'B']) {
        const mine = events.filter((e) => (e.data as { writer: string }).writer === tag).map((e) => (e.data as { n: number }).n)
        expect(mine).toEqual(Array.from({ length: perWriter }, (_, i) => i))
      }
      const all = await store.readAll()
      expect(all.map((e) => e.globalPosition)).toEqual(all.map((_, i) => i + 1))
    } finally {
      await store.close()
    }
  })

  it('a process killed (SIGKILL) while writing a large batch leaves the stream before the whole batch or after it', async () => {
    const path = await newStoreFile()
    const before = createSqliteEventStore({ path })
    expect((await before.append('talent-batch', storeProbes(2), 'no-stream')).ok).toBe(true)
    await before.close()
    const count = 30_000
    const writer = child('big-batch.mjs', [path, 'talent-batch', String(count), '1500'])
    const wal = `${path}-wal`
    const deadline = Date.now() + 30_000
    // the batch is far larger than the page cache, so its pages spill into the WAL before the commit
    while (!(writer.stdout().includes('ready') && existsSync(wal) && statSync(wal).size > 4_000_000)) {
      if (Date.now() > deadline || writer.proc.exitCode !== null) expect.fail(`the writer ended or stalled first: ${writer.stderr()}`)
      await pause(5)
    }
    writer.proc.kill('SIGKILL')
    expect(await writer.ended).toEqual({ code: null, signal: 'SIGKILL' })
    const after = createSqliteEventStore({ path })
    try {
      const events = await after.readStream('talent-batch')
      expect([2, 2 + count]).toContain(events.length)
      expect(verifyStream('talent-batch', events)).toBeNull()
      expect((await after.append('talent-batch', storeProbes(1, 9), events.length)).ok).toBe(true)
      expect(await after.readStream('talent-batch')).toHaveLength(events.length + 1)
    } finally {
      await after.close()
    }
  })
})
