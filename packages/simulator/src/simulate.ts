/**
 * `simulateCity`: the raw commands of Lianyungang's high-skilled talent pipeline for N talents
 * over 2026–2035, seeded and reproducible, in an order the ledger can apply one by one — the
 * organisations first, then day by day the city's own commands and every talent's history
 * (business dates ascending per talent). Also says which commands it means to be refused.
 */
import { isHighSkilled, isSkilled, rank, type Command, type ErrorCode, type Level } from '@talent-ledger/core'
import { dateOf, dayOf } from './calendar.js'
import { planCareer } from './career.js'
import { CITY_POLICY_ID, cityCommands, cityPolicyDocument, type Timed } from './city.js'
import { buildRoster } from './organizations.js'
import { seededRandom, streamSeed } from './random.js'
import { planRewards } from './rewards.js'
import { SECTIONS } from './sections.js'
import { createTalent, emit, type SimEnv, type TalentSim } from './talent.js'
import { CITY_EMPLOYED_PERSONS, DEMO_POLICY_ID, demoPolicyDocument, scaledCount } from './scale.js'
import { createStockTalent, planStockCareer, STOCK_SKILLED_SHARE } from './stock.js'
import { planApprenticeship, planTrainings } from './trainings.js'

/** What to simulate. Amounts in 元; dates `YYYY-MM-DD`. */
export interface SimulationOptions {
  readonly talents: number
  readonly seed: number
  /** First day simulated (default 2026-01-01). */
  readonly from?: string
  /** Last day simulated (default 2035-12-31). */
  readonly to?: string
  /** Employed persons reported for the first year (default 2,300,000, Lianyungang's order of magnitude). */
  readonly employedPersons?: number
  /** Training carriers designated over 2026–2030 (default 21). */
  readonly carriers?: number
  /** Employers in the roster (default 60). */
  readonly employers?: number
  /** When the city's policy comes into force (default 2027-01-01). */
  readonly policyFrom?: string
  /** 购房补贴 the city's policy sets (default 20,000 元; illustrative — no figure is published). */
  readonly housingSubsidyYuan?: number
  /** 生活补贴 per month the city's policy sets (default 600 元; illustrative). */
  readonly livingAllowanceYuan?: number
  /** Months of living allowance paid after entering the talent pool (default 12; the policy sets no duration). */
  readonly livingAllowanceMonths?: number
  /**
   * Simulate the city at this fraction (scale.ts): the employed persons (unless given) and the count
   * targets of the demo policy, adopted from the first day (unless `policyFrom` says otherwise), are
   * scaled, and a stock of certified workers (stock.ts) joins the `talents` of the pipeline.
   */
  readonly scale?: number
  /** Stock talents when `scale` is given (default: skilled ≈ 30 % of the employed persons). */
  readonly stock?: number
}

/** A command the simulator writes on purpose for the ledger to refuse. */
export interface IntendedRefusal {
  readonly index: number
  readonly code: ErrorCode
  readonly reason: string
}

/** Counts of what was generated, and where the talents stand on the last day by the generator's own model. */
export interface SimulationSummary {
  readonly seed: number
  readonly from: string
  readonly to: string
  /** The scale simulated, or null for the pipeline alone against the city's own targets. */
  readonly scale: number | null
  /** Talents of the pipeline (`talents`). */
  readonly talents: number
  /** Talents of the stock (prior certificates), 0 without a scale. */
  readonly stock: number
  readonly commands: number
  readonly byType: Readonly<Record<string, number>>
  readonly intendedRefusals: number
  readonly levels: Readonly<Record<Level | 'none', number>>
  readonly skilled: number
  readonly highSkilled: number
  /** Talents whose first valid high-skilled certificate falls in 2026–2030 (the 十五五 target). */
  readonly newHighSkilled: number
  readonly revoked: number
  readonly forgotten: number
}

/** The simulated commands, in application order. */
export interface Simulation {
  readonly commands: ReadonlyArray<Command>
  readonly intendedRefusals: ReadonlyArray<IntendedRefusal>
  readonly summary: SimulationSummary
}

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
const ORGANIZATIONS = 0x6f7267
const CITY = 0x63697479
// stock talents draw from streams of their own, so the pipeline's histories do not depend on them
const STOCK = 0x53000000
const TARGET_FROM = dayOf('2026-01-01')
const TARGET_TO = dayOf('2030-12-31')

/** Sorts the talent's history, then ends it for a few: a certificate revoked for fraud, an erasure. */
const finish = (t: TalentSim): { level: Level | null; firstHighSkilled: number | null; revoked: boolean; forgotten: boolean } => {
  t.items.sort((a, b) => a.day - b.day)
  let certs = t.certs
  const top = certs[certs.length - 1]
  // a prior certificate is found out once the ledger holds it, never before its registration
  const revokeOn = top === undefined || !t.r.chance(0.015) ? Number.POSITIVE_INFINITY : (top.prior === true ? t.registeredDay : top.day) + t.r.int(60, 700)
  const revoked = top !== undefined && revokeOn <= t.env.end
  if (revoked) {
    while (t.items.length > 0 && t.items[t.items.length - 1]!.day > revokeOn) t.items.pop()
    emit(t, revokeOn, { type: 'RevokeCertificate', actor: bureau, data: { talentId: t.id, level: top.level, reason: '复核发现申报材料造假 (fraudulent application found on review)', on: dateOf(revokeOn) } })
    certs = certs.slice(0, -1)
  }
  const forgotten = t.r.chance(0.01)
  if (forgotten) emit(t, t.items[t.items.length - 1]!.day, { type: 'ForgetTalent', actor: bureau, data: { talentId: t.id } })
  let level: Level | null = null
  let firstHighSkilled: number | null = null
  for (const c of certs) {
    if (rank(c.level) > rank(level)) level = c.level
    if (isHighSkilled(c.level) && (firstHighSkilled === null || c.day < firstHighSkilled)) firstHighSkilled = c.day
  }
  return { level, firstHighSkilled, revoked, forgotten }
}

/** Simulates the city's pipeline; the same options give the same commands. */
export const simulateCity = (options: SimulationOptions): Simulation => {
  const from = options.from ?? '2026-01-01'
  const to = options.to ?? '2035-12-31'
  const start = dayOf(from)
  const end = dayOf(to)
  if (!(end > start + 365)) throw new RangeError(`simulateCity needs more than a year between ${from} and ${to}`)
  const scale = options.scale ?? null
  if (scale !== null && !(scale > 0 && scale <= 1)) throw new RangeError(`simulateCity needs a scale above 0 and at most 1, got ${scale}`)
  // the demo policy carries the scaled targets: in force from the first day, or a report would read the city's
  const policyDay = Math.max(start, dayOf(options.policyFrom ?? (scale === null ? '2027-01-01' : from)))
  const housingYuan = options.housingSubsidyYuan ?? 20_000
  const livingYuanPerMonth = options.livingAllowanceYuan ?? 600
  const employedPersons = options.employedPersons ?? (scale === null ? 2_300_000 : Math.max(1, Math.round(CITY_EMPLOYED_PERSONS * scale)))
  const roster = buildRoster(seededRandom(streamSeed(options.seed, ORGANIZATIONS)), options.employers ?? 60)
  const livingAllowanceMonths = options.livingAllowanceMonths ?? 12
  const policy =
    scale === null
      ? { policyId: CITY_POLICY_ID, document: cityPolicyDocument(housingYuan, livingYuanPerMonth, CITY_POLICY_ID, livingAllowanceMonths) }
      : { policyId: DEMO_POLICY_ID, document: demoPolicyDocument(scale, housingYuan, livingYuanPerMonth, livingAllowanceMonths) }
  const inSpan = policyDay <= end ? policyDay : null
  const env: SimEnv = { roster, start, end, policyDay: inSpan, livingAllowanceMonths, cityIntake: scale !== null, policy: inSpan === null ? null : policy.document, posts: new Map(), quotas: new Map() }
  const city = cityCommands(seededRandom(streamSeed(options.seed, CITY)), {
    from: start,
    to: end,
    policyDay: env.policyDay,
    carriers: options.carriers ?? (scale === null ? 21 : scaledCount(21, scale)),
    employedPersons,
    policy,
  })
  const sections = SECTIONS.map(([salt, make]) => ({ salt, section: make(env) }))
  // bucket by day: stable, linear, and keeps each talent's (sorted) order
  const days: Timed[][] = Array.from({ length: end - start + 1 }, () => [])
  const place = (item: Timed): void => {
    const bucket = days[item.day - start]
    if (bucket === undefined) throw new RangeError(`simulated command ${item.command.type} on ${dateOf(item.day)} is outside ${from}…${to}`)
    bucket.push(item)
  }
  city.forEach(place)
  for (const { salt, section } of sections) section.city?.(seededRandom(streamSeed(options.seed, salt))).forEach(place)
  /** Runs each section on the talent, each with a random stream of its own for this talent. */
  const bySections = (t: TalentSim, stream: number): void => {
    for (const { salt, section } of sections) section.talent?.({ ...t, r: seededRandom(streamSeed(streamSeed(options.seed, salt), stream)) })
  }
  const levels: Record<Level | 'none', number> = { none: 0, apprentice: 0, junior: 0, intermediate: 0, senior: 0, technician: 0, 'senior-technician': 0, 'principal-technician': 0, 'chief-technician': 0 }
  let skilled = 0, highSkilled = 0, newHighSkilled = 0, revoked = 0, forgotten = 0
  const stock = scale === null ? 0 : options.stock ?? Math.round(employedPersons * STOCK_SKILLED_SHARE)
  const stockTalent = (i: number): TalentSim => {
    const t = createStockTalent(env, seededRandom(streamSeed(options.seed, STOCK + i)), i)
    planStockCareer(t)
    planRewards(t)
    // the stock trains less than newcomers: one programme for a third of them
    if (t.r.chance(0.35)) planTrainings(t, 1)
    bySections(t, STOCK + i)
    return t
  }
  const pipelineTalent = (i: number): TalentSim => {
    const t = createTalent(env, seededRandom(streamSeed(options.seed, i)), i)
    planApprenticeship(t)
    planCareer(t)
    planRewards(t)
    planTrainings(t)
    bySections(t, i)
    return t
  }
  for (let i = 0; i < stock + options.talents; i++) {
    const t = i < stock ? stockTalent(i) : pipelineTalent(i - stock)
    const outcome = finish(t)
    t.items.forEach(place)
    levels[outcome.level ?? 'none']++
    if (isSkilled(outcome.level)) skilled++
    if (isHighSkilled(outcome.level)) highSkilled++
    if (outcome.firstHighSkilled !== null && outcome.firstHighSkilled >= TARGET_FROM && outcome.firstHighSkilled <= TARGET_TO) newHighSkilled++
    if (outcome.revoked) revoked++
    if (outcome.forgotten) forgotten++
  }
  for (const { salt, section } of sections) section.after?.(seededRandom(streamSeed(options.seed, salt + 1))).forEach(place)
  const commands: Command[] = [...roster.commands]
  const intendedRefusals: IntendedRefusal[] = []
  const byType: Record<string, number> = {}
  for (const c of roster.commands) byType[c.type] = (byType[c.type] ?? 0) + 1
  for (const bucket of days)
    for (const item of bucket) {
      if (item.refusal !== undefined) intendedRefusals.push({ index: commands.length, ...item.refusal })
      commands.push(item.command)
      byType[item.command.type] = (byType[item.command.type] ?? 0) + 1
    }
  return {
    commands,
    intendedRefusals,
    summary: { seed: options.seed, from, to, scale, talents: options.talents, stock, commands: commands.length, byType, intendedRefusals: intendedRefusals.length, levels, skilled, highSkilled, newHighSkilled, revoked, forgotten },
  }
}
