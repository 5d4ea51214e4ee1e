// Carriers' outputs (DOMAIN.md §10, §16): the projection kept by a subscription equals the one
// rebuilt from the log (through JSON, as an inline store keeps it), and over generated carrier-heavy
// histories — carriers with hosts and masters, programmes opened at them or not, enrolments that
// match or not, completions, assessments concluding a programme, revocations — every invariant
// holds (the dashboard recount covers `carrierOutputs` and `programmeOutputs`).
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { carrierOutputFigures, carrierOutputsProjection, defaultPolicyDocument, rebuild } from '@talent-ledger/core'
import { createMemoryEventStore } from '@talent-ledger/store-memory'
import { allInvariants, runPureLedger } from '../../src/index.js'
import { bureau, registerEmployer, registerTalent, setup } from './fixtures.js'

const employer = { id: 'port-co', role: 'employer' } as const
const trainer = { id: 'trainer-1', role: 'training-provider' } as const
const registerTrainer = { type: 'RegisterOrganization', actor: bureau, data: { organizationId: 'trainer-1', kind: 'training-provider', name: '连云港职业培训学校' } }
const policy = { type: 'AdoptPolicy', actor: bureau, data: { policyId: 'lyg-t', effectiveFrom: '2026-01-01', document: { ...defaultPolicyDocument, carriers: { masterStudio: { minMasterLevel: 'technician' } } } } }

describe('carrier outputs: inline and rebuilt agree', () => {
  it('a subscription-kept state, stored as JSON, equals the rebuild; the figures are the same as of any date', async () => {
    const store = createMemoryEventStore()
    const { ledger } = setup({ store })
    let live = carrierOutputsProjection.initialState()
    const sub = store.subscribe('carrier-outputs', (e) => void (live = JSON.parse(JSON.stringify(carrierOutputsProjection.apply(live, ledger.decode(e).event)))))
    const commands = [
      registerEmployer,
      policy,
      registerTalent('m-1'),
      { type: 'RecordPriorCertificate', actor: bureau, data: { talentId: 'm-1', certificateNumber: 'N-1', level: 'technician', occupation: '6-18-02-04', issuedOn: '2024-05-01', issuer: '江苏省职业技能鉴定中心' } },
      { type: 'DesignateCarrier', actor: bureau, data: { carrierId: 'k-9', kind: 'master-studio', name: '大师工作室', on: '2026-05-01', hostId: 'port-co', grade: 'district', masterTalentId: 'm-1' } },
      { type: 'OpenProgramme', actor: employer, data: { programId: 'p-k9', providerId: 'port-co', kind: 'specialized', field: 'advanced-manufacturing', on: '2026-06-01', carrierId: 'k-9', places: 10 } },
      registerTalent('t-7'),
      { type: 'RecordAssessment', actor: employer, data: { talentId: 't-7', assessmentId: 'a-1', route: 'skill-level-recognition', occupation: '6-18-02-04', level: 'intermediate', passed: true, assessorId: 'port-co', on: '2026-02-01' } },
      { type: 'EnrollTraining', actor: employer, data: { talentId: 't-7', programId: 'p-k9', kind: 'specialized', field: 'advanced-manufacturing', providerId: 'port-co', startedOn: '2026-06-02' } },
      { type: 'CompleteTraining', actor: employer, data: { talentId: 't-7', programId: 'p-k9', completedOn: '2026-09-30', hours: 320 } },
      { type: 'RecordAssessment', actor: employer, data: { talentId: 't-7', assessmentId: 'a-2', route: 'skill-level-recognition', occupation: '6-18-02-04', level: 'senior', passed: true, assessorId: 'port-co', on: '2026-10-15', programId: 'p-k9' } },
      { type: 'RevokeCertificate', actor: bureau, data: { talentId: 't-7', level: 'senior', reason: '材料不实', on: '2027-03-01' } },
    ]
    for (const c of commands) expect((await ledger.execute(c)).ok, JSON.stringify(c)).toBe(true)
    await sub.caughtUp()
    await sub.stop()
    const rebuilt = await rebuild(store, carrierOutputsProjection, (e) => ledger.decode(e).event, { pageSize: 3 })
    expect(rebuilt.state).toEqual(live)
    const at = (asOf: string) => carrierOutputFigures(rebuilt.state, asOf).carrierOutputs[0]
    expect(at('2026-12-31')).toEqual({ carrierId: 'k-9', kind: 'master-studio', grade: 'district', masterTalentId: 'm-1', programmes: 1, enrolled: 1, completed: 1, certified: 1, certifiedByLevel: { senior: 1 } })
    // the revoked certificate no longer counts after its revocation
    expect(at('2027-12-31')).toMatchObject({ certified: 0, certifiedByLevel: {} })
    for (const asOf of ['2026-05-31', '2026-12-31', '2027-12-31']) expect(carrierOutputFigures(live, asOf)).toEqual(carrierOutputFigures(rebuilt.state, asOf))
  })
})

/** A generated history centred on carriers and programmes, as raw commands (many are meant to be refused). */
const carrierHistory = fc
  .record({
    minMasterLevel: fc.option(fc.constantFrom('senior', 'technician'), { nil: null }),
    carriers: fc.array(fc.record({ kind: fc.constantFrom('master-studio', 'high-skill-training-base'), host: fc.constantFrom('port-co', 'trainer-1', undefined), day: fc.integer({ min: 0, max: 200 }), master: fc.boolean() }), { minLength: 1, maxLength: 3 }),
    steps: fc.array(
      fc.oneof(
        fc.record({ tag: fc.constant('open' as const), programme: fc.integer({ min: 1, max: 3 }), carrier: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), provider: fc.constantFrom('port-co', 'trainer-1'), kind: fc.constantFrom('specialized', 'specialized', 'ai-literacy'), day: fc.integer({ min: 0, max: 400 }) }),
        fc.record({ tag: fc.constant('link' as const), carrier: fc.integer({ min: 1, max: 3 }), talent: fc.constantFrom('m-1', 't-1'), day: fc.integer({ min: 0, max: 400 }) }),
        fc.record({ tag: fc.constant('enrol' as const), talent: fc.constantFrom('t-1', 't-2'), programme: fc.integer({ min: 1, max: 3 }), provider: fc.constantFrom('port-co', 'trainer-1'), kind: fc.constantFrom('specialized', 'specialized', 'ai-literacy'), day: fc.integer({ min: 0, max: 600 }) }),
        fc.record({ tag: fc.constant('complete' as const), talent: fc.constantFrom('t-1', 't-2'), programme: fc.integer({ min: 1, max: 3 }), day: fc.integer({ min: 0, max: 800 }) }),
        fc.record({ tag: fc.constant('assess' as const), talent: fc.constantFrom('t-1', 't-2'), programme: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), level: fc.constantFrom('intermediate', 'senior', 'technician'), passed: fc.boolean(), day: fc.integer({ min: 0, max: 900 }) }),
        fc.record({ tag: fc.constant('revoke' as const), talent: fc.constantFrom('t-1', 't-2'), level: fc.constantFrom('intermediate', 'senior'), day: fc.integer({ min: 0, max: 1000 }) }),
      ),
      { maxLength: 30 },
    ),
  })
  .map((h) => {
    const date = (day: number): string => new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10)
    const actorOf = (id: string) => (id === 'port-co' ? employer : trainer)
    const setup: unknown[] = [
      registerEmployer,
      registerTrainer,
      { ...policy, data: { ...policy.data, document: { ...defaultPolicyDocument, carriers: { masterStudio: { minMasterLevel: h.minMasterLevel } } } } },
      registerTalent('m-1', '2025-01-05'),
      { type: 'RecordPriorCertificate', actor: bureau, data: { talentId: 'm-1', certificateNumber: 'N-1', level: 'technician', occupation: '6-18-02-04', issuedOn: '2024-05-01', issuer: '江苏省职业技能鉴定中心' } },
      registerTalent('t-1', '2025-01-05'),
      registerTalent('t-2', '2025-01-05'),
      ...h.carriers.map((c, i) => ({
        type: 'DesignateCarrier', actor: bureau,
        data: { carrierId: `k-${i + 1}`, kind: c.kind, name: `载体 ${i + 1}`, on: date(c.day), ...(c.host === undefined ? {} : { hostId: c.host }), ...(c.master ? { masterTalentId: 'm-1' } : {}) },
      })),
    ]
    // a city's year moves forward: the steps in date order (same day: as generated)
    const steps = [...h.steps].sort((a, b) => a.day - b.day).map((s) => {
      switch (s.tag) {
        case 'open':
          return { type: 'OpenProgramme', actor: actorOf(s.provider), data: { programId: `p-${s.programme}`, providerId: s.provider, kind: s.kind, field: 'advanced-manufacturing', on: date(s.day), ...(s.carrier === undefined ? {} : { carrierId: `k-${s.carrier}` }) } }
        case 'link':
          return { type: 'LinkStudioMaster', actor: bureau, data: { carrierId: `k-${s.carrier}`, talentId: s.talent, on: date(s.day) } }
        case 'enrol':
          return { type: 'EnrollTraining', actor: bureau, data: { talentId: s.talent, programId: `p-${s.programme}`, kind: s.kind, field: 'advanced-manufacturing', providerId: s.provider, startedOn: date(s.day) } }
        case 'complete':
          return { type: 'CompleteTraining', actor: bureau, data: { talentId: s.talent, programId: `p-${s.programme}`, completedOn: date(s.day), hours: 100 } }
        case 'assess':
          return {
            type: 'RecordAssessment', actor: employer,
            data: { talentId: s.talent, assessmentId: `a-${s.day}-${s.level}`, route: 'skill-level-recognition', occupation: '6-18-02-04', level: s.level, passed: s.passed, assessorId: 'port-co', on: date(s.day), ...(s.programme === undefined ? {} : { programId: `p-${s.programme}` }) },
          }
        case 'revoke':
          return { type: 'RevokeCertificate', actor: bureau, data: { talentId: s.talent, level: s.level, reason: '材料不实', on: date(s.day) } }
      }
    })
    return [...setup, ...steps]
  })

describe('carrier outputs: the invariants over carrier-heavy histories', () => {
  it('every invariant holds, and some histories certify through a programme at a carrier', async () => {
    let certifiedAtCarrier = 0
    await fc.assert(
      fc.asyncProperty(carrierHistory, async (raws) => {
        const run = await runPureLedger(raws)
        expect(run.failure).toBeNull()
        for (const invariant of allInvariants) expect(invariant.violations(run), invariant.invariantName).toEqual([])
        const figures = carrierOutputFigures(fold(run.log.map((l) => l.event)), '2030-12-31')
        if (figures.carrierOutputs.some((c) => c.certified > 0)) certifiedAtCarrier++
      }),
      { numRuns: 60, seed: 10 },
    )
    expect(certifiedAtCarrier).toBeGreaterThan(0)
  })
})

function fold(events: ReadonlyArray<Parameters<typeof carrierOutputsProjection.apply>[1]>) {
  let s = carrierOutputsProjection.initialState()
  for (const e of events) s = carrierOutputsProjection.apply(s, e)
  return s
}
