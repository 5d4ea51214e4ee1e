/**
 * A prior certificate's number is the city's, not only the talent's (issue 13): once recorded for one
 * talent, the same number for another is refused `Duplicate` (rule `certificate.number-unique`) and
 * stores nothing, on the memory store and on a SQLite file; two writers racing for one number get
 * one acceptance and one `Duplicate`, because each claims the number's own stream
 * (`certificate-<number>`) expecting it empty, and the store lets one append win.
 */
import { describe, expect, it } from 'vitest'
import { createTalentLedger, nationalIdCheckChar, type EventStore, type KeyStore, type TalentLedger } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, manualClock } from '@talent-ledger/store-memory'
import { assessmentScenario, cleanupsAfterEach } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore, createSqliteKeyStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups = cleanupsAfterEach()
const { bureau } = assessmentScenario
const second = (() => {
  const first17 = '32070319880312001'
  return {
    type: 'RegisterTalent',
    actor: bureau,
    data: {
      talentId: 't-2', name: '李强', nationalId: first17 + nationalIdCheckChar(first17), birthDate: '1988-03-12', occupation: '6-31-01-03',
      occupationSince: '2008-07-01', education: 'college', employerId: 'port-co', district: '海州区', registeredOn: '2026-01-06',
    },
  }
})()
const prior = (talentId: string, certificateNumber: string, level = 'senior') => ({
  type: 'RecordPriorCertificate',
  actor: bureau,
  data: { talentId, certificateNumber, level, occupation: '6-18-02-04', issuedOn: '2019-06-01', issuer: '江苏省职业技能鉴定中心' },
})

type Opened = { readonly store: EventStore; readonly keys: KeyStore }
const stores: ReadonlyArray<readonly [string, () => Opened]> = [
  ['memory', () => ({ store: createMemoryEventStore(), keys: createMemoryKeyStore() })],
  [
    'SQLite',
    () => {
      const { path, cleanup } = tempStorePath()
      const store = createSqliteEventStore({ path })
      cleanups.push(async () => {
        await store.close()
        await cleanup()
      })
      return { store, keys: createSqliteKeyStore(store.database) }
    },
  ],
]

const cityOf = async (open: () => Opened): Promise<{ readonly ledger: TalentLedger; readonly store: EventStore }> => {
  const { store, keys } = open()
  const ledger = createTalentLedger({ store, keys, clock: manualClock('2026-03-01T08:00:00.000Z') })
  for (const c of [...assessmentScenario.commands.slice(0, 2), second]) expect((await ledger.execute(c)).ok).toBe(true)
  return { ledger, store }
}

describe.each(stores)('certificate numbers are unique in the city (%s store)', (_name, open) => {
  it('a number recorded for one talent is Duplicate for another, which stores nothing; the same talent again is its own Duplicate', async () => {
    const { ledger, store } = await cityOf(open)
    expect(await ledger.execute(prior('t-1', 'JS-2019-0001'))).toMatchObject({ ok: true, events: ['PriorCertificateRecorded', 'TalentPoolEntered'] })
    const before = (await store.readAll()).length
    const refused = await ledger.execute(prior('t-2', 'JS-2019-0001'))
    expect(refused).toMatchObject({ ok: false, error: { code: 'Duplicate', details: [{ rule: 'certificate.number-unique', field: 'data.certificateNumber' }] } })
    expect((await store.readAll()).length).toBe(before)
    expect(await store.readStream('talent-t-2')).toHaveLength(1)
    expect(await ledger.execute(prior('t-1', 'JS-2019-0001', 'technician'))).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
    // another number for the second talent is recorded
    expect(await ledger.execute(prior('t-2', 'JS-2019-0002'))).toMatchObject({ ok: true })
  })

  it('the claim and the certificate share one correlation id; a refused certificate claims nothing', async () => {
    const { ledger, store } = await cityOf(open)
    expect(await ledger.execute({ ...prior('t-1', 'JS-2019-0003'), actor: { id: 'port-co', role: 'employer' } })).toMatchObject({ ok: false, error: { code: 'Unauthorized' } })
    expect(await ledger.execute(prior('nobody', 'JS-2019-0003'))).toMatchObject({ ok: false, error: { code: 'NotFound' } })
    expect(await store.readStream('certificate-JS-2019-0003')).toEqual([])
    expect(await ledger.execute(prior('t-1', 'JS-2019-0003'))).toMatchObject({ ok: true })
    const [claim] = await store.readStream('certificate-JS-2019-0003')
    const certificate = (await store.readStream('talent-t-1')).find((e) => e.type === 'PriorCertificateRecorded')
    expect(claim).toMatchObject({ type: 'CertificateNumberClaimed', data: { certificateNumber: 'JS-2019-0003', talentId: 't-1' } })
    expect(claim!.metadata.correlationId).toBe(certificate!.metadata.correlationId)
  })

  it('two writers racing for one number: one is accepted, the other is Duplicate', async () => {
    const { ledger, store } = await cityOf(open)
    const results = await Promise.all([ledger.execute(prior('t-1', 'JS-2019-0004')), ledger.execute(prior('t-2', 'JS-2019-0004'))])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code))).toEqual(['Duplicate'])
    const owner = (await store.readStream('certificate-JS-2019-0004')).map((e) => (e.data as { talentId: string }).talentId)
    expect(owner).toHaveLength(1)
    const recorded = await Promise.all(['t-1', 't-2'].map(async (t) => (await store.readStream(`talent-${t}`)).filter((e) => e.type === 'PriorCertificateRecorded').length))
    expect(recorded.reduce((a, b) => a + b, 0)).toBe(1)
    expect(recorded[owner[0] === 't-1' ? 0 : 1]).toBe(1)
  })
})
