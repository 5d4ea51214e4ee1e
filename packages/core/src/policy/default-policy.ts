/**
 * The shipped default policy `national-2018`: the national promotion rules and the published
 * amounts of DOMAIN.md, in force for any date until the city adopts its own. Values no rule
 * publishes (housing, living allowance, the qualification catalogue, most prizes) stay unset.
 */
import type { Alternative, CompetitionRule, HonourEntry, PolicyDocument, PromotionRule } from './document.js'

/** Id of the shipped default policy. */
export const DEFAULT_POLICY_ID = 'national-2018'

const yuan = (n: number): number => n * 100
const VOCATIONAL = ['technical-school', 'advanced-technical-school', 'technician-college'] as const
const ADVANCED_VOCATIONAL = ['advanced-technical-school', 'technician-college'] as const
const HIGHER = ['college', 'bachelor', 'master'] as const

const alt = (ruleId: string, text: string, allOf: Alternative['allOf']): Alternative => ({
  ruleId: `${DEFAULT_POLICY_ID}.${ruleId}`,
  text,
  allOf,
})

const promotion: PromotionRule[] = [
  {
    level: 'junior',
    alternatives: [
      alt('junior.years-in-occupation', 'years in occupation ≥ 1', [{ kind: 'years-in-occupation', min: 1 }]),
      alt('junior.apprenticeship', 'a new apprenticeship completed', [{ kind: 'apprenticeship-completed' }]),
    ],
  },
  {
    level: 'intermediate',
    alternatives: [
      alt('intermediate.holds-junior-4y', 'holds junior ≥ 4 years', [{ kind: 'holds', level: 'junior', minYears: 4 }]),
      alt('intermediate.years-in-occupation', 'years in occupation ≥ 6', [{ kind: 'years-in-occupation', min: 6 }]),
      alt('intermediate.vocational-graduate', 'graduate of a technical school, advanced technical school or technician college', [
        { kind: 'education', anyOf: [...VOCATIONAL] },
      ]),
    ],
  },
  {
    level: 'senior',
    alternatives: [
      alt('senior.holds-intermediate-5y', 'holds intermediate ≥ 5 years', [{ kind: 'holds', level: 'intermediate', minYears: 5 }]),
      alt('senior.advanced-vocational-graduate', 'holds intermediate and graduate of an advanced technical school or technician college', [
        { kind: 'holds', level: 'intermediate', minYears: 0 },
        { kind: 'education', anyOf: [...ADVANCED_VOCATIONAL] },
      ]),
      alt('senior.college-2y', 'holds intermediate ≥ 2 years and education college or above', [
        { kind: 'holds', level: 'intermediate', minYears: 2 },
        { kind: 'education', anyOf: [...HIGHER] },
      ]),
    ],
  },
  {
    level: 'technician',
    alternatives: [
      alt('technician.holds-senior-4y', 'holds senior ≥ 4 years', [{ kind: 'holds', level: 'senior', minYears: 4 }]),
      alt('technician.advanced-vocational-3y', 'holds senior ≥ 3 years and graduate of an advanced technical school or technician college', [
        { kind: 'holds', level: 'senior', minYears: 3 },
        { kind: 'education', anyOf: [...ADVANCED_VOCATIONAL] },
      ]),
      alt('technician.preparatory-2y', 'holds senior ≥ 2 years and a preparatory technician certificate (预备技师)', [
        { kind: 'holds', level: 'senior', minYears: 2 },
        { kind: 'preparatory-technician' },
      ]),
    ],
  },
  {
    level: 'senior-technician',
    alternatives: [alt('senior-technician.holds-technician-4y', 'holds technician ≥ 4 years', [{ kind: 'holds', level: 'technician', minYears: 4 }])],
  },
  {
    level: 'principal-technician',
    alternatives: [
      alt('principal-technician.appointed', 'holds senior technician; appointed by an authorized current employer', [
        { kind: 'holds', level: 'senior-technician', minYears: 0 },
        { kind: 'appointed' },
      ]),
    ],
  },
  {
    level: 'chief-technician',
    alternatives: [
      alt('chief-technician.appointed', 'holds principal technician; appointed by an authorized current employer', [
        { kind: 'holds', level: 'principal-technician', minYears: 0 },
        { kind: 'appointed' },
      ]),
    ],
  },
]

const row = (
  ruleId: string,
  tier: CompetitionRule['tier'],
  ranks: CompetitionRule['ranks'],
  promotesTo: CompetitionRule['promotesTo'],
  thenTo: CompetitionRule['thenTo'],
  extra: Partial<Pick<CompetitionRule, 'awards' | 'percentileMax'>> = {},
): CompetitionRule => ({
  ruleId: `${DEFAULT_POLICY_ID}.competition.${ruleId}`,
  tier,
  ranks,
  awards: extra.awards ?? [],
  percentileMax: extra.percentileMax ?? null,
  promotesTo,
  thenTo,
})

const subsidy = (a: number, b: number, c: number, d4: number, e: number) => ({
  junior: yuan(a),
  intermediate: yuan(b),
  senior: yuan(c),
  technician: yuan(d4),
  'senior-technician': yuan(e),
})

const honour = (honourId: string, title: string, kind: HonourEntry['kind'], grade: HonourEntry['grade'], conferrer: string | null): HonourEntry => ({ honourId, title, kind, grade, conferrer })

/** The default honours catalogue (DOMAIN.md §14); `conferrer` null where the source names none. */
const HONOURS_CATALOGUE: HonourEntry[] = [
  honour('china-skills-award', '中华技能大奖', 'skills-award', 'national', '人力资源社会保障部'),
  honour('national-technical-expert', '全国技术能手', 'technical-expert', 'national', '人力资源社会保障部'),
  honour('national-may-day-medal', '全国五一劳动奖章', 'may-day-medal', 'national', '中华全国总工会'),
  honour('national-model-worker', '全国劳动模范', 'model-worker', 'national', null),
  honour('jiangsu-may-day-medal', '江苏省五一劳动奖章', 'may-day-medal', 'provincial', '江苏省总工会'),
  honour('jiangsu-craftsman', '江苏工匠', 'craftsman', 'provincial', null),
  honour('lyg-craftsman', '连云工匠', 'craftsman', 'municipal', null),
  // the 3rd 连云港技能状元大赛's titles for ranks 1/2/3, named by the municipal prize rows
  honour('lyg-skill-champion', '连云港技能状元', 'skill-champion', 'municipal', null),
  honour('lyg-technical-expert', '技术能手', 'technical-expert', 'municipal', null),
  honour('lyg-technical-pacesetter', '技术标兵', 'technical-expert', 'municipal', null),
]

const UNSET_BY_LEVEL = { senior: null, technician: null, 'senior-technician': null, 'principal-technician': null, 'chief-technician': null }

/** The shipped default policy document. */
export const defaultPolicyDocument: PolicyDocument = {
  title: 'National promotion rules (2018 occupational standards) with the published amounts of DOMAIN.md',
  promotion,
  competition: {
    oneLevelPromotionPerYear: true,
    table: [
      row('world.top3', 'world', { from: 1, to: 3 }, 'senior-technician', null, { awards: ['excellence'] }),
      row('national-1.top3', 'national-1', { from: 1, to: 3 }, 'technician', 'senior-technician', { awards: ['excellence'] }),
      row('national-2.top5', 'national-2', { from: 1, to: 5 }, 'technician', 'senior-technician'),
      row('national-2.top20', 'national-2', { from: 6, to: 20 }, 'senior', 'technician'),
      row('provincial.top10', 'provincial', { from: 1, to: 10 }, 'technician', null),
      row('municipal.top6', 'municipal', { from: 1, to: 6 }, 'senior', null),
      row('district.top30pct', 'district', null, 'intermediate', null, { percentileMax: 30 }),
      row('enterprise.top30pct', 'enterprise', null, 'intermediate', null, { percentileMax: 30 }),
    ],
    // precedent: 3rd 连云港技能状元大赛
    prizes: [
      // each names the catalogued honour it confers (DOMAIN.md §14)
      { ruleId: `${DEFAULT_POLICY_ID}.prize.municipal.1`, tier: 'municipal', rank: 1, amount: yuan(12_000), title: '连云港技能状元', honourId: 'lyg-skill-champion' },
      { ruleId: `${DEFAULT_POLICY_ID}.prize.municipal.2`, tier: 'municipal', rank: 2, amount: yuan(7_000), title: '技术能手', honourId: 'lyg-technical-expert' },
      { ruleId: `${DEFAULT_POLICY_ID}.prize.municipal.3`, tier: 'municipal', rank: 3, amount: yuan(5_000), title: '技术标兵', honourId: 'lyg-technical-pacesetter' },
    ],
  },
  occupations: { catalogue: [], unlistedCategory: 'C', qualificationCatalogue: null },
  apprenticeship: { minPlannedYears: 1, maxPlannedYears: 3 },
  benefits: {
    // Jiangsu 2023 table
    skillUpgradeSubsidy: {
      minInsuredMonths: 12,
      claimWindowMonths: 12,
      shortageBonusPercent: 30,
      amounts: {
        A: subsidy(1000, 1500, 2000, 3500, 4300),
        B: subsidy(800, 1200, 1800, 2500, 3500),
        C: subsidy(500, 1000, 1500, 2000, 3000),
      },
      specialAbility: { A: yuan(800), B: yuan(600), C: yuan(400) },
    },
    // Haizhou district 2024
    firstCertificationAllowance: {
      occupationPrefixes: ['6-'],
      amounts: {
        senior: yuan(5_000),
        technician: yuan(8_000),
        'senior-technician': yuan(10_000),
        'principal-technician': yuan(20_000),
        'chief-technician': yuan(30_000),
      },
    },
    apprenticeshipSubsidy: { perApprenticePerYear: yuan(5_000) },
    // DOMAIN.md §15: graded by level, the amounts left for the city to set
    housingSubsidy: { amount: null, byLevel: UNSET_BY_LEVEL },
    livingAllowance: { monthly: null, byLevel: UNSET_BY_LEVEL },
  },
  targets: {
    newHighSkilled: { count: 80_000, from: '2026-01-01', to: '2030-12-31' },
    skilledSharePercent: 30,
    highSkilledSharePercent: 35,
    highSkilledShareBy: '2030-12-31',
    highSkilledTotal: { count: 350_000, by: '2035-12-31' },
    carriers: { count: 20, from: '2026-01-01', to: '2030-12-31' },
    // the seed asks to raise the share (提高…比例) without a figure: the city sets it
    honoursHighSkilledSharePercent: null,
  },
  honours: { catalogue: HONOURS_CATALOGUE },
  // DOMAIN.md §15: the seed puts high-skilled talents in the one-stop service (纳入全市高层次人才一站式服务体系);
  // it names children's schooling and medical care without saying for whom: the city sets the rest
  services: [
    { service: 'one-stop-service', minLevel: 'senior', frequency: 'on-request' },
    { service: 'children-education', minLevel: null, frequency: null },
    { service: 'medical-care', minLevel: null, frequency: null },
    { service: 'health-check', minLevel: null, frequency: null },
    { service: 'recuperation', minLevel: null, frequency: null },
  ],
  // DOMAIN.md §10: the city transcribes its masters' studio criteria (技能大师工作室); the seed gives none
  carriers: { masterStudio: { minMasterLevel: null } },
  // DOMAIN.md §17 talent.student-age: the seed sets no age under 16 for a school's students
  dates: { minStudentAgeYears: null },
}

/** The default policy, in force for any date before the first adopted one. */
export const defaultPolicy = { policyId: DEFAULT_POLICY_ID, effectiveFrom: null, document: defaultPolicyDocument } as const
