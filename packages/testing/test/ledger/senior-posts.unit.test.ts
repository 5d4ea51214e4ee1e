// DOMAIN.md §12 through the ledger service: the quota is decided on the employer's stream, appended
// there first with the version the decision read (two appointments racing for the last post: one
// wins), the place given back (`withdrawn`) when the talent's part is refused on a retry, posts
// vacated on the employer's stream when the talent leaves, 0.1's SeniorPostAppointed read through its
// upcaster, and the dashboard's `seniorPosts`.
import { describe, expect, it } from 'vitest'
import {
  defaultPolicyDocument,
  rebuild,
  schemaVersionOf,
  seniorPostFigures,
  seniorPostsProjection,
  verifyStream,
  type EventStore,
  type TalentLedger,
} from '@talent-ledger/core'
import { createMemoryEventStore } from '@talent-ledger/store-memory'
import { bureau, employer, registerEmployer, registerTalent, setup } from './fixtures.js'

const adoptTerms = {
  type: 'AdoptPolicy',
  actor: bureau,
  data: { policyId: 'lyg-t2', effectiveFrom: '2027-01-01', document: { ...defaultPolicyDocument, appointment: { termYears: { 'principal-technician': 3, 'chief-technician': 3 }, quotaRequired: true } } },
}
const prior = (talentId: string) => ({
  type: 'RecordPriorCertificate',
  actor: bureau,
  data: { talentId, certificateNumber: `GJ-${talentId}`, level: 'senior-technician', occupation: '6-18-02-04', issuedOn: '2015-06-30', issuer: '江苏省职业技能鉴定中心' },
})
const quota = (posts: number, on = '2027-01-01') => ({ type: 'SetSeniorPostQuota', actor: bureau, data: { organizationId: 'port-co', level: 'principal-technician', posts, on } })
const appoint = (talentId: string, on: string) => ({ type: 'AppointSeniorPost', actor: employer, data: { talentId, level: 'principal-technician', employerId: 'port-co', on } })

/** The city of 12-b at port-co: terms of three years, one principal post; c-1 and c-2 hold senior-technician. */
const city12b = async (ledger: TalentLedger, posts = 1): Promise<void> => {
  for (const c of [registerEmployer, adoptTerms, registerTalent('c-1'), prior('c-1'), registerTalent('c-2'), prior('c-2'), quota(posts)]) {
    const r = await ledger.execute(c)
    expect(r, JSON.stringify(c)).toMatchObject({ ok: true })
  }
}

const orgEvents = async (store: EventStore) => (await store.readStream('org-port-co')).map((e) => [e.type, e.data] as const)

describe('senior posts through the ledger (two streams)', () => {
  it('12-b: the post is filled on org-port-co, the second refused on the quota, the renewal extends it there too', async () => {
    const { ledger, store } = setup()
    await city12b(ledger)
    expect(await ledger.execute(appoint('c-1', '2027-01-02'))).toMatchObject({ ok: true, stream: 'talent-c-1', events: ['SeniorPostAppointed', 'LevelCertified'] })
    expect(await ledger.execute(appoint('c-2', '2027-02-01'))).toMatchObject({ ok: false, error: { code: 'NotEligible', details: [{ rule: 'lyg-t2.appointment.quota' }] } })
    expect(await ledger.execute({ type: 'RenewSeniorPost', actor: employer, data: { talentId: 'c-1', level: 'principal-technician', employerId: 'port-co', on: '2029-12-01' } })).toMatchObject({ ok: true, events: ['SeniorPostRenewed'] })
    expect((await orgEvents(store)).slice(1)).toEqual([
      ['SeniorPostQuotaSet', { organizationId: 'port-co', level: 'principal-technician', posts: 1, on: '2027-01-01' }],
      ['SeniorPostFilled', { organizationId: 'port-co', talentId: 'c-1', level: 'principal-technician', on: '2027-01-02', expiresOn: '2030-01-02' }],
      ['SeniorPostExtended', { organizationId: 'port-co', talentId: 'c-1', level: 'principal-technician', on: '2029-12-01', expiresOn: '2033-01-02' }],
    ])
    // the new shape is written as schemaVersion 2, and both streams still verify
    const appointed = (await store.readStream('talent-c-1')).find((e) => e.type === 'SeniorPostAppointed')!
    expect([appointed.schemaVersion, schemaVersionOf('SeniorPostAppointed')]).toEqual([2, 2])
    expect(verifyStream('org-port-co', await store.readStream('org-port-co'))).toBeNull()
  })

  it('two employers’ clerks appointing at once for the last post: exactly one is appointed', async () => {
    const store = createMemoryEventStore()
    const a = setup({ store }).ledger
    const b = setup({ store }).ledger
    await city12b(a)
    const results = await Promise.all([a.execute(appoint('c-1', '2027-03-01')), b.execute(appoint('c-2', '2027-03-01'))])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toMatchObject([{ error: { code: 'NotEligible', details: [{ rule: 'lyg-t2.appointment.quota' }] } }])
    expect((await orgEvents(store)).filter(([type]) => type === 'SeniorPostFilled')).toHaveLength(1)
  })

  it('a talent part refused on the retry holds no post: both streams are appended in one appendMany', async () => {
    const inner = createMemoryEventStore()
    const other = setup({ store: inner }).ledger
    await city12b(other)
    let raced = false
    // another writer revokes c-1's certificate just before the appointment's two streams are appended
    const racing: EventStore = {
      ...inner,
      appendMany: async (requests) => {
        if (!raced && requests.some((r) => r.events.some((e) => e.type === 'SeniorPostAppointed'))) {
          raced = true
          expect(await other.execute({ type: 'RevokeCertificate', actor: bureau, data: { talentId: 'c-1', level: 'senior-technician', reason: '证书造假', on: '2027-02-01' } })).toMatchObject({ ok: true })
        }
        return inner.appendMany!(requests)
      },
    }
    const { ledger } = setup({ store: racing })
    const result = await ledger.execute(appoint('c-1', '2027-03-01'))
    expect(raced).toBe(true)
    expect(result).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    // the employer's stream never held the post
    expect((await orgEvents(inner)).filter(([type]) => type === 'SeniorPostFilled')).toEqual([])
    expect(await other.execute(appoint('c-2', '2027-04-01'))).toMatchObject({ ok: true })
  })

  it('on a store without appendMany, a talent part refused on the retry gives the post back: SeniorPostVacated {reason: withdrawn}', async () => {
    const inner = createMemoryEventStore()
    const other = setup({ store: inner }).ledger
    await city12b(other)
    let raced = false
    const { appendMany: _grouped, ...single } = inner
    // another writer revokes c-1's certificate just before the appointment's talent events are appended
    const racing: EventStore = {
      ...single,
      append: async (stream, events, expected, options) => {
        if (stream === 'talent-c-1' && events.some((e) => e.type === 'SeniorPostAppointed') && !raced) {
          raced = true
          expect(await other.execute({ type: 'RevokeCertificate', actor: bureau, data: { talentId: 'c-1', level: 'senior-technician', reason: '证书造假', on: '2027-02-01' } })).toMatchObject({ ok: true })
        }
        return inner.append(stream, events, expected, options)
      },
    }
    const { ledger } = setup({ store: racing })
    const result = await ledger.execute(appoint('c-1', '2027-03-01'))
    expect(raced).toBe(true)
    expect(result).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    expect((await orgEvents(inner)).slice(2)).toEqual([
      ['SeniorPostFilled', { organizationId: 'port-co', talentId: 'c-1', level: 'principal-technician', on: '2027-03-01', expiresOn: '2030-03-01' }],
      ['SeniorPostVacated', { organizationId: 'port-co', talentId: 'c-1', level: 'principal-technician', on: '2027-03-01', reason: 'withdrawn' }],
    ])
    // the place is free again: c-2 takes it
    expect(await other.execute(appoint('c-2', '2027-04-01'))).toMatchObject({ ok: true })
  })

  it('a release and a change of employer vacate the posts on the employer’s stream', async () => {
    const { ledger, store } = setup()
    await city12b(ledger, 2)
    await ledger.execute(appoint('c-1', '2027-01-02'))
    await ledger.execute(appoint('c-2', '2027-01-02'))
    await ledger.execute({ type: 'RegisterOrganization', actor: bureau, data: { organizationId: 'dock-co', kind: 'employer', name: '连云港码头', canAppoint: true } })
    expect(await ledger.execute({ type: 'ReleaseTalent', actor: employer, data: { talentId: 'c-1', on: '2028-01-01' } })).toMatchObject({ ok: true, events: ['TalentReleased'] })
    expect(await ledger.execute({ type: 'ChangeEmployer', actor: bureau, data: { talentId: 'c-2', employerId: 'dock-co', on: '2028-02-01' } })).toMatchObject({ ok: true, events: ['EmployerChanged'] })
    expect((await orgEvents(store)).filter(([type]) => type === 'SeniorPostVacated').map(([, d]) => d)).toEqual([
      { organizationId: 'port-co', talentId: 'c-1', level: 'principal-technician', on: '2028-01-01', reason: 'released' },
      { organizationId: 'port-co', talentId: 'c-2', level: 'principal-technician', on: '2028-02-01', reason: 'employer-changed' },
    ])
    expect(await ledger.execute({ type: 'EndSeniorPost', actor: bureau, data: { talentId: 'c-2', level: 'principal-technician', on: '2028-03-01', reason: '解聘' } })).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
  })

  it('seniorPosts on the dashboard: in force by employer and level, with the quota, as of a date', async () => {
    const { ledger, store } = setup()
    await city12b(ledger, 2)
    await ledger.execute(appoint('c-1', '2027-01-02'))
    await ledger.execute({ type: 'EndSeniorPost', actor: employer, data: { talentId: 'c-1', level: 'principal-technician', on: '2028-01-01', reason: '解聘' } })
    const { state } = await rebuild(store, seniorPostsProjection, (e) => ledger.decode(e).event)
    expect(seniorPostFigures(state, '2026-12-31')).toEqual({ seniorPosts: [] })
    expect(seniorPostFigures(state, '2027-06-30')).toEqual({ seniorPosts: [{ employerId: 'port-co', level: 'principal-technician', inForce: 1, quota: 2 }] })
    expect(seniorPostFigures(state, '2028-06-30')).toEqual({ seniorPosts: [{ employerId: 'port-co', level: 'principal-technician', inForce: 0, quota: 2 }] })
  })

  it('a SeniorPostAppointed of 0.1 (schemaVersion 1) reads as an open-ended post', async () => {
    const { ledger, store } = setup()
    await city12b(ledger)
    const [row] = await store.readStream('talent-c-1')
    await store.append('talent-c-1', [{ eventId: '0190d000-0000-7000-8000-000000000001', type: 'SeniorPostAppointed', schemaVersion: 1, data: { talentId: 'c-1', level: 'principal-technician', employerId: 'port-co', on: '2026-04-01' }, metadata: { ...row!.metadata, occurredOn: '2026-04-01' } }], 'any')
    const appended = (await store.readStream('talent-c-1')).at(-1)!
    expect(ledger.decode(appended).event).toEqual({ type: 'SeniorPostAppointed', data: { talentId: 'c-1', level: 'principal-technician', employerId: 'port-co', on: '2026-04-01', expiresOn: null, policyId: null, ruleId: null } })
    expect((await ledger.talentState('c-1')).posts).toEqual([{ level: 'principal-technician', employerId: 'port-co', on: '2026-04-01', expiresOn: null, endedOn: null, renewedOn: null }])
    // the stored row keeps its version 1 form: the log is never rewritten
    expect([appended.schemaVersion, Object.keys(appended.data as object)]).toEqual([1, ['talentId', 'level', 'employerId', 'on']])
  })
})
