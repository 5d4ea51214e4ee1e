// Money on the dashboard (DOMAIN.md §16): benefit figures by kind, year and district as of a date,
// the worked example 16-a, the same state rebuilt or kept by a subscription, and totals that equal a
// recount from the events themselves.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { benefitFigures, benefitFiguresProjection, rebuild, type BenefitFiguresState, type LedgerEvent } from '@talent-ledger/core'
import { createMemoryEventStore } from '@talent-ledger/store-memory'
import { assess, bureau, registerEmployer, registerTalent, setup } from './fixtures.js'

const fold = (events: ReadonlyArray<LedgerEvent>): BenefitFiguresState =>
  events.reduce((s, e) => benefitFiguresProjection.apply(s, e), benefitFiguresProjection.initialState())

// only the fields the projection reads; the rest of each event does not matter to it
const registered = (talentId: string, district: string) => ({ type: 'TalentRegistered', data: { talentId, district } }) as unknown as LedgerEvent
const granted = (talentId: string, grantId: string, benefit: string, amount: number, on: string) =>
  ({ type: 'BenefitGranted', data: { talentId, grantId, benefit, amount, on } }) as unknown as LedgerEvent
const revoked = (talentId: string, on: string, flaggedGrants: string[]) =>
  ({ type: 'CertificateRevoked', data: { talentId, level: 'senior', reason: 'forged papers', on, flaggedGrants } }) as unknown as LedgerEvent

describe('benefit figures', () => {
  describe('worked example 16-a', () => {
    const log = [
      registered('t-hz', '海州区'),
      registered('t-gy', '赣榆区'),
      granted('t-hz', 'g1', 'first-certification-allowance', 500_000, '2026-07-01'),
      granted('t-hz', 'g2', 'skill-upgrade-subsidy', 150_000, '2026-08-01'),
      granted('t-gy', 'g3', 'competition-prize', 1_200_000, '2027-05-01'),
    ]

    it('as of 2026-12-31: two 2026/海州区 rows', () => {
      expect(benefitFigures(fold(log), '2026-12-31')).toEqual({
        benefits: [
          { benefit: 'first-certification-allowance', year: 2026, district: '海州区', grants: 1, amount: 500_000, flaggedAmount: 0 },
          { benefit: 'skill-upgrade-subsidy', year: 2026, district: '海州区', grants: 1, amount: 150_000, flaggedAmount: 0 },
        ],
        benefitTotals: { 'first-certification-allowance': 500_000, 'skill-upgrade-subsidy': 150_000 },
      })
    })

    it('as of 2027-12-31: also the 赣榆区 prize', () => {
      const figures = benefitFigures(fold(log), '2027-12-31')
      expect(figures.benefits).toHaveLength(3)
      expect(figures.benefits).toContainEqual({ benefit: 'competition-prize', year: 2027, district: '赣榆区', grants: 1, amount: 1_200_000, flaggedAmount: 0 })
      expect(figures.benefitTotals['competition-prize']).toBe(1_200_000)
    })

    it('once a revocation flags the first: flaggedAmount 500000, from the revocation date on', () => {
      const state = fold([...log, revoked('t-hz', '2027-06-01', ['g1'])])
      const first = (asOf: string) => benefitFigures(state, asOf).benefits.find((r) => r.benefit === 'first-certification-allowance')
      expect(first('2027-05-31')).toMatchObject({ amount: 500_000, flaggedAmount: 0 })
      expect(first('2027-06-01')).toMatchObject({ amount: 500_000, flaggedAmount: 500_000 })
      // a flagged grant was still paid: it stays in the totals
      expect(benefitFigures(state, '2027-12-31').benefitTotals['first-certification-allowance']).toBe(500_000)
    })
  })

  it('counts nothing before the first grant', () => {
    expect(benefitFigures(fold([registered('t-1', '连云区'), granted('t-1', 'g', 'living-allowance', 100, '2030-01-01')]), '2029-12-31')).toEqual({ benefits: [], benefitTotals: {} })
  })

  it('is the same state rebuilt from the log or kept by a subscription (commands through the ledger)', async () => {
    const store = createMemoryEventStore()
    const { ledger } = setup({ store })
    let live = benefitFiguresProjection.initialState()
    const sub = store.subscribe('benefit-figures', (e) => void (live = benefitFiguresProjection.apply(live, ledger.decode(e).event)))
    for (const c of [
      registerEmployer,
      registerTalent('t-1'),
      assess('a1', 'intermediate', '2026-02-01'),
      assess('a2', 'senior', '2026-03-01'),
      { type: 'GrantBenefit', actor: bureau, data: { talentId: 't-1', benefit: 'first-certification-allowance', level: 'senior', on: '2026-03-05' } },
      { type: 'RevokeCertificate', actor: bureau, data: { talentId: 't-1', level: 'senior', reason: 'forged papers', on: '2026-04-01' } },
    ])
      expect((await ledger.execute(c)).ok).toBe(true)
    await sub.caughtUp()
    await sub.stop()
    const rebuilt = await rebuild(store, benefitFiguresProjection, (e) => ledger.decode(e).event, { pageSize: 2 })
    expect(rebuilt.state).toEqual(live)
    const [row] = benefitFigures(rebuilt.state, '2026-12-31').benefits
    expect(row).toMatchObject({ benefit: 'first-certification-allowance', year: 2026, grants: 1, flaggedAmount: row?.amount })
    expect(row?.amount).toBeGreaterThan(0)
    expect(benefitFigures(rebuilt.state, '2026-03-31').benefits[0]?.flaggedAmount).toBe(0)
  })

  it('totals and rows equal a recount from the events, as of any date', () => {
    const date = fc.integer({ min: 0, max: 3 * 365 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10))
    const grant = fc.record({
      talent: fc.constantFrom('t-1', 't-2', 't-3', 't-unregistered'),
      benefit: fc.constantFrom('skill-upgrade-subsidy', 'first-certification-allowance', 'competition-prize'),
      amount: fc.integer({ min: 1, max: 5_000_000 }),
      on: date,
    })
    const revocation = fc.record({ talent: fc.constantFrom('t-1', 't-2', 't-3'), on: date, flag: fc.array(fc.nat(20), { maxLength: 3 }) })
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 20 }), fc.array(revocation, { maxLength: 4 }), date, (grants, revocations, asOf) => {
        const districts: Record<string, string> = { 't-1': '海州区', 't-2': '赣榆区', 't-3': '海州区' }
        const log: LedgerEvent[] = Object.entries(districts).map(([talent, district]) => registered(talent, district))
        grants.forEach((g, i) => log.push(granted(g.talent, `g${i}`, g.benefit, g.amount, g.on)))
        const flaggedOn = new Map<number, string>()
        for (const r of revocations) {
          const ids = r.flag.filter((i) => i < grants.length && grants[i]!.talent === r.talent)
          log.push(revoked(r.talent, r.on, ids.map((i) => `g${i}`)))
          for (const i of ids) if (!flaggedOn.has(i) || r.on < flaggedOn.get(i)!) flaggedOn.set(i, r.on)
        }
        const figures = benefitFigures(fold(log), asOf)
        // the recount: straight from the generated grants, no projection
        const counted = grants.map((g, i) => ({ ...g, i })).filter((g) => g.on <= asOf)
        const totals: Record<string, number> = {}
        for (const g of counted) totals[g.benefit] = (totals[g.benefit] ?? 0) + g.amount
        expect(figures.benefitTotals).toEqual(totals)
        const sum = (f: (r: (typeof figures.benefits)[number]) => number) => figures.benefits.reduce((n, r) => n + f(r), 0)
        expect(sum((r) => r.grants)).toBe(counted.length)
        expect(sum((r) => r.amount)).toBe(counted.reduce((n, g) => n + g.amount, 0))
        const flagged = counted.filter((g) => (flaggedOn.get(g.i) ?? '9999-12-31') <= asOf)
        expect(sum((r) => r.flaggedAmount)).toBe(flagged.reduce((n, g) => n + g.amount, 0))
        for (const r of figures.benefits) {
          const mine = counted.filter((g) => g.benefit === r.benefit && Number(g.on.slice(0, 4)) === r.year && (districts[g.talent] ?? 'unknown') === r.district)
          expect(r.grants).toBe(mine.length)
          expect(r.amount).toBe(mine.reduce((n, g) => n + g.amount, 0))
        }
      }),
    )
  })
})
