// Issue 13 / ARCHITECTURE: RecordPriorCertificate, a certificate issued before the ledger, recorded
// by the hr-bureau as issued: the level holds from its issue date without our promotion table, the
// talent pool follows, numbers are not recorded twice, it is dated no later than the record date,
// it counts in the dashboard by its issue date, `show` marks it prior, and it grants no benefit
// retroactively.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  cityDashboardProjection,
  dashboardReport,
  levelOf,
  project,
  talentProfile,
  type CertifiedLevel,
  type EventOf,
  type LedgerEvent,
} from '@talent-ledger/core'
import { bureau, command, employerActor, given, TALENT_ID } from '../../src/spec/index.js'
import { hired, holding, poolEntered } from './fixtures.js'

const ISSUER = '江苏省职业技能鉴定中心'
const prior = (level: CertifiedLevel, issuedOn: string, certificateNumber = 'S-2009-001', extra: Record<string, unknown> = {}) =>
  command('RecordPriorCertificate', bureau, { talentId: TALENT_ID, certificateNumber, level, occupation: '6-18-02-04', issuedOn, issuer: ISSUER, ...extra })
const recorded = (level: CertifiedLevel, issuedOn: string, certificateNumber = 'S-2009-001', route: EventOf<'PriorCertificateRecorded'>['data']['route'] = null): LedgerEvent => ({
  type: 'PriorCertificateRecorded',
  data: { talentId: TALENT_ID, certificateNumber, level, occupation: '6-18-02-04', issuedOn, issuer: ISSUER, route },
})

describe('RecordPriorCertificate: a certificate issued before the ledger', () => {
  it('sets the level as of its issue date, without the promotion table (no years in the occupation needed)', async () => {
    // registered in occupation since 2010: our table would never give technician in 2011
    await given(hired()).when(prior('technician', '2011-05-01')).then([recorded('technician', '2011-05-01'), poolEntered('2011-05-01')])
    expect(levelOf(await given(hired()).when(prior('technician', '2011-05-01')).talentAfter(TALENT_ID))).toBe('technician')
  })

  it('keeps the route the issuer gave; below senior it does not enter the talent pool', async () => {
    await given(hired())
      .when(prior('intermediate', '2012-01-01', 'I-1', { route: 'vocational-qualification' }))
      .then([recorded('intermediate', '2012-01-01', 'I-1', 'vocational-qualification')])
  })

  it('a talent already in the pool gets no second pool entry', async () => {
    await given([...hired(), ...holding('senior', '2017-01-01')]).when(prior('technician', '2020-01-01')).then([recorded('technician', '2020-01-01')])
  })

  it('only the hr-bureau records one: an employer is Unauthorized', async () => {
    await given(hired()).when({ ...prior('senior', '2015-01-01'), actor: employerActor() }).then({ code: 'Unauthorized' })
  })

  it('for a talent not registered: NotFound', async () => {
    await given([]).when(prior('senior', '2015-01-01')).then({ code: 'NotFound' })
  })

  it('a certificate number recorded already for the talent: Duplicate (even at another level)', async () => {
    await given([...hired(), recorded('intermediate', '2012-01-01')]).when(prior('senior', '2015-01-01')).then({ code: 'Duplicate' })
  })

  it('a second valid certificate at a level the talent holds: Duplicate', async () => {
    await given([...hired(), ...holding('senior', '2017-01-01')]).when(prior('senior', '2015-01-01', 'S-2')).then({ code: 'Duplicate' })
  })

  it('an issue date after the record date: NotEligible (prior-certificate.issued), even where maxFutureDays allows it', async () => {
    await given(hired()).when(prior('senior', '2026-12-08'), { recordDate: '2026-12-07', maxFutureDays: 30 }).then({ code: 'NotEligible', rules: ['prior-certificate.issued'] })
    await given(hired()).when(prior('senior', '2026-12-07'), { recordDate: '2026-12-07', maxFutureDays: 0 }).thenEventTypes(['PriorCertificateRecorded', 'TalentPoolEntered'])
  })

  it('an issue date before the achievement anchor (16th birthday, or occupationSince when the birth date is not opened): NotEligible (dates.after-anchor)', async () => {
    await given(hired()).when(prior('junior', '2005-12-31')).then({ code: 'NotEligible', rules: ['dates.after-anchor'] })
  })

  it('issued before occupationSince (2010-03-01) but after the 16th birthday: the birth date is opened and it is accepted', async () => {
    // a regression: the handler once read no `issuedOn`, so it never opened the birth date and held
    // a school-time certificate to occupationSince with "the birth date is erased"
    await given(hired()).when(prior('junior', '2008-06-01'), { birthDate: '1990-01-01' }).then([recorded('junior', '2008-06-01')])
  })

  it('issued before the 16th birthday: NotEligible (dates.after-anchor), saying so', async () => {
    await given(hired())
      .when(prior('junior', '2005-06-01'), { birthDate: '1990-01-01' })
      .then({ code: 'NotEligible', rules: ['dates.after-anchor'], message: '2005-06-01 is before the 16th birthday' })
  })

  it('an occupation code of the wrong shape, or a level off the ladder: Malformed', async () => {
    await given(hired()).when(prior('senior', '2015-01-01', 'S-1', { occupation: '618' })).then({ code: 'Malformed' })
    await given(hired()).when(prior('senior', '2015-01-01', 'S-1', { level: 'apprentice' })).then({ code: 'Malformed' })
  })

  it('show marks it prior, with its number and issuer', async () => {
    const s = await given(hired()).when(prior('senior', '2015-01-01')).talentAfter(TALENT_ID)
    expect(talentProfile(s, null).certificates).toEqual([
      expect.objectContaining({ level: 'senior', on: '2015-01-01', prior: true, certificateNumber: 'S-2009-001', source: ISSUER, route: null, ruleId: 'certificate.prior', valid: true }),
    ])
  })

  it('keeps the 职业(工种) name given with it for display, and has none when none was given', async () => {
    await given(hired())
      .when(prior('senior', '2015-01-01', 'S-1', { occupationName: '港口装卸机械司机' }))
      .then([{ type: 'PriorCertificateRecorded', data: { ...recorded('senior', '2015-01-01', 'S-1').data, occupationName: '港口装卸机械司机' } } as LedgerEvent, poolEntered('2015-01-01')])
    const named = await given(hired()).when(prior('senior', '2015-01-01', 'S-1', { occupationName: '港口装卸机械司机' })).talentAfter(TALENT_ID)
    expect(talentProfile(named, null).certificates).toEqual([expect.objectContaining({ occupation: '6-18-02-04', occupationName: '港口装卸机械司机' })])
    const unnamed = await given(hired()).when(prior('senior', '2015-01-01')).talentAfter(TALENT_ID)
    expect(talentProfile(unnamed, null).certificates[0]).not.toHaveProperty('occupationName')
  })

  it('an empty or padded 职业(工种) name: Malformed', async () => {
    await given(hired()).when(prior('senior', '2015-01-01', 'S-1', { occupationName: '' })).then({ code: 'Malformed' })
    await given(hired()).when(prior('senior', '2015-01-01', 'S-1', { occupationName: ' 焊工' })).then({ code: 'Malformed' })
  })

  it('counts later promotions from its date: it is the "holds senior for n years" of the table', async () => {
    const s = await given(hired()).when(prior('senior', '2015-01-01')).talentAfter(TALENT_ID)
    expect(s.certificates[0]?.on).toBe('2015-01-01')
  })
})

describe('prior certificates in the dashboard and in benefits', () => {
  const dashboardOf = (events: LedgerEvent[], asOf: string) => dashboardReport(project(cityDashboardProjection, events), asOf)

  it('counts in the stock from its issue date, and as new high-skilled only when issued in the period', () => {
    const before = dashboardOf([...hired(), recorded('senior', '2015-01-01')], '2026-12-07')
    expect(before.highSkilledTotal).toBe(1)
    expect(before.newHighSkilled).toBe(0)
    const within = dashboardOf([...hired(), recorded('senior', '2026-03-01')], '2026-12-07')
    expect(within.newHighSkilled).toBe(1)
    expect(dashboardOf([...hired(), recorded('senior', '2026-03-01')], '2026-02-28').highSkilledTotal).toBe(0)
  })

  it('a later certificate of a person whose prior one was already high-skilled is not new high-skilled', () => {
    const r = dashboardOf([...hired(), recorded('senior', '2015-01-01'), ...holding('technician', '2026-03-01')], '2026-12-07')
    expect(r.newHighSkilled).toBe(0)
    expect(r.highSkilledTotal).toBe(1)
  })

  it('grants no first-certification allowance retroactively: NotEligible (benefit.prior-certificate)', async () => {
    await given([...hired({ frontLine: true }), recorded('senior', '2024-05-01')])
      .when(command('GrantBenefit', bureau, { talentId: TALENT_ID, benefit: 'first-certification-allowance', on: '2024-06-01', level: 'senior' }))
      .then({ code: 'NotEligible', rules: ['benefit.prior-certificate'] })
  })

  it('the same allowance on a certificate of the ledger is granted', async () => {
    const r = await given([...hired({ frontLine: true }), ...holding('senior', '2024-05-01')])
      .when(command('GrantBenefit', bureau, { talentId: TALENT_ID, benefit: 'first-certification-allowance', on: '2024-06-01', level: 'senior' }))
      .result()
    expect(E.isRight(r)).toBe(true)
  })

  it('grants no skill-upgrade subsidy retroactively: NotEligible (benefit.prior-certificate)', async () => {
    await given([...hired(), recorded('intermediate', '2024-05-01')])
      .when(command('GrantBenefit', bureau, { talentId: TALENT_ID, benefit: 'skill-upgrade-subsidy', on: '2024-06-01', level: 'intermediate', insuredMonths: 24 }))
      .then({ code: 'NotEligible', rules: ['benefit.prior-certificate'] })
  })
})
