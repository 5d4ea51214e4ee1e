// The sections of DOMAIN.md §10–15 (sections.ts): a city at a scale over six years writes every
// command they add — carriers with hosts and grades, a studio's master, programmes at the carriers
// with enrolments and assessments naming them; a chain leader's agreement and a school's order
// class with its students, teachers and hires; quotas, appointments, renewals and ends of senior posts; assessments under both
// featured standards; catalogued honours and honour lists; service deliveries; the
// housing subsidy's instalments under conditions — and the ledger refuses only what the simulator
// meant it to refuse. Posts stay within every quota on every day a post starts; the carriers'
// outputs count the enrolments the simulator placed in their programmes.
import type { Command } from '@talent-ledger/core'
import { describe, expect, it } from 'vitest'
import { simulateCity } from '../src/index.js'

const sim = simulateCity({ talents: 150, stock: 1_200, scale: 0.004, seed: 12, to: '2031-12-31' })
/** The commands applied once through a ledger, for the tests that read it. */
const applied = (async () => {
  const { createTalentLedger } = await import('@talent-ledger/core')
  const { createMemoryEventStore, createMemoryKeyStore, manualClock } = await import('@talent-ledger/store-memory')
  const store = createMemoryEventStore()
  const ledger = createTalentLedger({ store, keys: createMemoryKeyStore(), clock: manualClock('2026-12-07T08:00:00.000Z') })
  const refused: number[] = []
  for (let i = 0; i < sim.commands.length; i += 500)
    for (const [j, r] of (await ledger.executeMany(sim.commands.slice(i, i + 500))).entries()) if (!r.ok) refused.push(i + j)
  const events = store.all().map((row) => ledger.decode(row).event)
  return { refused, events }
})()
const of = <K extends Command['type']>(type: K) => sim.commands.filter((c): c is Extract<Command, { type: K }> => c.type === type)

describe('the §12–15 sections of a city at a scale', () => {
  it('write every command they add', () => {
    for (const type of ['DesignateCarrier', 'LinkStudioMaster', 'OpenProgramme', 'DesignateEnterprise', 'RegisterAgreement', 'SetSeniorPostQuota', 'AppointSeniorPost', 'RenewSeniorPost', 'EndSeniorPost', 'ReportHonourList', 'RecordServiceDelivery'] as const)
      expect(sim.summary.byType[type] ?? 0, type).toBeGreaterThan(0)
    const standards = new Set(of('RecordAssessment').flatMap((c) => (c.data.standardId === undefined ? [] : [c.data.standardId])))
    expect(standards).toEqual(new Set(['lyg-security', 'lyg-press-on-nails']))
    expect(of('ConferHonor').some((c) => c.data.honourId !== undefined)).toBe(true)
    expect(new Set(of('RecordServiceDelivery').map((c) => c.data.service))).toEqual(new Set(['one-stop-service', 'children-education', 'medical-care', 'health-check', 'recuperation']))
    const housing = of('GrantBenefit').filter((c) => c.data.benefit === 'housing-subsidy')
    expect(housing.every((c) => c.data.purchasedOn !== undefined && c.data.firstHome === true && c.data.insuredMonths !== undefined)).toBe(true)
  })

  it('is refused only where it was meant to be, and keeps every employer within its quotas', async () => {
    const { seniorPostsProjection, seniorPostFigures } = await import('@talent-ledger/core')
    const { refused, events } = await applied
    expect(refused).toEqual(sim.intendedRefusals.map((r) => r.index))
    const state = events.reduce((s, e) => seniorPostsProjection.apply(s, e), seniorPostsProjection.initialState())
    const starts = [...new Set(of('AppointSeniorPost').map((c) => c.data.on))]
    for (const day of starts) expect(seniorPostFigures(state, day).seniorPosts.filter((p) => p.quota !== null && p.inForce > p.quota), day).toEqual([])
  })

  it("shows the carriers' outputs: hosted carriers, the studio's master, and the enrolments and certificates of their programmes", async () => {
    const { carrierOutputsProjection, carrierOutputFigures } = await import('@talent-ledger/core')
    const { events } = await applied
    const { carrierOutputs, programmeOutputs } = carrierOutputFigures(events.reduce((s, e) => carrierOutputsProjection.apply(s, e), carrierOutputsProjection.initialState()), sim.summary.to)
    const hosted = of('DesignateCarrier').filter((c) => c.data.hostId !== undefined)
    expect(hosted.map((c) => c.data.kind).sort()).toEqual(['high-skill-training-base', 'industry-education-base', 'master-studio'])
    expect(hosted.every((c) => c.data.grade !== undefined)).toBe(true)
    const studio = carrierOutputs.find((c) => c.kind === 'master-studio' && c.masterTalentId !== null)
    expect(studio?.masterTalentId).toBe(of('LinkStudioMaster')[0]?.data.talentId)
    // every enrolment the simulator placed in an opened programme counts, and nothing else does
    const opened = new Set(of('OpenProgramme').map((c) => c.data.programId))
    const placed = of('EnrollTraining').filter((c) => opened.has(c.data.programId))
    expect(placed.length).toBeGreaterThan(0)
    expect(programmeOutputs.reduce((n, p) => n + p.enrolled, 0)).toBe(placed.length)
    // the studio trains only its host's own staff (industry-chain, apprenticeships): at this size, maybe none
    for (const c of hosted.filter((h) => h.data.kind !== 'master-studio')) expect(carrierOutputs.find((r) => r.carrierId === c.data.carrierId)?.enrolled, c.data.carrierId).toBeGreaterThan(0)
    expect(of('RecordAssessment').some((c) => c.data.programId !== undefined)).toBe(true)
    expect(carrierOutputs.reduce((n, c) => n + c.certified, 0)).toBeGreaterThan(0)
  })

  it('shows the cooperation: the chain and the class enrol, complete and hire, and the schools have teachers', async () => {
    const { cooperationFiguresProjection, cooperationFigures } = await import('@talent-ledger/core')
    const { events } = await applied
    const { agreements, teachers } = cooperationFigures(events.reduce((s, e) => cooperationFiguresProjection.apply(s, e), cooperationFiguresProjection.initialState()), sim.summary.to)
    const row = (kind: string) => agreements.find((a) => a.kind === kind)
    expect(row('industry-chain')?.enrolled).toBeGreaterThan(0)
    expect(row('industry-chain')?.completed).toBeGreaterThan(0)
    const hires = of('ChangeEmployer').filter((c) => c.data.agreementId !== undefined)
    expect(hires.length).toBeGreaterThan(0)
    expect(row('order-class')).toMatchObject({ enrolled: of('RegisterTalent').filter((c) => c.data.relation === 'student').length, hiredByPartner: hires.length })
    expect(teachers.total).toBe(of('RegisterTalent').filter((c) => c.data.relation === 'teacher').length)
  })
})
