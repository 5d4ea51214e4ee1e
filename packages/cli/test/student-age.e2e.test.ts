// A school's students through the CLI (DOMAIN.md §17 `talent.student-age`): from 16, or under 16
// from the birthday at the policy value `dates.minStudentAgeYears`, which the default policy leaves
// unset (PolicyValueUnset) until the bureau adopts a policy that sets it.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultPolicyDocument } from '@talent-ledger/core'
import { bureau, jsonl } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
const store = `sqlite:${join(dir.path, 'student-age.db')}`

interface Result { readonly ok: boolean; readonly events?: string[]; readonly error?: { code: string; details: { rule?: string }[] } }

const school = { id: 'lyg-tech', role: 'vocational-school' } as const
const student = (talentId: string, registeredOn: string) => ({
  type: 'RegisterTalent', actor: school,
  data: { talentId, name: '李四', nationalId: '320706201003010020', birthDate: '2010-03-01', occupation: '6-18-02-04', education: 'none', employerId: 'lyg-tech', district: '海州区', registeredOn, relation: 'student' },
})
// an employer hires the student: its career starts (`occupationSince`), so `talent.working-age` holds too
const hire = (on: string) => ({ type: 'ChangeEmployer', actor: { id: 'org-1', role: 'employer' }, data: { talentId: 't-40', employerId: 'org-1', on, occupationSince: on } })
const adopt = { type: 'AdoptPolicy', actor: bureau, data: { policyId: 'lyg-s15', effectiveFrom: '2025-01-01', document: { ...defaultPolicyDocument, dates: { minStudentAgeYears: 15 } } } }

const LINES = [
  /* 1 */ { type: 'RegisterOrganization', actor: bureau, data: { organizationId: 'lyg-tech', kind: 'vocational-school', name: '连云港技师学院' } },
  /* 2 */ student('t-40', '2025-09-01'),
  /* 3 */ student('t-41', '2026-03-01'),
  /* 4 */ adopt,
  /* 5 */ student('t-40', '2025-09-01'),
  /* 6 */ student('t-42', '2025-02-28'),
  /* 7 */ { type: 'RegisterOrganization', actor: bureau, data: { organizationId: 'org-1', kind: 'employer', name: '港口集团' } },
  /* 8 */ hire('2026-02-28'),
  /* 9 */ hire('2026-03-01'),
]

let results: Result[] = []
beforeAll(() => {
  results = runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: jsonl(...LINES) }).json() as Result[]
})
afterAll(() => dir.remove())

const at = (line: number): Result => results[line - 1]!
const refused = (line: number, code: string) => {
  expect(at(line)).toMatchObject({ ok: false, error: { code } })
  expect(at(line).error?.details.map((d) => d.rule)).toContain('talent.student-age')
}

describe('talent-ledger apply: talent.student-age (DOMAIN.md §17)', () => {
  it('every line has its result', () => {
    expect(results).toHaveLength(LINES.length)
  })

  it('under 16 with the default policy: PolicyValueUnset; at 16: accepted', () => {
    refused(2, 'PolicyValueUnset')
    expect(at(3)).toMatchObject({ ok: true, events: ['TalentRegistered'] })
  })

  it('once minStudentAgeYears is 15: a student of 15 is accepted, one of 14 NotEligible', () => {
    expect(at(4)).toMatchObject({ ok: true, events: ['PolicyAdopted'] })
    expect(at(5)).toMatchObject({ ok: true, events: ['TalentRegistered'] })
    refused(6, 'NotEligible')
  })

  it('a student hired before its 16th birthday: NotEligible talent.working-age; on the birthday: hired', () => {
    expect(at(8)).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    expect(at(8).error?.details.map((d) => d.rule)).toContain('talent.working-age')
    expect(at(9)).toMatchObject({ ok: true, events: ['EmployerChanged'] })
  })
})
