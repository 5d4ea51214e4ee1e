/**
 * Erasure through the library API on a real store file: with another process in a read transaction
 * (its snapshot keeps the page that held the key), `ForgetTalent` answers `erasure: 'pending'`, the
 * key's bytes are still in the .db or -wal, and `pendingErasures` lists the talent; once the reader
 * ends, `completeErasures` finishes it and the 32 bytes are in none of the store's files. With no
 * reader the erasure is complete at once. Many keys forgotten from a full keys table leave no trace.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createTalentLedger } from '@talent-ledger/core'
import { manualClock } from '@talent-ledger/store-memory'
import { assessmentScenario, cleanupsAfterEach } from '@talent-ledger/testing/vitest'
import { startChild, waitFor } from '@talent-ledger/testing/node'
import { createSqliteEventStore, createSqliteKeyStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups = cleanupsAfterEach()
const heldReader = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'held-reader.mjs')
const { bureau, employer, commands } = assessmentScenario
const registration = commands[1]

const open = (path: string) => {
  const store = createSqliteEventStore({ path })
  const keys = createSqliteKeyStore(store.database)
  cleanups.push(() => store.close())
  return { store, keys, ledger: createTalentLedger({ store, keys, clock: manualClock('2026-03-01T08:00:00.000Z') }) }
}

/** The store's files (ledger.db, -wal, -shm) that hold `bytes`. */
const filesHolding = (dir: string, bytes: Uint8Array): string[] =>
  readdirSync(dir).filter((f) => f.startsWith('ledger.db') && readFileSync(join(dir, f)).includes(Buffer.from(bytes)))

const registerTalent = (talentId: string) => ({ ...registration, actor: employer, data: { ...registration.data, talentId } })

describe('erasure on a SQLite file', () => {
  it('is pending while another process holds a read transaction, and completeErasures finishes it', async () => {
    const { path, dir, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const { keys, ledger } = open(path)
    for (const c of [commands[0], registerTalent('t-1'), registerTalent('t-2')]) expect((await ledger.execute(c)).ok).toBe(true)
    const key = (await keys.find('t-1'))!

    const reader = startChild(heldReader, [path])
    try {
      await waitFor(() => reader.stdout().includes('holding 2'), 'the reader to hold its snapshot')
      const result = await ledger.execute({ type: 'ForgetTalent', actor: bureau, data: { talentId: 't-1' } })
      expect(result).toEqual({ ok: true, stream: 'talent-t-1', version: 2, events: ['TalentForgotten'], erasure: 'pending' })
      expect(await keys.find('t-1')).toBeUndefined()
      expect((await ledger.profile('t-1'))?.name).toBeNull()
      expect(filesHolding(dir, key).length, 'the old page still holds the key').toBeGreaterThan(0)
      expect(await keys.pendingErasures()).toEqual([{ subjectId: 't-1', forgottenAt: expect.any(String) }])
      expect(await keys.completeErasures()).toMatchObject({ completed: [], pending: [{ subjectId: 't-1' }] })
    } finally {
      reader.proc.kill('SIGTERM')
      await reader.ended
    }
    expect(await keys.completeErasures()).toEqual({ completed: ['t-1'], pending: [] })
    expect(await keys.pendingErasures()).toEqual([])
    expect(filesHolding(dir, key)).toEqual([])
  })

  it('is complete at once with no reader, for every one of many keys forgotten from a full table', async () => {
    const { path, dir, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const { keys } = open(path)
    const all = []
    for (let i = 0; i < 300; i++) all.push(await keys.keyFor(`t-${i}`))
    const forgotten = Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 7 === 3)
    for (const i of forgotten) expect(await keys.forget(`t-${i}`)).toEqual({ complete: true })
    for (const i of forgotten) expect(filesHolding(dir, all[i]!), `key of t-${i}`).toEqual([])
    expect(filesHolding(dir, all[1]!)).not.toEqual([])
    expect(await keys.pendingErasures()).toEqual([])
  })
})
