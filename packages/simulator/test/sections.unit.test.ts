// The sections of DOMAIN.md §12–15 (sections.ts): a city at a scale over six years writes every
// command they add — quotas, appointments, renewals and ends of senior posts; assessments under both
// featured standards; catalogued honours and honour lists; service deliveries; the
// housing subsidy's instalments under conditions — and the ledger refuses only what the simulator
// meant it to refuse. Posts stay within every quota on every day a post starts.
import type { Command } from '@talent-ledger/core'
import { describe, expect, it } from 'vitest'
import { simulateCity } from '../src/index.js'

const sim = simulateCity({ talents: 150, stock: 1_200, scale: 0.004, seed: 12, to: '2031-12-31' })
const of = <K extends Command['type']>(type: K) => sim.commands.filter((c): c is Extract<Command, { type: K }> => c.type === type)

describe('the §12–15 sections of a city at a scale', () => {
  it('write every command they add', () => {
    for (const type of ['SetSeniorPostQuota', 'AppointSeniorPost', 'RenewSeniorPost', 'EndSeniorPost', 'ReportHonourList', 'RecordServiceDelivery'] as const)
      expect(sim.summary.byType[type] ?? 0, type).toBeGreaterThan(0)
    const standards = new Set(of('RecordAssessment').flatMap((c) => (c.data.standardId === undefined ? [] : [c.data.standardId])))
    expect(standards).toEqual(new Set(['lyg-security', 'lyg-press-on-nails']))
    expect(of('ConferHonor').some((c) => c.data.honourId !== undefined)).toBe(true)
    expect(new Set(of('RecordServiceDelivery').map((c) => c.data.service))).toEqual(new Set(['one-stop-service', 'children-education', 'medical-care', 'health-check', 'recuperation']))
    const housing = of('GrantBenefit').filter((c) => c.data.benefit === 'housing-subsidy')
    expect(housing.every((c) => c.data.purchasedOn !== undefined && c.data.firstHome === true && c.data.insuredMonths !== undefined)).toBe(true)
  })

  it('is refused only where it was meant to be, and keeps every employer within its quotas', async () => {
    const { createTalentLedger, seniorPostsProjection, seniorPostFigures } = await import('@talent-ledger/core')
    const { createMemoryEventStore, createMemoryKeyStore, manualClock } = await import('@talent-ledger/store-memory')
    const store = createMemoryEventStore()
    const ledger = createTalentLedger({ store, keys: createMemoryKeyStore(), clock: manualClock('2026-12-07T08:00:00.000Z') })
    const refused: number[] = []
    for (let i = 0; i < sim.commands.length; i += 500)
      for (const [j, r] of (await ledger.executeMany(sim.commands.slice(i, i + 500))).entries()) if (!r.ok) refused.push(i + j)
    expect(refused).toEqual(sim.intendedRefusals.map((r) => r.index))
    const state = store.all().reduce((s, row) => seniorPostsProjection.apply(s, ledger.decode(row).event), seniorPostsProjection.initialState())
    const starts = [...new Set(of('AppointSeniorPost').map((c) => c.data.on))]
    for (const day of starts) expect(seniorPostFigures(state, day).seniorPosts.filter((p) => p.quota !== null && p.inForce > p.quota), day).toEqual([])
  })
})
