// Cooperation through the CLI (DOMAIN.md §11, §16): a chain leader trains its partner's staff under
// an industry-chain agreement (11-a), a school's order-class student is hired by a partner (11-b),
// each §11 rule accepted once and refused once through `apply`; `report` shows the agreements and
// the schools' teachers, the same in `--json`, text and HTML.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bureau, employer, jsonl, registerEmployer } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
const store = `sqlite:${join(dir.path, 'cooperation.db')}`
const cli = (...args: string[]) => runCli(['--store', store, ...args], { cwd: dir.path })

interface Result { readonly ok: boolean; readonly line: number; readonly events?: string[]; readonly error?: { code: string; details: { rule?: string }[] } }

const steel = { id: 'steel-co', role: 'employer' } as const
const other = { id: 'other-co', role: 'employer' } as const
const school = { id: 'lyg-tech', role: 'vocational-school' } as const
const slr = [{ route: 'skill-level-recognition', occupations: ['*'], maxLevel: 'technician' }]
const org = (organizationId: string, kind: string, extra: object = {}) => ({ type: 'RegisterOrganization', actor: bureau, data: { organizationId, kind, name: organizationId, ...extra } })
const person = { nationalId: '320703199105020028', birthDate: '1991-05-02', occupation: '6-18-02-04', education: 'none', district: '海州区', registeredOn: '2026-01-05' }
const talent = (talentId: string, employerId: string, extra: object = {}, actor: object = bureau) =>
  ({ type: 'RegisterTalent', actor, data: { talentId, name: '王芳', ...person, occupationSince: '2016-07-01', employerId, ...extra } })
const student = { talentId: 't-30', name: '李四', nationalId: '320706201003010020', birthDate: '2010-03-01', occupation: '6-18-02-04', education: 'none', employerId: 'lyg-tech', district: '海州区', registeredOn: '2026-09-01' }
const agreement = (agreementId: string, extra: object = {}) => ({
  type: 'RegisterAgreement', actor: bureau,
  data: { agreementId, kind: 'industry-chain', leadId: 'port-co', partnerIds: ['steel-co'], field: 'advanced-manufacturing', on: '2026-02-20', validFrom: '2026-03-01', validTo: '2027-02-28', ...extra },
})
const enrol = (talentId: string, programId: string, extra: object = {}, actor: object = employer) => ({
  type: 'EnrollTraining', actor,
  data: { talentId, programId, kind: 'industry-chain', field: 'advanced-manufacturing', providerId: 'port-co', startedOn: '2026-04-01', agreementId: 'ag-1', ...extra },
})
const hire = (actor: { id: string }, extra: object = {}) => ({ type: 'ChangeEmployer', actor, data: { talentId: 't-30', employerId: actor.id, on: '2029-07-01', occupationSince: '2029-07-01', agreementId: 'ag-2', ...extra } })
const assessBySchool = (talentId: string) => ({
  type: 'RecordAssessment', actor: school,
  data: { talentId, assessmentId: `a-${talentId}`, route: 'skill-level-recognition', occupation: '6-18-02-04', level: 'junior', passed: false, assessorId: 'lyg-tech', on: '2027-06-01' },
})

const LINES = [
  /* 1 */ registerEmployer,
  /* 2 */ org('steel-co', 'employer'),
  /* 3 */ org('other-co', 'employer'),
  /* 4 */ org('lyg-tech', 'vocational-school', { authorizations: slr }),
  /* 5 */ { type: 'DesignateEnterprise', actor: bureau, data: { organizationId: 'port-co', designation: 'chain-leader', chain: '港口物流', on: '2026-01-10', reference: '连工信〔2026〕3号' } },
  /* 6 */ agreement('ag-1'),
  /* 7 */ agreement('ag-x', { leadId: 'steel-co', partnerIds: ['port-co'] }),
  /* 8 */ agreement('ag-x', { partnerIds: ['nobody'] }),
  /* 9 */ agreement('ag-x', { validFrom: '2027-03-01' }),
  /* 10 */ talent('t-20', 'steel-co'),
  /* 11 */ talent('t-21', 'other-co'),
  /* 12 */ enrol('t-20', 'p-ch'),
  /* 13 */ enrol('t-20', 'p-x', { agreementId: undefined }),
  /* 14 */ enrol('t-21', 'p-ch'),
  /* 15 */ enrol('t-20', 'p-y', { kind: 'ai-literacy' }),
  /* 16 */ enrol('t-20', 'p-z', { startedOn: '2027-03-01' }),
  /* 17 */ { type: 'CompleteTraining', actor: employer, data: { talentId: 't-20', programId: 'p-ch', completedOn: '2026-09-30', hours: 80 } },
  /* 18 */ agreement('ag-2', { kind: 'order-class', leadId: 'lyg-tech', on: '2026-08-01', validFrom: '2026-09-01', validTo: '2029-08-31', places: 40 }),
  /* 19 */ { type: 'RegisterTalent', actor: school, data: { ...student, relation: 'student' } },
  /* 20 */ talent('t-31', 'lyg-tech', { occupationSince: '2015-09-01' }, school),
  /* 21 */ talent('t-31', 'lyg-tech', { occupationSince: '2015-09-01', relation: 'teacher' }, school),
  /* 22 */ { type: 'RegisterTalent', actor: school, data: { ...student, talentId: 't-32', relation: 'student', occupationSince: '2026-09-01' } },
  /* 23 */ enrol('t-30', 'p-order', { kind: 'degree-plus-skill', providerId: 'lyg-tech', startedOn: '2026-09-01', agreementId: 'ag-2' }, school),
  /* 24 */ { type: 'CompleteTraining', actor: school, data: { talentId: 't-30', programId: 'p-order', completedOn: '2029-06-30', hours: 1200 } },
  /* 25 */ { type: 'RecordCompetitionResult', actor: bureau, data: { talentId: 't-30', competitionId: 'c-1', tier: 'municipal', rank: 1, on: '2027-05-01' } },
  /* 26 */ { type: 'GrantBenefit', actor: bureau, data: { talentId: 't-30', benefit: 'first-certification-allowance', on: '2027-06-01', level: 'senior' } },
  /* 27 */ { type: 'GrantBenefit', actor: bureau, data: { talentId: 't-30', benefit: 'competition-prize', on: '2027-06-01', competitionId: 'c-1' } },
  /* 28 */ assessBySchool('t-31'),
  /* 29 */ assessBySchool('t-20'),
  /* 30 */ hire(other),
  /* 31 */ hire(steel, { occupationSince: '2029-07-02' }),
  /* 32 */ hire(steel),
  /* 33 */ { type: 'EndAgreement', actor: steel, data: { agreementId: 'ag-1', on: '2027-01-31', reason: '合作调整' } },
  /* 34 */ { type: 'EndAgreement', actor: employer, data: { agreementId: 'ag-1', on: '2027-01-31', reason: '合作调整' } },
  /* 35 */ { type: 'RecordPriorCertificate', actor: bureau, data: { talentId: 't-31', certificateNumber: 'S-2020-031', level: 'senior', occupation: '6-18-02-04', issuedOn: '2020-06-30', issuer: '江苏省职业技能鉴定中心' } },
]

let results: Result[] = []
beforeAll(() => {
  results = runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: jsonl(...LINES) }).json() as Result[]
})
afterAll(() => dir.remove())

const at = (line: number): Result => results[line - 1]!
const accepted = (line: number, events: string[]) => expect(at(line)).toMatchObject({ ok: true, events })
const refused = (line: number, code: string, rule?: string) => {
  expect(at(line)).toMatchObject({ ok: false, error: { code } })
  if (rule !== undefined) expect(at(line).error?.details.map((d) => d.rule)).toContain(rule)
}

describe('talent-ledger apply: cooperation (DOMAIN.md §11)', () => {
  it('every line has its result', () => {
    expect(results).toHaveLength(LINES.length)
  })

  it('agreement.parties and agreement.lead-designated: the designated leader’s agreement is registered; the others refused', () => {
    accepted(5, ['EnterpriseDesignated'])
    accepted(6, ['AgreementRegistered'])
    refused(7, 'NotEligible', 'agreement.lead-designated')
    refused(8, 'NotFound', 'agreement.parties')
    refused(9, 'Malformed', 'agreement.parties')
  })

  it('11-a training.agreement-parties: the leader trains its partner’s staff under ag-1, not without it, not outside the chain', () => {
    accepted(12, ['TrainingEnrolled'])
    refused(13, 'Unauthorized')
    refused(14, 'Unauthorized', 'training.agreement-parties')
    accepted(17, ['TrainingCompleted'])
  })

  it('training.matches-agreement and training.within-agreement', () => {
    refused(15, 'NotEligible', 'training.matches-agreement')
    refused(16, 'NotEligible', 'training.within-agreement')
  })

  it('11-b talent.employer-kind: a school registers its student and teacher; without relation NotFound; a student with occupationSince Malformed', () => {
    accepted(19, ['TalentRegistered'])
    refused(20, 'NotFound', 'talent.employer-kind')
    accepted(21, ['TalentRegistered'])
    refused(22, 'Malformed', 'talent.employer-kind')
    accepted(23, ['TrainingEnrolled'])
    accepted(24, ['TrainingCompleted'])
    expect(cli('show', 't-30').json()[0]).toMatchObject({ employerId: 'steel-co', trainings: [{ programId: 'p-order', agreementId: 'ag-2', completedOn: '2029-06-30' }] })
  })

  it('talent.student-not-employed: a student gets its prize, not an allowance', () => {
    expect(at(25)).toMatchObject({ ok: true })
    refused(26, 'NotEligible', 'talent.student-not-employed')
    accepted(27, ['BenefitGranted'])
  })

  it('assessment.school-own-people: the school assesses its teacher, not another’s employee', () => {
    accepted(28, ['AssessmentFailed'])
    refused(29, 'Unauthorized', 'assessment.school-own-people')
  })

  it('11-b hire.student: a partner hires the student under ag-2; another employer, or a career starting after the hire, is refused', () => {
    refused(30, 'NotEligible', 'hire.student')
    refused(31, 'NotEligible', 'hire.student')
    accepted(32, ['EmployerChanged'])
  })

  it('EndAgreement: by the lead, not by a partner', () => {
    refused(33, 'Unauthorized')
    accepted(34, ['AgreementEnded'])
  })
})

describe('talent-ledger report: agreements and teachers (DOMAIN.md §16)', () => {
  it('as of 2026-12-31 and 2029-12-31 in JSON', () => {
    const report = (asOf: string) => cli('report', '--json', '--as-of', asOf).json()[0] as { agreements: unknown; teachers: unknown }
    const y2026 = report('2026-12-31')
    expect(y2026.agreements).toEqual([
      { agreementId: 'ag-1', kind: 'industry-chain', enrolled: 1, completed: 1, hiredByPartner: 0 },
      { agreementId: 'ag-2', kind: 'order-class', enrolled: 1, completed: 0, hiredByPartner: 0 },
    ])
    expect(y2026.teachers).toEqual({ total: 1, highSkilled: 1, bySchool: [{ schoolId: 'lyg-tech', total: 1, highSkilled: 1 }] })
    expect(report('2029-12-31').agreements).toEqual([
      { agreementId: 'ag-1', kind: 'industry-chain', enrolled: 1, completed: 1, hiredByPartner: 0 },
      { agreementId: 'ag-2', kind: 'order-class', enrolled: 1, completed: 1, hiredByPartner: 1 },
    ])
    expect(report('2025-12-31')).toMatchObject({ agreements: [], teachers: { total: 0, highSkilled: 0, bySchool: [] } })
  })

  it('the text report and the HTML page show the same rows', () => {
    const text = cli('report', '--as-of', '2029-12-31').stdout
    expect(text).toMatch(/ag-2 +order-class +1 +1 +1/)
    expect(text).toMatch(/lyg-tech +1 +1/)
    const file = join(dir.path, 'page.html')
    expect(cli('report', '--html', file, '--as-of', '2029-12-31').code).toBe(0)
    const page = readFileSync(file, 'utf8')
    expect(page).toMatch(/<tr class="agreement" data-agreement="ag-2">.*data-enrolled="1".*data-completed="1".*data-hired="1"/)
    expect(page).toMatch(/<tr class="school" data-school="lyg-tech">.*data-teachers="1".*data-high-skilled="1"/)
  })
})
