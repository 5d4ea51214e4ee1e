/**
 * The blocks of DOMAIN.md §10, §12–15 the simulated city sets in its policy: the level a masters'
 * studio's master holds, terms and quotas of senior
 * posts (评聘), its featured-industry standards (特色产业评价: 安防 on the ladder, 穿戴甲 off it), who is
 * entitled to which service, and the high-skilled allowances graded by level with their conditions.
 * Every figure is illustrative — the sources give none; the city must set its own (docs/rules.md,
 * "The demo's city").
 */
import { defaultPolicyDocument, type Alternative, type AppointmentPolicy, type FeaturedStandard, type PolicyDocument, type ServiceEntry } from '@talent-ledger/core'

/** 技能大师工作室: the master holds technician (技师) or above, as in DOMAIN.md §10's example — the city transcribes its own studio criteria here. */
export const CARRIERS: NonNullable<PolicyDocument['carriers']> = { masterStudio: { minMasterLevel: 'technician' } }

/** 特级技师 / 首席技师 posts: three-year terms (聘期), each employer within a quota the bureau sets. */
export const APPOINTMENT: AppointmentPolicy = { termYears: { 'principal-technician': 3, 'chief-technician': 3 }, quotaRequired: true }

/** The city's standard for 安防 (security): certificates on the national ladder. */
export const SECURITY_STANDARD = 'lyg-security'
/** The city's standard for 穿戴甲 (press-on nails): certificates off the ladder. */
export const NAILS_STANDARD = 'lyg-press-on-nails'
/** Occupations of each standard (the simulator's featured occupations, city-data.ts). */
export const SECURITY_OCCUPATIONS: ReadonlyArray<string> = ['4-07-05-01']
export const NAILS_OCCUPATIONS: ReadonlyArray<string> = ['4-10-03-03']

/**
 * 安防 levels keep the national conditions (§3) under the standard's own rule ids, so a talent
 * eligible under the national table is eligible under the standard and the simulator's model holds.
 */
const securityLevels = (policyId: string): FeaturedStandard['levels'] =>
  defaultPolicyDocument.promotion
    .filter((p) => ['junior', 'intermediate', 'senior', 'technician', 'senior-technician'].includes(p.level))
    .map((p) => ({
      level: p.level as FeaturedStandard['levels'][number]['level'],
      alternatives: p.alternatives.map((a): Alternative => ({ ...a, ruleId: `${policyId}.featured.${SECURITY_STANDARD}.${p.level}.${a.ruleId.split('.').pop()!}` })),
    }))

/** 穿戴甲, a new trade: a year in the occupation for junior, then years held within the standard. */
const nailsLevels = (policyId: string): FeaturedStandard['levels'] => {
  const alt = (level: string, id: string, text: string, allOf: Alternative['allOf']): Alternative => ({ ruleId: `${policyId}.featured.${NAILS_STANDARD}.${level}.${id}`, text, allOf })
  return [
    { level: 'junior', alternatives: [alt('junior', 'years-1', 'years in occupation ≥ 1', [{ kind: 'years-in-occupation', min: 1 }])] },
    { level: 'intermediate', alternatives: [alt('intermediate', 'holds-junior-2y', 'holds the standard’s junior ≥ 2 years', [{ kind: 'holds-featured', standardId: NAILS_STANDARD, level: 'junior', minYears: 2 }])] },
    { level: 'senior', alternatives: [alt('senior', 'holds-intermediate-3y', 'holds the standard’s intermediate ≥ 3 years', [{ kind: 'holds-featured', standardId: NAILS_STANDARD, level: 'intermediate', minYears: 3 }])] },
  ]
}

/** Nails certificates: held at `level` since, by the rule above, the first day the next level is open. */
export const NAILS_YEARS: Readonly<Record<string, number>> = { intermediate: 2, senior: 3 }

/** The city's featured-industry standards. */
export const featuredStandards = (policyId: string): FeaturedStandard[] => [
  { standardId: SECURITY_STANDARD, title: '连云港市安防行业职业技能评价规范 (illustrative)', issuer: '连云港市人力资源和社会保障局', occupations: [...SECURITY_OCCUPATIONS], countsTowardLadder: true, levels: securityLevels(policyId) },
  { standardId: NAILS_STANDARD, title: '连云港市穿戴甲制作技能评价规范 (illustrative)', issuer: '连云港市人力资源和社会保障局', occupations: [...NAILS_OCCUPATIONS], countsTowardLadder: false, levels: nailsLevels(policyId) },
]

/** Services: the default's one-stop service, and the ones the seed names without saying for whom. */
export const SERVICES: ServiceEntry[] = [
  { service: 'one-stop-service', minLevel: 'senior', frequency: 'on-request' },
  { service: 'children-education', minLevel: 'technician', frequency: 'once' },
  { service: 'medical-care', minLevel: 'senior-technician', frequency: 'on-request' },
  { service: 'health-check', minLevel: 'technician', frequency: 'yearly' },
  { service: 'recuperation', minLevel: 'senior-technician', frequency: 'yearly' },
]

/** Housing subsidy paid in this many yearly instalments. */
export const HOUSING_INSTALMENTS = 3
/** A home bought within this many months of becoming high-skilled qualifies. */
export const HOUSING_PURCHASE_WINDOW_MONTHS = 36
/** Months of unemployment insurance each allowance needs. */
export const HOUSING_MIN_INSURED_MONTHS = 12
export const LIVING_MIN_INSURED_MONTHS = 6

// multiples of the senior amount per level (senior, technician, senior-technician, principal, chief)
const HOUSING_GRADES = [1, 1.5, 2.5, 4, 5] as const
const LIVING_GRADES = [1, 1.5, 2, 3, 4] as const
const graded = (fenAtSenior: number, grades: ReadonlyArray<number>) => {
  const [senior, technician, seniorTechnician, principal, chief] = grades.map((g) => Math.round((fenAtSenior * g) / 100) * 100)
  return { senior: senior!, technician: technician!, 'senior-technician': seniorTechnician!, 'principal-technician': principal!, 'chief-technician': chief! }
}

/**
 * The allowances graded by level (the senior amount given, in 元), with their conditions: a first
 * home bought within the window, paid in yearly instalments; the living allowance for at most
 * `livingMonths` months.
 */
export const gradedAllowances = (housingYuan: number, livingYuanPerMonth: number, livingMonths: number): Pick<PolicyDocument['benefits'], 'housingSubsidy' | 'livingAllowance'> => ({
  housingSubsidy: {
    amount: null,
    byLevel: graded(housingYuan * 100, HOUSING_GRADES),
    conditions: { firstHomeOnly: true, purchaseWindowMonths: HOUSING_PURCHASE_WINDOW_MONTHS, minInsuredMonths: HOUSING_MIN_INSURED_MONTHS, instalments: HOUSING_INSTALMENTS },
  },
  livingAllowance: { monthly: null, byLevel: graded(livingYuanPerMonth * 100, LIVING_GRADES), conditions: { minInsuredMonths: LIVING_MIN_INSURED_MONTHS, maxMonths: livingMonths } },
})
