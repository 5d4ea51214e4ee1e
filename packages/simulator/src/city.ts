/**
 * The city stream of the simulation: the policy the city adopts in 2027 (the shipped default with
 * the values the city must set — housing and living allowances, the qualification and subsidy
 * catalogues), the training carriers it designates over 十五五 and the yearly employment figures.
 */
import { defaultPolicyDocument, type Command, type OccupationEntry, type PolicyDocument } from '@talent-ledger/core'
import { anniversary, dateOf, dayOf, yearOfDay } from './calendar.js'
import type { Random } from './random.js'
import { QUALIFICATION_CATALOGUE } from './organizations.js'
import { APPOINTMENT, CARRIERS, featuredStandards, gradedAllowances, SERVICES } from './policy-blocks.js'

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const

/** Id of the policy the simulated city adopts. */
export const CITY_POLICY_ID = 'lianyungang-2027'

/** A command with the day it happens on, and whether the simulator means it to be refused. */
export interface Timed {
  readonly day: number
  readonly command: Command
  readonly refusal?: { readonly code: 'NotEligible'; readonly reason: string }
}

// subsidy categories and shortage flags of the city catalogue (illustrative: the city sets them)
const CATEGORIES: ReadonlyArray<OccupationEntry> = [
  { code: '6-18-02-04', category: 'A', shortage: true },
  { code: '6-31-01-03', category: 'A', shortage: false },
  { code: '6-11-01-03', category: 'A', shortage: true },
  { code: '6-31-07-01', category: 'A', shortage: true },
  { code: '6-23-03-15', category: 'A', shortage: true },
  { code: '6-18-01-01', category: 'B', shortage: false },
  { code: '6-18-01-02', category: 'B', shortage: false },
  { code: '6-31-01-02', category: 'B', shortage: false },
  { code: '6-12-03-00', category: 'B', shortage: false },
  { code: '4-04-05-05', category: 'B', shortage: true },
]

/**
 * The city's policy: the default document with the values only the city can set, among them the
 * blocks of DOMAIN.md §10 and §12–15 (policy-blocks.ts): the allowances graded by level from the senior
 * amounts given (元), paid under conditions, the living allowance for `livingMonths` months at most.
 */
export const cityPolicyDocument = (housingYuan: number, livingYuanPerMonth: number, policyId = CITY_POLICY_ID, livingMonths = 12): PolicyDocument => ({
  ...defaultPolicyDocument,
  title: '关于加强新时代连云港高技能人才队伍建设的若干措施 (simulated adoption)',
  occupations: { catalogue: [...CATEGORIES], unlistedCategory: 'C', qualificationCatalogue: [...QUALIFICATION_CATALOGUE] },
  benefits: { ...defaultPolicyDocument.benefits, ...gradedAllowances(housingYuan, livingYuanPerMonth, livingMonths) },
  services: SERVICES,
  appointment: APPOINTMENT,
  carriers: CARRIERS,
  featuredStandards: featuredStandards(policyId),
})

const CARRIER_KINDS = [
  ['industry-education-base', '产教融合实训基地'],
  ['high-skill-training-base', '高技能人才培训基地'],
  ['master-studio', '技能大师工作室'],
  ['worldskills-training-base', '世赛集训基地'],
  ['national-contest-training-base', '全国大赛省级集训基地'],
] as const
const CARRIER_HOSTS = ['连云港技师学院', '徐圩新区石化产业', '连云港港口', '东海水晶产业园', '海州区智能制造', '赣榆区海洋经济', '灌云县低空经济', '开发区医药产业', '灌南县精细化工', '连云区港航物流']

/** Options of the city stream. */
export interface CityPlan {
  readonly from: number
  readonly to: number
  readonly policyDay: number | null
  readonly carriers: number
  readonly employedPersons: number
  /** The policy adopted on `policyDay`: the city's or another, e.g. the demo policy. */
  readonly policy: { readonly policyId: string; readonly document: PolicyDocument }
}

/** The city's own commands: policy adoption, carrier designations, employment statistics. */
export const cityCommands = (r: Random, p: CityPlan): Timed[] => {
  const out: Timed[] = []
  if (p.policyDay !== null)
    out.push({
      day: p.policyDay,
      command: {
        type: 'AdoptPolicy',
        actor: bureau,
        data: { policyId: p.policy.policyId, effectiveFrom: dateOf(p.policyDay), document: p.policy.document },
      },
    })
  // carriers over 十五五 (2026–2030); those after the simulated span are not designated yet
  const first = Math.max(p.from, dayOf('2026-01-01'))
  const last = dayOf('2030-12-31')
  for (let i = 0; i < p.carriers && first <= last; i++) {
    const day = first + Math.floor(((i + r.next()) / p.carriers) * (last - first))
    if (day > p.to) break
    const [kind, label] = CARRIER_KINDS[i % CARRIER_KINDS.length]!
    const carrierId = `carrier-${String(i + 1).padStart(2, '0')}`
    out.push({ day, command: { type: 'DesignateCarrier', actor: bureau, data: { carrierId, kind, name: `${r.pick(CARRIER_HOSTS)}${label}`, on: dateOf(day) } } })
  }
  // employed persons, reported for each year (business date: 31 December), drifting slowly
  let employed = p.employedPersons
  for (let year = yearOfDay(p.from); year <= yearOfDay(p.to); year++) {
    const day = anniversary(dayOf('2000-12-31'), year - 2000)
    if (day > p.to) break
    out.push({ day, command: { type: 'ReportEmploymentStatistics', actor: bureau, data: { year, employedPersons: employed } } })
    employed = Math.round(employed * (1 + (r.next() - 0.4) * 0.01))
  }
  return out.sort((a, b) => a.day - b.day)
}
