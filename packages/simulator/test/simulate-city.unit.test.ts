// The city simulator on its own: reproducible, well-formed, in an order the ledger can apply, and
// plausible for Lianyungang (districts, occupations, fields, tiers, carriers, the 2027 policy).
import { businessDateOf, decodeCommand, defaultPolicyDocument, type Command } from '@talent-ledger/core'
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isSchoolPerson } from '../src/cooperation.js'
import { simulateCity } from '../src/index.js'

/** The talent of the pipeline (or the stock) a command is about; the schools' students and teachers (§11) are not counted. */
const talentOf = (c: Command): string | null => {
  const d = c.data as Record<string, unknown>
  return typeof d['talentId'] === 'string' && !isSchoolPerson(d['talentId']) ? d['talentId'] : null
}

describe('simulateCity', () => {
  it('gives the same commands and summary for the same seed, and others for another seed', () => {
    const a = simulateCity({ talents: 80, seed: 11 })
    const b = simulateCity({ talents: 80, seed: 11 })
    const c = simulateCity({ talents: 80, seed: 12 })
    expect(b.commands).toEqual(a.commands)
    expect(b.intendedRefusals).toEqual(a.intendedRefusals)
    expect(b.summary).toEqual(a.summary)
    expect(c.commands).not.toEqual(a.commands)
  })

  it('gives each talent the same history whatever the number of talents simulated', () => {
    const small = simulateCity({ talents: 40, seed: 5 })
    const large = simulateCity({ talents: 120, seed: 5 })
    const firstForty = new Set(small.commands.map(talentOf).filter((t): t is string => t !== null))
    expect(firstForty.size).toBe(40)
    expect(large.commands.filter((c) => firstForty.has(talentOf(c) ?? ''))).toEqual(small.commands.filter((c) => talentOf(c) !== null))
  })

  it('writes only commands that decode, organisations first, dates within the span and ascending per talent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 25 }), (seed, talents) => {
        const { commands, intendedRefusals, summary } = simulateCity({ talents, seed, from: '2026-01-01', to: '2031-06-30' })
        const last = new Map<string, string>()
        let organizationsDone = false
        for (const raw of commands) {
          const decoded = decodeCommand(raw)
          if (E.isLeft(decoded)) throw new Error(`${raw.type} does not decode: ${decoded.left.message}`)
          if (raw.type === 'RegisterOrganization') expect(organizationsDone).toBe(false)
          else organizationsDone = true
          const date = businessDateOf(decoded.right)
          if (date !== null && raw.type !== 'ReportEmploymentStatistics') expect(date >= '2026-01-01' && date <= '2031-06-30').toBe(true)
          const talent = talentOf(raw)
          if (talent === null) continue
          expect(last.has(talent) || raw.type === 'RegisterTalent').toBe(true)
          if (date !== null) {
            expect(date >= (last.get(talent) ?? '')).toBe(true)
            last.set(talent, date)
          }
        }
        expect(last.size).toBe(talents)
        expect(summary.commands).toBe(commands.length)
        expect(Object.values(summary.byType).reduce((s, n) => s + n, 0)).toBe(commands.length)
        for (const r of intendedRefusals) expect(['RecordAssessment', 'GrantBenefit']).toContain(commands[r.index]!.type)
      }),
      { numRuns: 25 },
    )
  })

  it('looks like Lianyungang: its districts, mostly manufacturing trades, six fields, every tier, twenty-odd carriers', () => {
    const { commands, summary } = simulateCity({ talents: 2000, seed: 2026, employedPersons: 2_300_000 })
    const of = <K extends Command['type']>(type: K) => commands.filter((c): c is Extract<Command, { type: K }> => c.type === type)
    const registrations = of('RegisterTalent')
    const districts = new Set(registrations.map((c) => c.data.district))
    for (const d of ['连云区', '海州区', '赣榆区', '东海县', '灌云县', '灌南县', '开发区']) expect(districts).toContain(d)
    const group = (g: string) => registrations.filter((c) => c.data.occupation.startsWith(g)).length / registrations.length
    expect(group('6-')).toBeGreaterThan(0.6)
    expect(group('4-')).toBeGreaterThan(0.05)
    expect(group('5-')).toBeGreaterThan(0.03)
    expect(new Set(of('EnrollTraining').map((c) => c.data.field)).size).toBe(6)
    expect(of('EnrollTraining').some((c) => c.data.kind === 'new-apprenticeship' && c.data.plannedYears !== undefined)).toBe(true)
    expect(new Set(of('RecordCompetitionResult').map((c) => c.data.tier))).toEqual(new Set(['enterprise', 'district', 'municipal', 'provincial', 'national-2', 'national-1']))
    const carriers = of('DesignateCarrier').filter((c) => c.data.on <= '2030-12-31')
    expect(carriers.length).toBeGreaterThanOrEqual(20)
    expect(of('ReportEmploymentStatistics').map((c) => c.data.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035])
    expect(of('ReportEmploymentStatistics')[0]!.data.employedPersons).toBe(2_300_000)
    const [policy] = of('AdoptPolicy')
    expect(policy!.data.effectiveFrom).toBe('2027-01-01')
    expect(policy!.data.document.promotion).toEqual(defaultPolicyDocument.promotion)
    // graded by level (DOMAIN.md §15): every level set, rising with the level
    const { housingSubsidy, livingAllowance } = policy!.data.document.benefits
    for (const byLevel of [housingSubsidy.byLevel!, livingAllowance.byLevel!]) {
      const amounts = Object.values(byLevel) as number[]
      expect(amounts.every((a, i) => a > 0 && (i === 0 || a > amounts[i - 1]!))).toBe(true)
    }
    expect(summary.highSkilled).toBeGreaterThan(0.2 * summary.talents)
    expect(summary.levels['senior-technician']).toBeGreaterThan(0)
    expect(summary.revoked).toBeGreaterThan(0)
    expect(summary.forgotten).toBeGreaterThan(0)
  })
})
