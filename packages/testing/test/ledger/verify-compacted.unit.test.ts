// core's verifyLedger over an outbox that retention compacted: a compacted row is checked through the
// hash of its payload (of the payload without `personal` for a row an earlier version wrote), and a
// forged hash, a payload left in a compacted row or a compacted row that was never delivered is
// named. The forged rows are the port's outbox read altered as a forger would alter the table.
import { describe, expect, it } from 'vitest'
import { payloadSha256Of, verifyLedger, type EventStore, type OutboxRecord } from '@talent-ledger/core'
import { assess, registerEmployer, registerTalent, setup } from './fixtures.js'

const DELIVERED = '2026-03-01T09:00:00.000Z'
const LATER = '2026-04-01T00:00:00.000Z'

/** A ledger with one talent's notices, every one delivered and compacted. */
const compactedLedger = async () => {
  const { store, ledger } = setup()
  for (const c of [registerEmployer, registerTalent(), assess('a-1', 'intermediate', '2026-03-01')]) expect(await ledger.execute(c)).toMatchObject({ ok: true })
  const rows = await store.outbox.list()
  expect(rows.length).toBeGreaterThan(1)
  for (const r of rows) await store.outbox.markDelivered(r.id, DELIVERED)
  expect(await store.outbox.compact(LATER)).toBe(rows.length)
  return { store, rows }
}

/** The store with its outbox read through `change`. */
const reading = (store: EventStore, change: (r: OutboxRecord) => OutboxRecord): EventStore => ({
  ...store,
  audit: { ...store.audit, outbox: async (page) => (await store.audit.outbox(page)).map(change) },
})

const reasons = async (store: EventStore): Promise<string[]> => {
  const verified = await verifyLedger(store)
  if (verified.ok) return expect.fail('the forged outbox verified intact')
  return verified.findings.map((f) => f.reason)
}

describe('verifyLedger after retention', () => {
  it('finds compacted rows intact, a row compacted from the payload an earlier version wrote too', async () => {
    const { store, rows } = await compactedLedger()
    expect(await verifyLedger(store)).toMatchObject({ ok: true, outboxRows: rows.length })
    // an earlier version wrote the payload without `personal`: compacted, that is the hash it keeps
    const legacy = (r: OutboxRecord): OutboxRecord => {
      const { personal: _sealed, ...facts } = rows.find((w) => w.id === r.id)!.payload
      return { ...r, payloadSha256: payloadSha256Of(facts) }
    }
    expect(await verifyLedger(reading(store, legacy))).toMatchObject({ ok: true, outboxRows: rows.length })
  })

  it('names a compacted row whose hash is not its payload’s, or that still holds a payload', async () => {
    const { store, rows } = await compactedLedger()
    const target = rows[0]!
    const forgedHash = payloadSha256Of({ ...target.payload, level: 'chief-technician' })
    expect(await reasons(reading(store, (r) => (r.id === target.id ? { ...r, payloadSha256: forgedHash } : r)))).toEqual([
      expect.stringMatching(new RegExp(`^the outbox row ${target.id} differs from what version \\d+ implies \\(payload\\)$`)),
    ])
    expect(await reasons(reading(store, (r) => (r.id === target.id ? { ...r, payload: { level: 'chief-technician' } } : r)))).toEqual([
      expect.stringMatching(new RegExp(`^the outbox row ${target.id} differs from what version \\d+ implies \\(payload\\)$`)),
    ])
  })

  it('names a compacted row that was not delivered: its notice can no longer be sent', async () => {
    const { store, rows } = await compactedLedger()
    const target = rows[0]!
    expect(await reasons(reading(store, (r) => (r.id === target.id ? { ...r, status: 'pending', deliveredAt: null } : r)))).toEqual([
      `the outbox row ${target.id} is compacted but pending, not delivered: its notice can no longer be sent`,
    ])
  })
})
