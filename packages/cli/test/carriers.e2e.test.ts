// Training carriers and programmes through the CLI (DOMAIN.md §10, §16): every rule of §10 accepted
// and refused by `apply` (carrier.host-registered, studio.master-level, programme.carrier,
// training.matches-programme, assessment.programme-enrolled), the worked examples 10-a and 10-b,
// and `report` giving the studio's outputs the same in `--json`, text and HTML.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultPolicyDocument } from '@talent-ledger/core'
import { assess, bureau, employer, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
const store = `sqlite:${join(dir.path, 'carriers.db')}`
const cli = (...args: string[]) => runCli(['--store', store, ...args], { cwd: dir.path })

interface Result { readonly ok: boolean; readonly line: number; readonly events?: string[]; readonly error?: { code: string; details: { rule?: string; field?: string }[] } }

const prior = (talentId: string, level: string) => ({
  type: 'RecordPriorCertificate', actor: bureau,
  data: { talentId, certificateNumber: `N-${talentId}`, level, occupation: '6-18-02-04', issuedOn: '2024-05-01', issuer: '江苏省职业技能鉴定中心' },
})
const designate = (carrierId: string, hostId: string) => ({ type: 'DesignateCarrier', actor: bureau, data: { carrierId, kind: 'master-studio', name: '连云港技能大师工作室', on: '2026-05-01', hostId, grade: 'municipal' } })
const link = (talentId: string) => ({ type: 'LinkStudioMaster', actor: bureau, data: { carrierId: 'k-9', talentId, on: '2026-05-10' } })
const lygT = { type: 'AdoptPolicy', actor: bureau, data: { policyId: 'lyg-t', effectiveFrom: '2026-01-01', document: { ...defaultPolicyDocument, carriers: { masterStudio: { minMasterLevel: 'technician' } } } } }
const open = (programId: string, o: Record<string, unknown> = {}) => ({
  type: 'OpenProgramme', actor: employer,
  data: { programId, providerId: 'port-co', kind: 'specialized', field: 'advanced-manufacturing', on: '2026-06-01', carrierId: 'k-9', places: 20, ...o },
})
const enrol = (kind: string) => ({ type: 'EnrollTraining', actor: employer, data: { talentId: 't-7', programId: 'p-k9', kind, field: 'advanced-manufacturing', providerId: 'port-co', startedOn: '2026-06-02' } })
const concluding = (assessmentId: string, on: string, programId: string) => {
  const a = assess('t-7', assessmentId, 'senior', on)
  return { ...a, data: { ...a.data, programId } }
}

const LINES = [
  /* 1 */ registerEmployer,
  /* 2 */ registerTalent('m-1'),
  /* 3 */ prior('m-1', 'technician'),
  /* 4 */ registerTalent('m-2', '李强'),
  /* 5 */ prior('m-2', 'senior'),
  /* 6 */ designate('k-9', 'port-co'),
  /* 7 */ designate('k-x', 'nobody'),
  /* 8 */ link('m-1'),
  /* 9 */ lygT,
  /* 10 */ link('m-2'),
  /* 11 */ link('m-1'),
  /* 12 */ link('m-1'),
  /* 13 */ open('p-k9'),
  /* 14 */ open('p-x', { carrierId: 'k-none' }),
  /* 15 */ open('p-y', { on: '2026-04-01' }),
  /* 16 */ registerTalent('t-7', '赵敏'),
  /* 17 */ assess('t-7', 'a-1', 'intermediate', '2026-02-01'),
  /* 18 */ enrol('ai-literacy'),
  /* 19 */ enrol('specialized'),
  /* 20 */ concluding('a-2', '2026-10-15', 'p-none'),
  /* 21 */ concluding('a-3', '2026-05-01', 'p-k9'),
  /* 22 */ { type: 'CompleteTraining', actor: employer, data: { talentId: 't-7', programId: 'p-k9', completedOn: '2026-09-30', hours: 320 } },
  /* 23 */ concluding('a-4', '2026-10-15', 'p-k9'),
]

let results: Result[] = []
beforeAll(() => {
  results = runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: jsonl(...LINES) }).json() as Result[]
})
afterAll(() => dir.remove())

const at = (line: number): Result => results[line - 1]!
const rulesAt = (line: number): string[] => (at(line).error?.details ?? []).flatMap((d) => (d.rule === undefined ? [] : [d.rule]))

describe('talent-ledger apply: carriers (10-a)', () => {
  it('every line before the carriers is accepted', () => {
    for (const line of [1, 2, 3, 4, 5, 9, 16, 17]) expect(at(line), `line ${line}`).toMatchObject({ ok: true })
  })

  it('carrier.host-registered: a registered host is accepted, one never registered is NotFound', () => {
    expect(at(6)).toMatchObject({ ok: true, events: ['CarrierDesignated'] })
    expect(at(7)).toMatchObject({ ok: false, error: { code: 'NotFound' } })
    expect(rulesAt(7)).toEqual(['carrier.host-registered'])
  })

  it('studio.master-level: unset under national-2018, a senior too low, a technician linked, the same master again Duplicate', () => {
    expect(at(8)).toMatchObject({ ok: false, error: { code: 'PolicyValueUnset' } })
    expect(rulesAt(8)).toEqual(['national-2018.studio.master-level'])
    expect(at(10)).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    expect(rulesAt(10)).toEqual(['lyg-t.studio.master-level'])
    expect(at(11)).toMatchObject({ ok: true, stream: 'city', events: ['StudioMasterLinked'] })
    expect(at(12)).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
  })
})

describe('talent-ledger apply: programmes (10-b)', () => {
  it('programme.carrier: the host opens at its studio; a carrier never designated is NotFound, one designated after `on` NotEligible', () => {
    expect(at(13)).toMatchObject({ ok: true, stream: 'programme-p-k9', events: ['ProgrammeOpened'] })
    expect(at(14)).toMatchObject({ ok: false, error: { code: 'NotFound' } })
    expect(rulesAt(14)).toEqual(['programme.carrier'])
    expect(at(15)).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    // designated on 2026-05-01 and its master linked on 2026-05-10: both after the programme's date
    expect(rulesAt(15)).toEqual(['programme.carrier', 'programme.carrier'])
  })

  it('training.matches-programme: ai-literacy refused on the kind, specialized accepted', () => {
    expect(at(18)).toMatchObject({ ok: false, error: { code: 'NotEligible', details: [{ rule: 'training.matches-programme', field: 'data.kind' }] } })
    expect(at(19)).toMatchObject({ ok: true, events: ['TrainingEnrolled'] })
  })

  it('assessment.programme-enrolled: not enrolled NotFound, before the start NotEligible, after it accepted', () => {
    expect(at(20)).toMatchObject({ ok: false, error: { code: 'NotFound' } })
    expect(rulesAt(20)).toEqual(['assessment.programme-enrolled'])
    expect(at(21)).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    expect(rulesAt(21)).toEqual(['assessment.programme-enrolled'])
    expect(at(22)).toMatchObject({ ok: true, events: ['TrainingCompleted'] })
    expect(at(23)).toMatchObject({ ok: true, events: ['AssessmentPassed', 'LevelCertified', 'TalentPoolEntered'] })
  })

  it('report: k-9 {enrolled 1, completed 1, certified 1} as of 2026-12-31, the same in JSON, text and HTML', () => {
    const report = cli('report', '--json', '--as-of', '2026-12-31').json()[0] as { carrierOutputs: unknown[]; programmeOutputs: unknown[] }
    expect(report.carrierOutputs).toEqual([
      { carrierId: 'k-9', kind: 'master-studio', grade: 'municipal', masterTalentId: 'm-1', programmes: 1, enrolled: 1, completed: 1, certified: 1, certifiedByLevel: { senior: 1 } },
    ])
    expect(report.programmeOutputs).toEqual([
      { programId: 'p-k9', carrierId: 'k-9', kind: 'specialized', field: 'advanced-manufacturing', providerId: 'port-co', on: '2026-06-01', places: 20, enrolled: 1, completed: 1, certified: 1, certifiedByLevel: { senior: 1 } },
    ])
    // before the assessment: enrolled, not yet certified
    const earlier = cli('report', '--json', '--as-of', '2026-07-01').json()[0] as { carrierOutputs: Array<{ enrolled: number; completed: number; certified: number }> }
    expect(earlier.carrierOutputs[0]).toMatchObject({ enrolled: 1, completed: 0, certified: 0 })
    expect(cli('report', '--as-of', '2026-12-31').stdout).toMatch(/k-9 +master-studio \(municipal\) +1 +1 +1 +1 +senior 1 master m-1/)
    const file = join(dir.path, 'page.html')
    expect(cli('report', '--html', file, '--as-of', '2026-12-31').code).toBe(0)
    const page = readFileSync(file, 'utf8')
    expect(page).toMatch(/<tr class="carrier" data-carrier="k-9">.*data-enrolled="1".*data-completed="1".*data-certified="1"/)
    expect(page).toMatch(/<tr class="programme" data-programme="p-k9">.*data-places="20"/)
  })
})
