// The city at a scale (issue 13 item 6): employed persons, stock and count targets scaled by one
// factor; the stock recorded from certificates issued before 2026 at the assumed shares; the demo
// policy that sets the allowances and says the targets are scaled; and the precedence of --scale
// and --talents.
import { businessDateOf, decodeCommand, defaultPolicyDocument, isHighSkilled, isSkilled, type Command } from '@talent-ledger/core'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { cityAtScale, DEFAULT_DEMO_SCALE, DEMO_POLICY_ID, simulateCity, STOCK_HIGH_SKILLED_SHARE, STOCK_SKILLED_SHARE } from '../src/index.js'

const of = <K extends Command['type']>(commands: ReadonlyArray<Command>, type: K) => commands.filter((c): c is Extract<Command, { type: K }> => c.type === type)

describe('cityAtScale: which of --scale and --talents decides what', () => {
  const span = { from: '2026-01-01', to: '2028-12-31' }

  it('a scale decides the employed persons and the stock (skilled ≈ 30 % of the employed); the intake follows the span', () => {
    const city = cityAtScale({ ...span, scale: 0.01 })
    expect(city).toMatchObject({ scale: 0.01, employedPersons: 23_000, stock: 6_900 })
    expect(city.pipeline).toBeGreaterThan(0)
    expect(cityAtScale({ ...span, to: '2035-12-31', scale: 0.01 }).pipeline).toBeGreaterThan(city.pipeline)
  })

  it('neither: the default scale', () => {
    expect(cityAtScale(span).scale).toBe(DEFAULT_DEMO_SCALE)
  })

  it('talents alone: the scale (three significant figures) of a city that holds that many, exactly that many in all', () => {
    const city = cityAtScale({ ...span, talents: 30 })
    expect(city.stock + city.pipeline).toBe(30)
    expect(city.scale).toBe(Number(city.scale.toPrecision(3)))
    expect(city.stock).toBe(Math.round(city.employedPersons * STOCK_SKILLED_SHARE))
  })

  it('both: the scale decides the city, the talents how many are simulated (the stock first)', () => {
    expect(cityAtScale({ ...span, scale: 0.01, talents: 7_000 })).toEqual({ scale: 0.01, employedPersons: 23_000, stock: 6_900, pipeline: 100 })
    expect(cityAtScale({ ...span, scale: 0.01, talents: 50 })).toEqual({ scale: 0.01, employedPersons: 23_000, stock: 50, pipeline: 0 })
  })
})

describe('simulateCity at a scale', () => {
  const sim = simulateCity({ talents: 60, stock: 400, scale: 0.001, seed: 9, to: '2028-12-31' })

  it('adopts the demo policy from the first day: the allowances set, the count targets scaled and marked so', () => {
    const [policy, ...others] = of(sim.commands, 'AdoptPolicy')
    expect(others).toEqual([])
    expect(policy!.data.policyId).toBe(DEMO_POLICY_ID)
    expect(policy!.data.effectiveFrom).toBe('2026-01-01')
    expect(policy!.data.document.title).toMatch(/^演示政策 demo policy/)
    // graded by level (DOMAIN.md §15): every level set, rising with the level
    const { housingSubsidy, livingAllowance } = policy!.data.document.benefits
    for (const byLevel of [housingSubsidy.byLevel!, livingAllowance.byLevel!]) {
      const amounts = Object.values(byLevel) as number[]
      expect(amounts.every((a, i) => a > 0 && (i === 0 || a > amounts[i - 1]!))).toBe(true)
    }
    const t = policy!.data.document.targets
    expect(t.scale).toBe(0.001)
    expect([t.newHighSkilled.count, t.highSkilledTotal.count, t.carriers.count]).toEqual([80, 350, 1])
    expect([t.skilledSharePercent, t.highSkilledSharePercent]).toEqual([defaultPolicyDocument.targets.skilledSharePercent, defaultPolicyDocument.targets.highSkilledSharePercent])
    // the shipped default leaves them unset: only the demo sets them
    expect(defaultPolicyDocument.benefits.housingSubsidy.amount).toBeNull()
    expect(of(sim.commands, 'ReportEmploymentStatistics')[0]!.data.employedPersons).toBe(2_300)
  })

  it('records the stock from certificates issued before 2026, unique numbers, at about the assumed shares', () => {
    const priors = of(sim.commands, 'RecordPriorCertificate')
    expect(priors.every((c) => c.data.issuedOn < '2026-01-01')).toBe(true)
    expect(new Set(priors.map((c) => c.data.certificateNumber)).size).toBe(priors.length)
    const top = new Map<string, (typeof priors)[number]['data']['level']>()
    for (const c of priors) top.set(c.data.talentId, c.data.level)
    expect(top.size).toBe(400)
    expect([...top.values()].every((l) => isSkilled(l))).toBe(true)
    const high = [...top.values()].filter((l) => isHighSkilled(l)).length / top.size
    expect(Math.abs(high - STOCK_HIGH_SKILLED_SHARE)).toBeLessThan(0.06)
    expect(sim.summary).toMatchObject({ scale: 0.001, stock: 400, talents: 60 })
  })

  it('writes commands that decode, each talent registered first, business dates ascending but for prior certificates', () => {
    const last = new Map<string, string>()
    for (const raw of sim.commands) {
      const decoded = decodeCommand(raw)
      if (E.isLeft(decoded)) throw new Error(`${raw.type} does not decode: ${decoded.left.message}`)
      const talent = (raw.data as { talentId?: string }).talentId
      if (talent === undefined) continue
      expect(last.has(talent) || raw.type === 'RegisterTalent').toBe(true)
      const date = businessDateOf(decoded.right)
      if (date === null || raw.type === 'RecordPriorCertificate') continue
      expect(date >= (last.get(talent) ?? '')).toBe(true)
      last.set(talent, date)
    }
  })

  it('keeps the intake’s histories whatever the stock', () => {
    const other = simulateCity({ talents: 60, stock: 10, scale: 0.001, seed: 9, to: '2028-12-31' })
    const intake = (commands: ReadonlyArray<Command>) => commands.filter((c) => String((c.data as { talentId?: string }).talentId ?? '').startsWith('t-'))
    expect(intake(other.commands)).toEqual(intake(sim.commands))
  })
})

describe('a city at a scale applied to the ledger', () => {
  it('is refused only where the simulator meant it, and its dashboard counts what the simulator planned, against scaled targets', async () => {
    const { cityDashboardProjection, createTalentLedger, dashboardReport } = await import('@talent-ledger/core')
    const { createMemoryEventStore, createMemoryKeyStore, manualClock } = await import('@talent-ledger/store-memory')
    const sim = simulateCity({ talents: 40, stock: 300, scale: 0.0005, seed: 4, to: '2028-12-31' })
    const store = createMemoryEventStore()
    const ledger = createTalentLedger({ store, keys: createMemoryKeyStore(), clock: manualClock('2026-12-07T08:00:00.000Z') })
    const refused: number[] = []
    for (const [i, c] of sim.commands.entries()) if (!(await ledger.execute(c)).ok) refused.push(i)
    expect(refused).toEqual(sim.intendedRefusals.map((r) => r.index))
    const state = store.all().reduce((s, row) => cityDashboardProjection.apply(s, ledger.decode(row).event), cityDashboardProjection.initialState())
    const report = dashboardReport(state, '2028-12-31')
    expect([report.skilledTotal, report.highSkilledTotal, report.newHighSkilled]).toEqual([sim.summary.skilled, sim.summary.highSkilled, sim.summary.newHighSkilled])
    expect(report.policyId).toBe(DEMO_POLICY_ID)
    expect(report.targetScale).toBe(0.0005)
    expect(report.targets.find((t) => t.id === 'high-skilled-2035')).toMatchObject({ target: 175, scaledBy: 0.0005 })
    // the stock is in from the first day: the shares start near the assumptions, not at zero
    const start = dashboardReport(state, '2026-03-31')
    expect(start.skilledTotal).toBeGreaterThanOrEqual(300)
    expect(start.highSkilledSharePercent).toBeGreaterThan(20)
  })
})
