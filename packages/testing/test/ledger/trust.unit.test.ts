// The ledger service checks what it can know of the actor it is handed and of the dates it is given
// (DOMAIN.md §8, §17): official accounts when a list is given, usable actor ids, the record date from
// the Clock in UTC+8 with `maxFutureDays`, the birth date opened (never stored) for facts before
// `occupationSince`, and notices to both employers on a release and a change of employer.
import { describe, expect, it } from 'vitest'
import { createTalentLedger, type Officials } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, manualClock } from '@talent-ledger/store-memory'
import { assess, bureau, employer, registerEmployer, registerTalent } from './fixtures.js'

const ledgerWith = (options: { officials?: Officials; maxFutureDays?: number; now?: string } = {}) => {
  const store = createMemoryEventStore()
  const keys = createMemoryKeyStore()
  const { now, ...rest } = options
  const ledger = createTalentLedger({ store, keys, clock: manualClock(now ?? '2026-01-01T00:00:00.000Z'), ...rest })
  return { store, keys, ledger }
}

const designate = (actor: unknown) => ({ type: 'DesignateCarrier', actor, data: { carrierId: 'k-1', kind: 'master-studio', name: '技能大师工作室', on: '2026-01-01' } })

describe('official accounts', () => {
  it('without a list, any id acts as the bureau (as before)', async () => {
    const { ledger } = ledgerWith()
    expect((await ledger.execute(designate({ id: 'anyone-at-all', role: 'hr-bureau' }))).ok).toBe(true)
  })

  it('with a list, an id not on it is Unauthorized (rule actor.official); one on it is accepted', async () => {
    const { ledger, store } = ledgerWith({ officials: { 'hr-bureau': ['hrss-zhang'], auditor: ['audit-1'] } })
    const refused = await ledger.execute(designate({ id: 'anyone-at-all', role: 'hr-bureau' }))
    expect(refused).toMatchObject({ ok: false, error: { code: 'Unauthorized', details: [{ rule: 'actor.official' }] } })
    expect(store.all()).toHaveLength(0)
    expect((await ledger.execute(designate({ id: 'hrss-zhang', role: 'hr-bureau' }))).ok).toBe(true)
  })

  it('a role absent from the list stays open; organisations are checked against their registration', async () => {
    const { ledger } = ledgerWith({ officials: { auditor: ['audit-1'] } })
    expect((await ledger.execute(designate({ id: 'anyone-at-all', role: 'hr-bureau' }))).ok).toBe(true)
    const stranger = await ledger.execute({ ...assess('a-1', 'junior', '2026-02-01'), actor: { id: 'port-co', role: 'employer' } })
    expect(stranger).toMatchObject({ ok: false, error: { code: 'Unauthorized', message: 'port-co is not a registered organisation: the role employer is for organisations registered as such' } })
  })
})

describe('actor ids', () => {
  it.each([
    ['empty', ''],
    ['padded', ' hr-bureau'],
    ['with a control character', 'hr\u001b[31m-bureau'],
  ])('%s: Malformed naming actor.id, nothing stored', async (_what, id) => {
    const { ledger, store } = ledgerWith()
    const result = await ledger.execute(designate({ id, role: 'hr-bureau' }))
    expect(result).toMatchObject({ ok: false, error: { code: 'Malformed', details: [{ field: 'actor.id' }] } })
    expect(store.all()).toHaveLength(0)
  })
})

describe('17-b through the ledger: record date = the Clock in UTC+8', () => {
  const setup = async (maxFutureDays?: number) => {
    const w = ledgerWith({ now: '2026-12-01T20:00:00.000Z', ...(maxFutureDays === undefined ? {} : { maxFutureDays }) })
    await w.ledger.execute(registerEmployer)
    await w.ledger.execute(registerTalent())
    return w
  }

  it('maxFutureDays 0: an assessment on 2026-12-03 is NotEligible; on 2026-12-02 (already that day in Lianyungang) accepted', async () => {
    const { ledger } = await setup(0)
    expect(await ledger.execute(assess('a-1', 'junior', '2026-12-03'))).toMatchObject({ ok: false, error: { code: 'NotEligible', details: [{ rule: 'dates.not-after-record-date' }] } })
    expect((await ledger.execute(assess('a-1', 'junior', '2026-12-02'))).ok).toBe(true)
  })

  it('maxFutureDays 0: AdoptPolicy from 2027-01-01 is accepted', async () => {
    const { ledger } = await setup(0)
    const { defaultPolicyDocument } = await import('@talent-ledger/core')
    expect((await ledger.execute({ type: 'AdoptPolicy', actor: bureau, data: { policyId: 'lyg-2027', effectiveFrom: '2027-01-01', document: defaultPolicyDocument } })).ok).toBe(true)
  })

  it('without the option the assessment on 2026-12-03 is accepted; 2100-01-01 is Malformed dates.window', async () => {
    const { ledger } = await setup()
    expect((await ledger.execute(assess('a-1', 'junior', '2026-12-03'))).ok).toBe(true)
    expect(await ledger.execute(assess('a-2', 'intermediate', '2100-01-01'))).toMatchObject({ ok: false, error: { code: 'Malformed', details: [{ rule: 'dates.window' }] } })
  })

  it('a birth date after the record date: Malformed id.birth-date', async () => {
    const { ledger } = await setup()
    const unborn = registerTalent('t-9')
    const first17 = '32070620261203001'
    const { nationalIdCheckChar } = await import('@talent-ledger/core')
    const result = await ledger.execute({ ...unborn, data: { ...unborn.data, nationalId: first17 + nationalIdCheckChar(first17), birthDate: '2026-12-03' } })
    expect(result).toMatchObject({ ok: false, error: { code: 'Malformed', details: [{ rule: 'id.birth-date' }] } })
  })
})

describe('dates.after-anchor: the ledger opens the birth date, never stores it', () => {
  // the fixture talent was born 1991-05-02 and works since 2010-07-01 (16th birthday 2007-05-02)
  const setup = async () => {
    const w = ledgerWith()
    await w.ledger.execute(registerEmployer)
    await w.ledger.execute(registerTalent())
    return w
  }

  it('an assessment in school time (after the 16th birthday, before occupationSince): accepted, no birth date stored', async () => {
    const { ledger, store } = await setup()
    const result = await ledger.execute({ ...assess('a-1', 'junior', '2009-06-01'), data: { ...assess('a-1', 'junior', '2009-06-01').data, passed: false } })
    expect(result).toMatchObject({ ok: true, events: ['AssessmentFailed'] })
    expect(JSON.stringify(store.all())).not.toContain('1991-05-02')
  })

  it('before the 16th birthday: NotEligible dates.after-anchor', async () => {
    const { ledger } = await setup()
    const early = assess('a-1', 'junior', '2007-05-01')
    expect(await ledger.execute({ ...early, data: { ...early.data, passed: false } })).toMatchObject({ ok: false, error: { code: 'NotEligible', details: [{ rule: 'dates.after-anchor' }] } })
  })

  it('once erased, the anchor is occupationSince', async () => {
    const { ledger } = await setup()
    await ledger.execute({ type: 'ForgetTalent', actor: bureau, data: { talentId: 't-1' } })
    const school = assess('a-1', 'junior', '2009-06-01')
    expect(await ledger.execute({ ...school, data: { ...school.data, passed: false } })).toMatchObject({ ok: false, error: { code: 'NotEligible', details: [{ rule: 'dates.after-anchor' }] } })
  })
})

describe('notices on a release and a change of employer', () => {
  it('the releasing employer hears of the release; the employer left and the new one of the change', async () => {
    const { ledger, store } = ledgerWith()
    await ledger.execute(registerEmployer)
    await ledger.execute({ ...registerEmployer, data: { ...registerEmployer.data, organizationId: '港口集团', name: '新单位' } })
    await ledger.execute(registerTalent())
    expect(await ledger.execute({ type: 'ChangeEmployer', actor: { id: '港口集团', role: 'employer' }, data: { talentId: 't-1', employerId: '港口集团', on: '2026-03-01' } })).toMatchObject({
      ok: false,
      error: { code: 'Unauthorized', details: [{ rule: 'employer-change.release-required' }] },
    })
    expect((await ledger.execute({ type: 'ReleaseTalent', actor: employer, data: { talentId: 't-1', on: '2026-02-20', reason: '合同到期' } })).ok).toBe(true)
    expect((await ledger.execute({ type: 'ChangeEmployer', actor: { id: '港口集团', role: 'employer' }, data: { talentId: 't-1', employerId: '港口集团', on: '2026-03-01' } })).ok).toBe(true)
    const rows = (await store.outbox.list()).map((r) => [r.template, r.recipient, r.channel])
    expect(rows).toEqual([
      ['talent-released', 'employer:port-co', 'webhook'],
      ['employer-changed', 'employer:port-co', 'webhook'],
      ['employer-changed', 'employer:港口集团', 'webhook'],
    ])
  })
})
