// core's verifyLedger over ledgers written by the ledger service on the memory store: a simulated
// city (employer changes, certifications, benefits, revocations: every notice recomputed from its
// events, recipients from the employer at the time) verifies intact; the notification policy the
// ledger wrote with is the one verify must be given. Rows written before rows carried the talent's
// sealed personal data verify as they stand and render by id alone.
import { describe, expect, it } from 'vitest'
import { createTalentLedger, noticeRenderer, silentNotificationPolicy, verifyLedger, type OutboxRecord } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, manualClock } from '@talent-ledger/store-memory'
import { simulateCity } from '@talent-ledger/testing'
import { assess, bureau, registerEmployer, registerTalent, setup } from './fixtures.js'

const city = async (notifications?: null) => {
  const store = createMemoryEventStore()
  const ledger = createTalentLedger({ store, keys: createMemoryKeyStore(), clock: manualClock('2026-01-01T00:00:00.000Z'), ...(notifications === null ? { notifications } : {}) })
  for (const c of simulateCity({ talents: 60, seed: 7 }).commands) await ledger.execute(c)
  return store
}

describe('verifyLedger', () => {
  it('finds a simulated city intact: every row reached, every notice as its event implies', async () => {
    const store = await city()
    const all = await store.readAll()
    const notices = await store.outbox.list()
    expect(notices.length).toBeGreaterThan(20)
    expect(notices.some((n) => n.recipient.startsWith('employer:'))).toBe(true)
    const verified = await verifyLedger(store)
    expect(verified).toMatchObject({ ok: true, events: all.length, streams: new Set(all.map((e) => e.streamId)).size, outboxRows: notices.length })
  })

  it('checks the outbox against the policy the ledger wrote with', async () => {
    const silent = await city(null)
    expect(await silent.outbox.list()).toEqual([])
    expect(await verifyLedger(silent, { notifications: null })).toMatchObject({ ok: true, outboxRows: 0 })
    // under the shipped policy the same events imply notices that were never written
    const strict = await verifyLedger(silent)
    expect(strict.ok).toBe(false)
    if (!strict.ok) expect(strict.findings[0]!.reason).toMatch(/^the outbox row .* that version \d+ implies is missing$/)
    // and notices written under it have no event behind them under a policy without rules
    const noisy = await verifyLedger(await city(), { notifications: silentNotificationPolicy })
    expect(noisy.ok).toBe(false)
    if (!noisy.ok) expect(noisy.findings.every((f) => /has no event behind it: no stored event implies it under notification policy silent$/.test(f.reason))).toBe(true)
  })

  it('recomputes each notice for the employer at the time: a notice redirected to the former employer is named', async () => {
    const { store, ledger } = setup()
    const shipyard = { ...registerEmployer, data: { ...registerEmployer.data, organizationId: 'shipyard', name: '船厂' } }
    const commands = [
      registerEmployer,
      shipyard,
      registerTalent(),
      assess('a-1', 'intermediate', '2026-03-01'),
      { type: 'ChangeEmployer', actor: bureau, data: { talentId: 't-1', employerId: 'shipyard', on: '2026-04-01' } },
      { ...assess('a-2', 'senior', '2026-06-01'), actor: { id: 'shipyard', role: 'employer' }, data: { ...assess('a-2', 'senior', '2026-06-01').data, assessorId: 'shipyard' } },
    ]
    for (const c of commands) expect(await ledger.execute(c)).toMatchObject({ ok: true })
    const rows = await store.outbox.list()
    expect(rows.map((r) => r.recipient)).toEqual(expect.arrayContaining(['employer:port-co', 'employer:shipyard']))
    expect(await verifyLedger(store)).toMatchObject({ ok: true, outboxRows: rows.length })
    // the port's outbox read, altered as a forger would alter the row: pure logic, so a fake port will do
    const target = rows.find((r) => r.recipient === 'employer:shipyard')!
    const forged = { ...store, audit: { ...store.audit, outbox: async (page: Parameters<typeof store.audit.outbox>[0]) => (await store.audit.outbox(page)).map((r) => (r.id === target.id ? { ...r, recipient: 'employer:port-co' } : r)) } }
    const verified = await verifyLedger(forged)
    expect(verified.ok).toBe(false)
    if (!verified.ok) expect(verified.findings).toEqual([{ stream: 'talent-t-1', version: expect.any(Number), reason: expect.stringMatching(new RegExp(`^the outbox row ${target.id} differs from what version \\d+ implies \\(recipient\\)$`)) }])
  })

  it('accepts a row written before rows carried the sealed personal data (and renders it by id), but no other change to the seal', async () => {
    const { store, keys, ledger } = setup()
    for (const c of [registerEmployer, registerTalent(), assess('a-1', 'intermediate', '2026-03-01')]) expect(await ledger.execute(c)).toMatchObject({ ok: true })
    const rows = await store.outbox.list()
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) expect(r.payload).toHaveProperty('personal')
    // the outbox as an earlier version wrote it: the same rows without the sealed field
    const legacy = ({ payload: { personal: _sealed, ...facts }, ...r }: OutboxRecord): OutboxRecord => ({ ...r, payload: facts })
    const reading = (change: (r: OutboxRecord) => OutboxRecord) => ({
      ...store,
      audit: { ...store.audit, outbox: async (page: Parameters<typeof store.audit.outbox>[0]) => (await store.audit.outbox(page)).map(change) },
    })
    expect(await verifyLedger(reading(legacy))).toMatchObject({ ok: true, outboxRows: rows.length })
    const talentRow = legacy(rows.find((r) => r.recipient === 'talent:t-1')!)
    const notice = await noticeRenderer({ keys })(talentRow)
    expect(notice.body).toMatch(/^您好：/)
    expect(notice.body).not.toContain('*')

    // a legacy row altered in anything else, or a seal that is not the talent's, is still reported
    const target = rows[0]!
    const altered = await verifyLedger(reading((r) => (r.id === target.id ? { ...legacy(r), locale: 'en' } : r)))
    expect(altered.ok).toBe(false)
    if (!altered.ok) expect(altered.findings.map((f) => f.reason)).toEqual([expect.stringMatching(/differs from what version \d+ implies \(locale\)$/)])
    const reSealed = await verifyLedger(reading((r) => (r.id === target.id ? { ...r, payload: { ...r.payload, personal: { alg: 'xchacha20poly1305', keyId: 't-1', ciphertext: '00' } } } : r)))
    expect(reSealed.ok).toBe(false)
    if (!reSealed.ok) expect(reSealed.findings.map((f) => f.reason)).toEqual([expect.stringMatching(/differs from what version \d+ implies \(payload\)$/)])
  })
})
