/**
 * Incentives (激励) after the talent's certificates are planned: skill-upgrade subsidies claimed
 * within the window (a few with too few insured months, which the ledger must refuse),
 * first-certification allowances for front-line manufacturing workers, the city's housing subsidy
 * and monthly living allowance for high-skilled talents (graded by level and paid under conditions
 * once the city's policy sets them: DOMAIN.md §15), employers' incentives and catalogued honours.
 */
import { isHighSkilled, rank, type CertifiedLevel, type CommandOf } from '@talent-ledger/core'
import { anniversary, dateOf, monthDay } from './calendar.js'
import { LIVING_MIN_INSURED_MONTHS } from './policy-blocks.js'
import { emit, employerAt, honour, policyOn, type TalentSim } from './talent.js'

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
const ASSESSED = new Set(['vocational-qualification', 'skill-level-recognition', 'featured-industry'])
const SUBSIDISED = new Set<string>(['junior', 'intermediate', 'senior', 'technician', 'senior-technician'])

type Grant = Omit<CommandOf<'GrantBenefit'>['data'], 'talentId' | 'on'>

/** Writes a GrantBenefit (the bureau's) if it falls within the span. */
export const grant = (t: TalentSim, day: number, data: Grant, refusal?: string): void => {
  if (day > t.env.end) return
  emit(
    t,
    day,
    { type: 'GrantBenefit', actor: bureau, data: { talentId: t.id, on: dateOf(day), ...data } },
    refusal === undefined ? undefined : { code: 'NotEligible', reason: refusal },
  )
}

/** 技能提升补贴: claimed within twelve months, with enough months of unemployment insurance (mostly). */
const skillUpgrade = (t: TalentSim, certifiedOn: number, level: CertifiedLevel | 'special-ability'): void => {
  const { r } = t
  if (!r.chance(0.55)) return
  const short = r.chance(0.04)
  grant(
    t,
    certifiedOn + r.int(20, 330),
    { benefit: 'skill-upgrade-subsidy', level, insuredMonths: short ? r.int(1, 11) : r.int(12, 180) },
    short ? 'fewer than 12 months of unemployment insurance' : undefined,
  )
}

/** Writes the benefits, incentives and honours that follow the talent's certificates. */
export const planRewards = (t: TalentSim): void => {
  const { r, env } = t
  const manufacturing = t.frontLine && t.occupation.code.startsWith('6-')
  for (const c of t.certs) {
    // a prior certificate (issued before the ledger) grants nothing retroactively
    if (c.prior === true) continue
    if (ASSESSED.has(c.route) && SUBSIDISED.has(c.level)) skillUpgrade(t, c.day, c.level)
    if (!isHighSkilled(c.level)) continue
    if (manufacturing && r.chance(0.85)) grant(t, c.day + r.int(15, 120), { benefit: 'first-certification-allowance', level: c.level })
    incentives(t, c.day, c.level)
  }
  if (t.specialDay !== null) skillUpgrade(t, t.specialDay, 'special-ability')
  const firstHighSkilled = t.certs.find((c) => isHighSkilled(c.level))
  // the city's allowances go to those who become high-skilled under it, not to the stock it starts with
  if (firstHighSkilled === undefined || firstHighSkilled.prior === true) return
  const highSkilledOn = firstHighSkilled.day
  // the city's allowances exist only once its policy is in force
  if (env.policyDay !== null) {
    const from = Math.max(highSkilledOn, env.policyDay)
    if (r.chance(0.75)) housing(t, highSkilledOn, from + r.int(30, 365))
    if (r.chance(0.85)) living(t, from)
  }
  const top = t.certs.find((c) => c.level === 'senior-technician')
  if (top !== undefined) {
    if (r.chance(0.12)) honour(t, top.day + r.int(200, 700), { honourId: 'lyg-craftsman', title: '连云工匠', grade: 'municipal' })
    if (r.chance(0.04)) honour(t, top.day + r.int(300, 900), { honourId: 'jiangsu-craftsman', title: '江苏工匠', grade: 'provincial' })
    if (r.chance(0.02)) honour(t, top.day + r.int(300, 1200), { honourId: 'jiangsu-may-day-medal', title: '江苏省五一劳动奖章', grade: 'provincial' })
  }
}

/** The conditions of the policy in force on `day` for the allowances (DOMAIN.md §15), if it sets any. */
const conditionsOn = (t: TalentSim, day: number) => policyOn(t.env, day).benefits

/**
 * 购房补贴: under conditions, a first home bought since the talent became high-skilled (within the
 * window), enough insured months (a few short, refused on purpose), and the later instalments a year
 * apart; without them the first release's single grant.
 */
const housing = (t: TalentSim, highSkilledOn: number, day: number): void => {
  const { r } = t
  const c = conditionsOn(t, day).housingSubsidy.conditions
  if (c === undefined) return grant(t, day, { benefit: 'housing-subsidy' })
  const windowEnd = monthDay(highSkilledOn, c.purchaseWindowMonths ?? 0, 1) - 1
  const purchased = Math.min(day, windowEnd, Math.max(highSkilledOn, day - r.int(10, 300)))
  const short = r.chance(0.03)
  const insuredMonths = short ? r.int(0, (c.minInsuredMonths ?? 1) - 1) : r.int(c.minInsuredMonths ?? 0, 240)
  grant(t, day, { benefit: 'housing-subsidy', purchasedOn: dateOf(purchased), firstHome: true, insuredMonths }, short ? 'fewer insured months than the housing subsidy needs' : undefined)
  if (short) return
  for (let k = 2; k <= (c.instalments ?? 1); k++) grant(t, anniversary(day, k - 1) + r.int(0, 60), { benefit: 'housing-subsidy', purchasedOn: dateOf(purchased), firstHome: true, insuredMonths: insuredMonths + 12 * (k - 1) })
}

/** 生活补贴: monthly from entering the pool, for the months the policy allows (its maximum under conditions). */
const living = (t: TalentSim, from: number): void => {
  const { r, env } = t
  const insuredMonths = r.int(LIVING_MIN_INSURED_MONTHS, 240)
  for (let m = 1; m <= env.livingAllowanceMonths; m++) {
    const day = monthDay(from, m, 10)
    if (day > env.end) break
    const c = conditionsOn(t, day).livingAllowance.conditions
    if (c !== undefined && c.maxMonths !== null && m > c.maxMonths) break
    grant(t, day, c === undefined ? { benefit: 'living-allowance' } : { benefit: 'living-allowance', insuredMonths: insuredMonths + m })
  }
}

/** Employers reward promotions: wage increases, post dividends (岗位分红), technology equity (技术入股). */
const incentives = (t: TalentSim, certifiedOn: number, level: CertifiedLevel): void => {
  const { r, env } = t
  const record = (day: number, kind: 'wage-increase' | 'post-dividend' | 'technology-equity', amount?: number): void => {
    while (t.ids.has(`incentive:${kind}:${day}`)) day++
    if (day > env.end) return
    t.ids.add(`incentive:${kind}:${day}`)
    const employer = employerAt(t, day)
    emit(t, day, {
      type: 'RecordIncentive',
      actor: { id: employer.id, role: 'employer' },
      data: { talentId: t.id, kind, on: dateOf(day), ...(amount === undefined ? {} : { amount }) },
    })
  }
  if (r.chance(0.35)) record(certifiedOn + r.int(30, 120), 'wage-increase', r.int(3, 20) * 10_000)
  if (rank(level) >= rank('technician') && r.chance(0.15)) record(certifiedOn + r.int(180, 540), 'post-dividend', r.int(5, 50) * 100_000)
  if (rank(level) >= rank('senior-technician') && r.chance(0.1)) record(certifiedOn + r.int(200, 700), 'technology-equity')
}
