// DOMAIN.md §17 dates and identity sanity, one passing and one refused spec per rule id, and the
// worked examples 17-a and 17-b. (`talent.student-age` and the school-training anchor are in
// student-age.unit.test.ts.)
import { describe, expect, it } from 'vitest'
import { addDays, recordDateOf, type LedgerEvent } from '@talent-ledger/core'
import {
  aNationalId,
  anEmployer,
  aPolicyDocument,
  bureau,
  command,
  employerActor,
  given,
  recordAssessment,
  registerTalent,
  TALENT_ID,
} from '../../src/spec/index.js'
import { hired, holding } from './fixtures.js'

/** A talent born `birthDate` with a national ID that encodes it (Lianyungang 320706). */
const born = (birthDate: string, sequence = '001'): { nationalId: string; birthDate: string } => ({
  birthDate,
  nationalId: aNationalId(`320706${birthDate.replaceAll('-', '')}${sequence}`),
})

const accepted = (r: Awaited<ReturnType<ReturnType<ReturnType<typeof given>['when']>['result']>>): unknown => (r._tag === 'Left' ? r.left : 'accepted')

describe('17-a identity and working age', () => {
  it("'320706199001010019' with birthDate 1990-01-01: accepted", async () => {
    await given([anEmployer()]).when(registerTalent({ nationalId: '320706199001010019', birthDate: '1990-01-01' })).thenEventTypes(['TalentRegistered'])
  })

  it("birthDate 1990-01-02: Malformed id.birth-date", async () => {
    await given([anEmployer()]).when(registerTalent({ nationalId: '320706199001010019', birthDate: '1990-01-02' })).then({ code: 'Malformed', rules: ['id.birth-date'] })
  })

  it("'990706199001010013': Malformed id.region (a foreigner's ID, but 90 names no issuing province)", async () => {
    await given([anEmployer()]).when(registerTalent({ nationalId: '990706199001010013', birthDate: '1990-01-01' })).then({ code: 'Malformed', rules: ['id.region'] })
  })

  it("'320706199002300018' (30 February): Malformed id.birth-date", async () => {
    await given([anEmployer()]).when(registerTalent({ nationalId: '320706199002300018', birthDate: '1990-01-01' })).then({ code: 'Malformed', rules: ['id.birth-date'] })
  })

  it('born 1985-01-01: occupationSince 2000-06-01 is NotEligible talent.working-age; 2001-01-01 is accepted', async () => {
    await given([anEmployer()]).when(registerTalent({ ...born('1985-01-01'), occupationSince: '2000-06-01' })).then({ code: 'NotEligible', rules: ['talent.working-age'] })
    await given([anEmployer()]).when(registerTalent({ ...born('1985-01-01'), occupationSince: '2001-01-01' })).thenEventTypes(['TalentRegistered'])
  })
})

describe('§17 id.region', () => {
  it.each(['11', '15', '32', '46', '54', '65', '81', '83'])('province or permit code %s: accepted', async (code) => {
    await given([anEmployer()]).when(registerTalent({ nationalId: aNationalId(`${code}070619900101001`), birthDate: '1990-01-01' })).thenEventTypes(['TalentRegistered'])
  })

  it("a foreigners' permanent-residence ID (first digit 9, digits 2–3 the issuing province): accepted with its birth digits", async () => {
    await given([anEmployer()]).when(registerTalent({ nationalId: aNationalId('93215619900101001'), birthDate: '1990-01-01' })).thenEventTypes(['TalentRegistered'])
    await given([anEmployer()]).when(registerTalent({ nationalId: aNationalId('98315619900101001'), birthDate: '1990-01-01' })).then({ code: 'Malformed', rules: ['id.region'] })
  })

  it.each(['00', '10', '16', '24', '38', '55', '66', '71', '80', '84'])('code %s: Malformed id.region', async (code) => {
    await given([anEmployer()]).when(registerTalent({ nationalId: aNationalId(`${code}070619900101001`), birthDate: '1990-01-01' })).then({ code: 'Malformed', rules: ['id.region'] })
  })

  it("'000000000000000001' (a right check digit and nothing else): Malformed id.region and id.birth-date", async () => {
    await given([anEmployer()]).when(registerTalent({ nationalId: '000000000000000001' })).then({ code: 'Malformed', rules: ['id.region', 'id.birth-date'] })
  })
})

describe('§17 id.birth-date', () => {
  it('month 13 in the ID: Malformed', async () => {
    await given([anEmployer()]).when(registerTalent({ nationalId: aNationalId('32070619901301001'), birthDate: '1990-01-01' })).then({ code: 'Malformed', rules: ['id.birth-date'] })
  })

  it('a birth date after the record date: Malformed (and birthDate 9999-01-01 never matches a real ID)', async () => {
    await given([anEmployer()]).when(registerTalent({ ...born('2027-01-01') }), { recordDate: '2026-12-07' }).then({ code: 'Malformed', rules: ['id.birth-date'] })
    await given([anEmployer()]).when(registerTalent({ birthDate: '9999-01-01' })).then({ code: 'Malformed', rules: ['id.birth-date'] })
  })

  it('the message never quotes the ID number or the birth date', async () => {
    const error = await given([anEmployer()]).when(registerTalent({ nationalId: '320706199001010019', birthDate: '1990-01-02' })).then({ code: 'Malformed' })
    expect(JSON.stringify(error)).not.toMatch(/320706199001010019|1990-01-0[12]/)
  })

  it('a birth date on the record date itself: accepted by this rule (working age is another)', async () => {
    await given([anEmployer()])
      .when(registerTalent({ ...born('2006-12-07'), occupationSince: '2022-12-07', registeredOn: '2026-12-07' }), { recordDate: '2026-12-07' })
      .thenEventTypes(['TalentRegistered'])
  })
})

describe('§17 dates.since-1949 and dates.window', () => {
  it.each(['0000-01-01', '1949-09-30'])('an occupation start %s: Malformed dates.since-1949', async (date) => {
    await given([anEmployer()]).when(registerTalent({ occupationSince: date })).then({ code: 'Malformed', rules: ['dates.since-1949'] })
  })

  it('1949-10-01 and 2099-12-31 are the bounds: accepted', async () => {
    await given([anEmployer(), ...[]]).when(command('AdoptPolicy', bureau, { policyId: 'p-2099', effectiveFrom: '2099-12-31', document: aPolicyDocument() })).thenEventTypes(['PolicyAdopted'])
    await given([anEmployer()]).when(command('DesignateCarrier', bureau, { carrierId: 'k-1', kind: 'master-studio', name: '工作室', on: '1949-10-01' })).thenEventTypes(['CarrierDesignated'])
  })

  it.each(['2100-01-01', '9999-12-31'])('an assessment on %s: Malformed dates.window', async (on) => {
    await given(hired()).when(recordAssessment('ab-1', { on, level: 'junior' })).then({ code: 'Malformed', rules: ['dates.window'] })
  })

  it('statistics for 2100: Malformed dates.window', async () => {
    await given([]).when(command('ReportEmploymentStatistics', bureau, { year: 2100, employedPersons: 1 })).then({ code: 'Malformed', rules: ['dates.window'] })
  })

  it('birthDate is excepted (checked by id.birth-date): a talent born 1940 is accepted', async () => {
    await given([anEmployer()]).when(registerTalent({ ...born('1940-05-01'), occupationSince: '1958-01-01' })).thenEventTypes(['TalentRegistered'])
  })

  it('assessments dated 1960–1973 before the talent born 1990 could work: refused', async () => {
    await given(hired()).when(recordAssessment('ab-1', { on: '1960-06-01', level: 'junior' })).then({ code: 'NotEligible' })
  })
})

describe('17-b dates.not-after-record-date', () => {
  const recordDate = recordDateOf('2026-12-01T20:00:00Z')

  it('the record date is the day in UTC+8', () => {
    expect(recordDate).toBe('2026-12-02')
    expect(recordDateOf('2026-12-01T15:59:59.999Z')).toBe('2026-12-01')
  })

  it('with maxFutureDays 0: an assessment on 2026-12-03 is NotEligible; on 2026-12-02 accepted', async () => {
    await given(hired()).when(recordAssessment('ab-1', { on: '2026-12-03', level: 'junior' }), { recordDate, maxFutureDays: 0 }).then({ code: 'NotEligible', rules: ['dates.not-after-record-date'] })
    await given(hired()).when(recordAssessment('ab-1', { on: '2026-12-02', level: 'junior' }), { recordDate, maxFutureDays: 0 }).thenEventTypes(['AssessmentPassed', 'LevelCertified'])
  })

  it('with maxFutureDays 0: AdoptPolicy from 2027-01-01 is accepted (a plan date)', async () => {
    await given([]).when(command('AdoptPolicy', bureau, { policyId: 'lyg-2027', effectiveFrom: '2027-01-01', document: aPolicyDocument() }), { recordDate, maxFutureDays: 0 }).thenEventTypes(['PolicyAdopted'])
  })

  it('with maxFutureDays 30: 30 days ahead accepted, 31 refused', async () => {
    await given(hired()).when(recordAssessment('ab-1', { on: addDays(recordDate, 30), level: 'junior' }), { recordDate, maxFutureDays: 30 }).thenEventTypes(['AssessmentPassed', 'LevelCertified'])
    await given(hired()).when(recordAssessment('ab-1', { on: addDays(recordDate, 31), level: 'junior' }), { recordDate, maxFutureDays: 30 }).then({ code: 'NotEligible', rules: ['dates.not-after-record-date'] })
  })

  it("with maxFutureDays 0: statistics for next year are NotEligible; this year's accepted", async () => {
    await given([]).when(command('ReportEmploymentStatistics', bureau, { year: 2027, employedPersons: 1 }), { recordDate, maxFutureDays: 0 }).then({ code: 'NotEligible', rules: ['dates.not-after-record-date'] })
    await given([]).when(command('ReportEmploymentStatistics', bureau, { year: 2026, employedPersons: 1 }), { recordDate, maxFutureDays: 0 }).thenEventTypes(['EmploymentStatisticsReported'])
  })

  it('without the option: the assessment on 2026-12-03 is accepted; one on 2100-01-01 is Malformed dates.window', async () => {
    await given(hired()).when(recordAssessment('ab-1', { on: '2026-12-03', level: 'junior' }), { recordDate }).thenEventTypes(['AssessmentPassed', 'LevelCertified'])
    await given(hired()).when(recordAssessment('ab-1', { on: '2100-01-01', level: 'junior' }), { recordDate }).then({ code: 'Malformed', rules: ['dates.window'] })
  })

  it('joins the other failed rules of the decision (NotEligible lists every rule)', async () => {
    const error = await given(hired({ occupationSince: '2026-06-01' })).when(recordAssessment('ab-1', { on: '2026-12-03', level: 'junior' }), { recordDate, maxFutureDays: 0 }).then({ code: 'NotEligible' })
    expect(error.details.map((d) => d.rule)).toContain('dates.not-after-record-date')
    expect(error.details.length).toBeGreaterThan(1)
  })

  it('never hides an earlier kind of refusal: an unauthorized actor stays Unauthorized', async () => {
    await given(hired()).when(recordAssessment('ab-9', { on: '2027-12-03', level: 'junior' }), { recordDate, maxFutureDays: 0 }).then({ code: 'Unauthorized' })
  })
})

describe('§17 talent.working-age', () => {
  const minor = { ...born('1995-03-01'), occupationSince: '2010-09-01' }

  it('before the 16th birthday: NotEligible; on it: accepted', async () => {
    await given([anEmployer()]).when(registerTalent(minor)).then({ code: 'NotEligible', rules: ['talent.working-age'] })
    await given([anEmployer()]).when(registerTalent({ ...minor, occupationSince: '2011-03-01' })).thenEventTypes(['TalentRegistered'])
  })

  it("art. 15's exception: by the hr-bureau with minorExceptionRef, accepted, the reference recorded on the event", async () => {
    const [event] = await given([anEmployer()]).when(registerTalent({ ...minor, minorExceptionRef: '连人社〔2010〕12号' })).thenEventTypes(['TalentRegistered'])
    expect(event).toMatchObject({ type: 'TalentRegistered', data: { minorExceptionRef: '连人社〔2010〕12号' } })
  })

  it('a registration without the exception carries no minorExceptionRef', async () => {
    const [event] = await given([anEmployer()]).when(registerTalent({ ...minor, occupationSince: '2011-03-01' })).thenEventTypes(['TalentRegistered'])
    expect(Object.keys((event as { data: object }).data)).not.toContain('minorExceptionRef')
  })

  it('an employer giving minorExceptionRef: still NotEligible (only the bureau records the exception)', async () => {
    await given([anEmployer()]).when(registerTalent({ ...minor, minorExceptionRef: '连人社〔2010〕12号' }, employerActor())).then({ code: 'NotEligible', rules: ['talent.working-age'] })
  })

  it('an occupation start in 1950 for a talent born in 1990: refused, even with the exception', async () => {
    await given([anEmployer()]).when(registerTalent({ occupationSince: '1950-01-01' })).then({ code: 'NotEligible', rules: ['talent.working-age'] })
    await given([anEmployer()]).when(registerTalent({ occupationSince: '1950-01-01', minorExceptionRef: '连人社〔2010〕12号' })).then({ code: 'NotEligible', rules: ['talent.working-age'], message: 'before the birth date' })
  })
})

describe('§17 dates.after-anchor', () => {
  const world: LedgerEvent[] = [...hired(), anEmployer('emp-2')]

  it('employment facts before occupationSince (2010-03-01): NotEligible; on it: accepted', async () => {
    await given(world).when(command('RecordIncentive', employerActor(), { talentId: TALENT_ID, kind: 'wage-increase', on: '2010-02-28' })).then({ code: 'NotEligible', rules: ['dates.after-anchor'] })
    await given(world).when(command('RecordIncentive', employerActor(), { talentId: TALENT_ID, kind: 'wage-increase', on: '2010-03-01' })).thenEventTypes(['IncentiveRecorded'])
    await given(world).when(command('ChangeEmployer', bureau, { talentId: TALENT_ID, employerId: 'emp-2', on: '2009-01-01' })).then({ code: 'NotEligible', rules: ['dates.after-anchor'] })
    await given(world).when(command('ReleaseTalent', employerActor(), { talentId: TALENT_ID, on: '2009-01-01' })).then({ code: 'NotEligible', rules: ['dates.after-anchor'] })
  })

  it('an achievement before occupationSince but after the 16th birthday (school time, birth date opened): accepted', async () => {
    await given(hired()).when(recordAssessment('ab-1', { on: '2008-06-01', passed: false, level: 'junior' }), { birthDate: '1990-01-01' }).thenEventTypes(['AssessmentFailed'])
  })

  it('an achievement before the 16th birthday: NotEligible', async () => {
    await given(hired()).when(recordAssessment('ab-1', { on: '2005-06-01', passed: false, level: 'junior' }), { birthDate: '1990-01-01' }).then({ code: 'NotEligible', rules: ['dates.after-anchor'] })
  })

  it('once the birth date is erased, the anchor of an achievement is occupationSince', async () => {
    await given([...hired(), { type: 'TalentForgotten', data: { talentId: TALENT_ID } }]).when(recordAssessment('ab-1', { on: '2008-06-01', passed: false, level: 'junior' })).then({ code: 'NotEligible', rules: ['dates.after-anchor'] })
  })

  it('an honour before the 16th birthday: NotEligible; a competition result after it: accepted', async () => {
    await given(hired()).when(command('ConferHonor', bureau, { talentId: TALENT_ID, title: '连云港技能状元', grade: 'municipal', on: '2004-01-01' }), { birthDate: '1990-01-01' }).then({ code: 'NotEligible', rules: ['dates.after-anchor'] })
    await given([...hired(), ...holding('junior', '2009-01-01')])
      .when(command('RecordCompetitionResult', bureau, { talentId: TALENT_ID, competitionId: 'c-1', tier: 'district', rank: 40, percentile: 90, on: '2009-06-01' }), { birthDate: '1990-01-01' })
      .thenEventTypes(['CompetitionResultRecorded'])
  })

  it('registration is no anchor: history may be backfilled', async () => {
    expect(accepted(await given([anEmployer()]).when(registerTalent({ registeredOn: '2024-01-01', occupationSince: '2010-03-01' })).result())).toBe('accepted')
  })
})

describe('§8 check order with the §17 rules', () => {
  it('Malformed (dates.window) comes before Unauthorized', async () => {
    await given(hired()).when(recordAssessment('ab-9', { on: '2100-01-01', level: 'junior' })).then({ code: 'Malformed', rules: ['dates.window'] })
  })

  it('Duplicate comes before NotEligible (dates.after-anchor)', async () => {
    const released: LedgerEvent = { type: 'TalentReleased', data: { talentId: TALENT_ID, from: 'emp-1', on: '2024-01-01', reason: null } }
    await given([...hired(), released]).when(command('ReleaseTalent', employerActor(), { talentId: TALENT_ID, on: '2001-01-01' })).then({ code: 'Duplicate', rules: ['release.once'] })
  })

  it('NotFound comes before NotEligible: an unknown talent', async () => {
    await given(hired()).when(command('ConferHonor', bureau, { talentId: 'nobody', title: '江苏工匠', grade: 'provincial', on: '1950-01-01' })).then({ code: 'NotFound' })
  })
})
