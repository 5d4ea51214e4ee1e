/**
 * The ledger service on one SQLite file: events and keys in the same file, a short scenario end to
 * end, the profile read back after reopening, ledger digests equal to core's recomputation, and
 * ForgetTalent removing the talent's key row — its bytes gone from the file, not just unlinked.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createTalentLedger, ledgerDigest, verifyStream } from '@talent-ledger/core'
import { manualClock } from '@talent-ledger/store-memory'
import { assessmentScenario, cleanupsAfterEach } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore, createSqliteKeyStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups = cleanupsAfterEach()

const { bureau, commands: scenario } = assessmentScenario

/** Opens the ledger with events and keys in the one file at `path`. */
const open = (path: string) => {
  const store = createSqliteEventStore({ path })
  const keys = createSqliteKeyStore(store.database)
  const ledger = createTalentLedger({ store, keys, clock: manualClock('2026-03-01T08:00:00.000Z') })
  return { store, keys, ledger, keyRows: () => store.database.prepare('SELECT COUNT(*) FROM keys').pluck().get() }
}

describe('the ledger service on SQLite', () => {
  it('runs a scenario, reads the profile after reopening, records digests, and forgets a talent for good', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const first = open(path)
    const results = []
    for (const command of scenario) results.push(await first.ledger.execute(command))
    expect(results.map((r) => r.ok)).toEqual([true, true, true])
    expect(results[2]).toEqual({ ok: true, stream: 'talent-t-1', version: 3, events: ['AssessmentPassed', 'LevelCertified'] })
    const digest = await first.store.recordLedgerDigest()
    expect(digest).toMatchObject(ledgerDigest(await first.store.readAll()))
    const key = await first.keys.find('t-1')
    expect(key).toHaveLength(32)
    await first.store.close()
    expect(readFileSync(path).includes(Buffer.from(key!)), 'the key is in the file before it is forgotten').toBe(true)

    const second = open(path)
    const profile = await second.ledger.profile('t-1')
    expect([profile?.name, profile?.level, profile?.certificates[0]?.ruleId]).toEqual([
      '王芳', 'intermediate', 'national-2018.intermediate.years-in-occupation',
    ])
    expect(second.keyRows()).toBe(1)
    const forgotten = await second.ledger.execute({ type: 'ForgetTalent', actor: bureau, data: { talentId: 't-1' } })
    expect(forgotten.ok).toBe(true)
    expect(second.keyRows()).toBe(0)
    expect(await second.keys.find('t-1')).toBeUndefined()
    expect((await second.ledger.profile('t-1'))?.name).toBeNull()
    const later = await second.store.recordLedgerDigest()
    const all = await second.store.readAll()
    expect(later).toMatchObject(ledgerDigest(all))
    expect((await second.store.ledgerDigests()).map((d) => d.globalPosition)).toEqual([digest.globalPosition, later.globalPosition])
    for (const s of new Set(all.map((e) => e.streamId))) expect(verifyStream(s, await second.store.readStream(s))).toBeNull()
    await second.store.close()

    // secure_delete and the WAL truncation: the key's bytes are nowhere in the file
    expect(readFileSync(path).includes(Buffer.from(key!))).toBe(false)
  })

  it('gives the same key to two key stores on one file, and a key store opened from a path closes its own connection', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const store = createSqliteEventStore({ path })
    const shared = createSqliteKeyStore(store.database)
    const own = createSqliteKeyStore(path)
    try {
      const key = await shared.keyFor('t-9')
      expect(await own.keyFor('t-9')).toEqual(key)
      await own.forget('t-9')
      expect(await shared.find('t-9')).toBeUndefined()
    } finally {
      own.close()
      await store.close()
    }
    expect(store.database.open).toBe(false)
  })
})
