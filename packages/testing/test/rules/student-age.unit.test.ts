// DOMAIN.md §17 `talent.student-age` and the school-training anchor of `dates.after-anchor`: a
// school's student (§11) is registered from 16, or from the birthday at the policy value
// `dates.minStudentAgeYears` (school training under 16 is not child labour, 禁止使用童工规定 第十三条).
// The default policy leaves that value unset. One passing and one refused spec per outcome.
import { describe, it } from 'vitest'
import type { LedgerEvent, PolicyDocument } from '@talent-ledger/core'
import { aNationalId, aPolicyAdopted, aPolicyDocument, aTalentRegistered, anOrganization, bureau, command, given, organizationActor } from '../../src/spec/index.js'

const V = organizationActor('V', 'vocational-school')
const school = anOrganization('V', 'vocational-school')
const BIRTH_DATE = '2010-03-01'
const minStudentAge = (years: number | null) => (doc: PolicyDocument): PolicyDocument => ({ ...doc, dates: { minStudentAgeYears: years } })
const at15 = aPolicyAdopted('lyg-s15', '2020-01-01', minStudentAge(15))
const registerStudent = (registeredOn: string) =>
  command('RegisterTalent', V, {
    talentId: 't-40',
    name: '王五',
    nationalId: aNationalId('32070620100301002'),
    birthDate: BIRTH_DATE,
    occupation: '6-18-02-04',
    education: 'none',
    employerId: 'V',
    district: '海州区',
    registeredOn,
    relation: 'student',
  })

describe('§17 talent.student-age', () => {
  it('a student registered on or after the 16th birthday: accepted whatever the policy', async () => {
    await given([school]).when(registerStudent('2026-03-01')).thenEventTypes(['TalentRegistered'])
  })

  it('under 16 with dates.minStudentAgeYears unset (the default policy): PolicyValueUnset', async () => {
    await given([school]).when(registerStudent('2026-02-28')).then({ code: 'PolicyValueUnset', rules: ['talent.student-age'] })
  })

  it('with minStudentAgeYears 15: at 15 accepted, at 14 NotEligible', async () => {
    await given([school, at15]).when(registerStudent('2025-09-01')).thenEventTypes(['TalentRegistered'])
    await given([school, at15]).when(registerStudent('2025-02-28')).then({ code: 'NotEligible', rules: ['talent.student-age'] })
  })

  it('an earlier kind of refusal comes first: Unauthorized before PolicyValueUnset', async () => {
    await given([school, anOrganization('W', 'vocational-school')]).when({ ...registerStudent('2025-09-01'), actor: organizationActor('W', 'vocational-school') }).then({ code: 'Unauthorized' })
  })

  it('the bureau adopts a policy that sets the value: recorded as given', async () => {
    const document = aPolicyDocument(minStudentAge(15))
    await given([]).when(command('AdoptPolicy', bureau, { policyId: 'lyg-s15', effectiveFrom: '2027-01-01', document })).then([
      { type: 'PolicyAdopted', data: { policyId: 'lyg-s15', effectiveFrom: '2027-01-01', document } },
    ])
  })
})

describe('§17 dates.after-anchor: school training', () => {
  const student = (registeredOn: string): LedgerEvent => aTalentRegistered({ talentId: 't-40', employerId: 'V', occupationSince: null, relation: 'student', registeredOn })
  const enrol = (startedOn: string) => command('EnrollTraining', V, { talentId: 't-40', programId: 'p-s', kind: 'degree-plus-skill', field: 'advanced-manufacturing', providerId: 'V', startedOn })
  const opened = { birthDate: BIRTH_DATE }

  it('with minStudentAgeYears 15: from the 15th birthday accepted, before it NotEligible', async () => {
    await given([school, at15, student('2025-03-01')]).when(enrol('2025-03-01'), opened).thenEventTypes(['TrainingEnrolled'])
    await given([school, at15, student('2025-03-01')]).when(enrol('2025-02-28'), opened).then({ code: 'NotEligible', rules: ['dates.after-anchor'] })
  })

  it('unset: the anchor is the 16th birthday', async () => {
    await given([school, student('2024-09-01')]).when(enrol('2026-03-01'), opened).thenEventTypes(['TrainingEnrolled'])
    await given([school, student('2024-09-01')]).when(enrol('2025-09-01'), opened).then({ code: 'NotEligible', rules: ['dates.after-anchor'] })
  })
})

describe('§17 talent.working-age: a student hired (§11) starts its career at 16', () => {
  const student = aTalentRegistered({ talentId: 't-40', employerId: 'V', occupationSince: null, relation: 'student', registeredOn: '2025-09-01' })
  const hire = (on: string) => command('ChangeEmployer', organizationActor('org-1', 'employer'), { talentId: 't-40', employerId: 'org-1', on, occupationSince: on })
  const world = [school, anOrganization('org-1', 'employer'), student]
  const opened = { birthDate: BIRTH_DATE }

  it('hired on the 16th birthday: EmployerChanged', async () => {
    await given(world).when(hire('2026-03-01'), opened).thenEventTypes(['EmployerChanged'])
  })

  it('hired the day before: NotEligible talent.working-age (no exception: only a registration carries one)', async () => {
    await given(world).when(hire('2026-02-28'), opened).then({ code: 'NotEligible', rules: ['talent.working-age'] })
  })
})
