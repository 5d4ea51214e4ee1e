// DOMAIN.md §13: featured-industry evaluation (特色产业评价) against a city's own standard
// (`featuredStandards` policy block), on or off the ladder — each rule accepted and refused, and the
// worked examples 13-a and 13-b.
import { describe, it } from 'vitest'
import type { Alternative, LedgerEvent, PolicyDocument } from '@talent-ledger/core'
import { holding } from './fixtures.js'
import { aPolicyAdopted, aTalentRegistered, anAssessmentBody, anEmployer, authorizationFor, command, given } from '../../src/spec/index.js'

const NAILS = '4-10-03-05'
const YEARS_1: Alternative = { ruleId: 'lyg-t.featured.std-nails.junior.years-1', text: 'years in occupation ≥ 1', allOf: [{ kind: 'years-in-occupation', min: 1 }] }
const HOLDS_JUNIOR_2Y: Alternative = { ruleId: 'lyg-t.featured.std-nails.intermediate.holds-junior-2y', text: 'holds std-nails junior ≥ 2 years', allOf: [{ kind: 'holds-featured', standardId: 'std-nails', level: 'junior', minYears: 2 }] }

type Standard = NonNullable<PolicyDocument['featuredStandards']>[number]
const nails = (o: Partial<Standard> = {}): Standard => ({
  standardId: 'std-nails',
  title: '连云港穿戴甲职业技能评价规范 (test values)',
  issuer: null,
  occupations: [NAILS],
  countsTowardLadder: false,
  levels: [{ level: 'junior', alternatives: [YEARS_1] }, { level: 'intermediate', alternatives: [HOLDS_JUNIOR_2Y] }, { level: 'senior', alternatives: null }],
  ...o,
})
const lygT = (standard: Standard = nails()) => aPolicyAdopted('lyg-t', '2026-01-01', (doc) => ({ ...doc, featuredStandards: [standard] }))
const world = (standard?: Standard): LedgerEvent[] => [
  lygT(standard),
  anEmployer(),
  anAssessmentBody('ab-f', [authorizationFor('featured-industry', 'senior-technician')]),
  aTalentRegistered({ talentId: 'n-1', occupation: NAILS, occupationSince: '2025-03-01', registeredOn: '2025-03-01' }),
]
const assess = (on: string, o: { level?: 'junior' | 'intermediate' | 'senior' | 'technician'; standardId?: string | null; occupation?: string; route?: 'featured-industry' | 'skill-level-recognition'; passed?: boolean; id?: string } = {}) =>
  command('RecordAssessment', { id: 'ab-f', role: 'assessment-body' }, {
    talentId: 'n-1',
    assessmentId: o.id ?? `as-${on}`,
    route: o.route ?? 'featured-industry',
    occupation: o.occupation ?? NAILS,
    level: o.level ?? 'junior',
    passed: o.passed ?? true,
    assessorId: 'ab-f',
    on,
    ...(o.standardId === null ? {} : { standardId: o.standardId ?? 'std-nails' }),
  })
const passed = (on: string, level = 'junior', id = `as-${on}`): LedgerEvent =>
  ({ type: 'AssessmentPassed', data: { talentId: 'n-1', assessmentId: id, route: 'featured-industry', occupation: NAILS, level, assessorId: 'ab-f', on, standardId: 'std-nails' } }) as LedgerEvent
const featured = (on: string, level: 'junior' | 'intermediate', ruleId: string, id = `as-${on}`): LedgerEvent => ({
  type: 'FeaturedSkillCertified',
  data: { talentId: 'n-1', assessmentId: id, standardId: 'std-nails', level, occupation: NAILS, on, policyId: 'lyg-t', ruleId },
})

describe('worked example 13-a: off the ladder', () => {
  it('passed on 2026-04-01: AssessmentPassed and FeaturedSkillCertified, the level unchanged', async () => {
    const spec = given(world()).when(assess('2026-04-01'))
    await spec.then([passed('2026-04-01'), featured('2026-04-01', 'junior', YEARS_1.ruleId)])
    const after = await spec.talentAfter('n-1')
    if (after.certificates.length !== 0 || after.featuredCertificates.length !== 1) throw new Error('the ladder level changed')
  })

  it('passed on 2026-02-01, under a year in the occupation: NotEligible lyg-t.featured.std-nails.junior.years-1', async () => {
    await given(world()).when(assess('2026-02-01')).then({ code: 'NotEligible', rules: [YEARS_1.ruleId] })
  })
})

describe('worked example 13-b: the standard named, found, covering the occupation; on the ladder', () => {
  it('no standardId: Malformed featured.standard-required', async () => {
    await given(world()).when(assess('2026-04-01', { standardId: null })).then({ code: 'Malformed', rules: ['featured.standard-required'] })
  })

  it('a standardId on another route: Malformed featured.standard-required', async () => {
    await given(world()).when(assess('2026-04-01', { route: 'skill-level-recognition' })).then({ code: 'Malformed', rules: ['featured.standard-required'] })
  })

  it('std-x: NotFound featured.standard-exists', async () => {
    await given(world()).when(assess('2026-04-01', { standardId: 'std-x' })).then({ code: 'NotFound', rules: ['featured.standard-exists'] })
  })

  it('occupation 6-18-01-01: NotEligible with featured.occupation and assessment.occupation', async () => {
    await given(world()).when(assess('2026-04-01', { occupation: '6-18-01-01' })).then({ code: 'NotEligible', rules: ['featured.occupation', 'assessment.occupation'] })
  })

  it('with countsTowardLadder: LevelCertified {route: featured-industry} naming the standard', async () => {
    await given(world(nails({ countsTowardLadder: true })))
      .when(assess('2026-04-01'))
      .then([
        passed('2026-04-01'),
        { type: 'LevelCertified', data: { talentId: 'n-1', level: 'junior', route: 'featured-industry', occupation: NAILS, on: '2026-04-01', source: 'as-2026-04-01', policyId: 'lyg-t', ruleId: YEARS_1.ruleId, standardId: 'std-nails' } } as LedgerEvent,
      ])
  })
})

describe('featured standards: levels, unset values, holds-featured, never down', () => {
  it('a level the standard does not list: NotEligible featured.level', async () => {
    await given(world()).when(assess('2026-04-01', { level: 'technician' })).then({ code: 'NotEligible', rules: ['featured.level'] })
  })

  it('a level whose alternatives are unset: PolicyValueUnset', async () => {
    await given(world()).when(assess('2026-04-01', { level: 'senior' })).then({ code: 'PolicyValueUnset', message: 'featuredStandards.std-nails.senior.alternatives' })
  })

  it('holds-featured: intermediate after two years of the standard’s junior, not before', async () => {
    const junior = [passed('2026-04-01'), featured('2026-04-01', 'junior', YEARS_1.ruleId)]
    await given([...world(), ...junior]).when(assess('2028-04-01', { level: 'intermediate' })).then([passed('2028-04-01', 'intermediate'), featured('2028-04-01', 'intermediate', HOLDS_JUNIOR_2Y.ruleId)])
    await given([...world(), ...junior]).when(assess('2027-04-01', { level: 'intermediate' })).then({ code: 'NotEligible', rules: [HOLDS_JUNIOR_2Y.ruleId] })
  })

  it('the same level of the standard again: Duplicate; below one held: ladder.never-down within the standard', async () => {
    const held = [passed('2026-04-01'), featured('2026-04-01', 'junior', YEARS_1.ruleId), passed('2028-04-01', 'intermediate', 'as-i'), featured('2028-04-01', 'intermediate', HOLDS_JUNIOR_2Y.ruleId, 'as-i')]
    await given([...world(), ...held.slice(0, 2)]).when(assess('2027-04-01', { id: 'as-again' })).then({ code: 'Duplicate' })
    const lower = nails({ levels: [{ level: 'junior', alternatives: [YEARS_1] }, { level: 'intermediate', alternatives: [HOLDS_JUNIOR_2Y] }] })
    const withoutJunior = [lygT(lower), ...world().slice(1), held[2]!, held[3]!]
    await given(withoutJunior).when(assess('2029-04-01')).then({ code: 'NotEligible', rules: ['ladder.never-down'] })
  })

  it('a failed assessment is recorded with its standard', async () => {
    await given(world()).when(assess('2026-04-01', { passed: false })).then([{ type: 'AssessmentFailed', data: { talentId: 'n-1', assessmentId: 'as-2026-04-01', route: 'featured-industry', occupation: NAILS, level: 'junior', assessorId: 'ab-f', on: '2026-04-01', standardId: 'std-nails' } } as LedgerEvent])
  })

  it('without the block in the policy in force, a featured-industry assessment keeps the national table (§1–9)', async () => {
    const before = world().slice(1)
    await given([...before, ...holding('junior', '2019-01-01', { talentId: 'n-1', occupation: NAILS })])
      .when(assess('2025-12-01', { standardId: null, level: 'intermediate' }))
      .thenEventTypes(['AssessmentPassed', 'LevelCertified'])
    await given([...before, ...holding('junior', '2023-01-01', { talentId: 'n-1', occupation: NAILS })])
      .when(assess('2025-12-01', { standardId: null, level: 'intermediate' }))
      .then({ code: 'NotEligible', rules: ['national-2018.intermediate.holds-junior-4y', 'national-2018.intermediate.years-in-occupation', 'national-2018.intermediate.vocational-graduate'] })
  })
})
