/**
 * Incentives (激励) after the talent's certificates are planned: skill-upgrade subsidies claimed
 * within the window (a few with too few insured months, which the ledger must refuse),
 * first-certification allowances for front-line manufacturing workers, the city's housing subsidy
 * and monthly living allowance for high-skilled talents, employers' incentives and honours.
 */
import { isHighSkilled, rank, type CertifiedLevel, type CommandOf } from '@talent-ledger/core'
import { dateOf, monthDay } from './calendar.js'
import { emit, employerAt, honour, type TalentSim } from './talent.js'

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
    if (r.chance(0.75)) grant(t, from + r.int(30, 365), { benefit: 'housing-subsidy' })
    if (r.chance(0.85))
      for (let m = 1; m <= env.livingAllowanceMonths; m++) {
        const day = monthDay(from, m, 10)
        if (day > env.end) break
        grant(t, day, { benefit: 'living-allowance' })
      }
  }
  const top = t.certs.find((c) => c.level === 'senior-technician')
  if (top !== undefined) {
    if (r.chance(0.12)) honour(t, top.day + r.int(200, 700), '港城工匠', '市级')
    if (r.chance(0.04)) honour(t, top.day + r.int(300, 900), '江苏工匠', '省级')
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
