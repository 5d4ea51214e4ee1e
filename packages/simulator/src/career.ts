/**
 * A talent's climb up the ladder (新八级工): assessments at plausible intervals after the talent
 * becomes eligible under the national rules (DOMAIN.md §3), some failed and retaken, a few filed
 * too early on purpose (the ledger must refuse them) and competitions that may promote. (Appointment
 * as principal or chief technician follows in posts.ts.)
 */
import type { CertificationRoute, CertifiedLevel } from '@talent-ledger/core'
import { anniversary, dateOf } from './calendar.js'
import { compete } from './competitions.js'
import { chooseAssessor } from './organizations.js'
import { emit, employerAt, nextId, policyOn, type TalentSim } from './talent.js'

/** The assessed part of the ladder, lowest first. */
export const LADDER: ReadonlyArray<CertifiedLevel> = ['junior', 'intermediate', 'senior', 'technician', 'senior-technician']

const VOCATIONAL = new Set(['technical-school', 'advanced-technical-school', 'technician-college'])
const ADVANCED_VOCATIONAL = new Set(['advanced-technical-school', 'technician-college'])
const HIGHER = new Set(['college', 'bachelor', 'master'])
const NEVER = Number.POSITIVE_INFINITY
// chance to stop climbing after reaching each rung (a cohort, or a whole city's intake: stock.ts),
// and to enter a competition before the next attempt
const STOP = [0.15, 0.2, 0.3, 0.4, 1]
/**
 * Assumption of a simulation at a scale: a city's intake mostly stops at junior or intermediate, so
 * the high-skilled share moves towards 35 % rather than past it (docs/rules.md, "The demo's city").
 */
export const CITY_INTAKE_STOP = [0.3, 0.5, 0.5, 0.5, 1]
const COMPETE = [0.12, 0.12, 0.18, 0.25, 0.3, 0]

/** Day the talent first held `level`, or NEVER. */
export const heldSince = (t: TalentSim, level: CertifiedLevel): number => t.certs.find((c) => c.level === level)?.day ?? NEVER

/** The first day the talent is eligible for the level under the default promotion rules, or NEVER. */
export const earliestEligible = (t: TalentSim, level: CertifiedLevel): number => {
  const held = (l: CertifiedLevel, years: number): number => {
    const since = heldSince(t, l)
    return since === NEVER ? NEVER : anniversary(since, years)
  }
  const e = t.education
  switch (level) {
    case 'junior':
      return Math.min(anniversary(t.sinceDay, 1), t.apprenticeshipCompleted ?? NEVER)
    case 'intermediate':
      return Math.min(held('junior', 4), anniversary(t.sinceDay, 6), VOCATIONAL.has(e) ? t.registeredDay : NEVER)
    case 'senior':
      return Math.min(held('intermediate', 5), ADVANCED_VOCATIONAL.has(e) ? held('intermediate', 0) : NEVER, HIGHER.has(e) ? held('intermediate', 2) : NEVER)
    case 'technician':
      return Math.min(held('senior', 4), ADVANCED_VOCATIONAL.has(e) ? held('senior', 3) : NEVER, t.preparatory ? held('senior', 2) : NEVER)
    default:
      return level === 'senior-technician' ? held('technician', 4) : NEVER
  }
}

/**
 * Records an assessment; `refusal` marks one the ledger must refuse. Where the policy in force has
 * featured-industry standards (DOMAIN.md §13), a featured-industry assessment names the standard of
 * the occupation, and only one that counts toward the ladder certifies a rung of it.
 */
export const assess = (t: TalentSim, day: number, level: CertifiedLevel | undefined, passed: boolean, refusal?: string): CertificationRoute => {
  const catalogueInForce = t.env.policyDay !== null && day >= t.env.policyDay
  const standards = policyOn(t.env, day).featuredStandards
  const standard = standards?.find((s) => s.occupations.includes(t.occupation.code))
  const featuredOnLadder = standards === undefined || standard?.countsTowardLadder === true
  const a = chooseAssessor(t.env.roster, t.r, t.occupation, level, employerAt(t, day), catalogueInForce, featuredOnLadder)
  const standardId = a.route === 'featured-industry' && standard !== undefined ? { standardId: standard.standardId } : {}
  emit(
    t,
    day,
    {
      type: 'RecordAssessment',
      actor: { id: a.id, role: a.role },
      data: { talentId: t.id, assessmentId: nextId(t, 'a'), route: a.route, ...standardId, occupation: t.occupation.code, ...(level === undefined ? {} : { level }), passed, assessorId: a.id, on: dateOf(day) },
    },
    refusal === undefined ? undefined : { code: 'NotEligible', reason: refusal },
  )
  return a.route
}

const stopAfter = (t: TalentSim, level: number): number => (t.env.cityIntake ? CITY_INTAKE_STOP : STOP)[level]!

const delay = (t: TalentSim): number => t.r.int(30, 200) + (t.r.chance(0.5) ? t.r.int(0, 500) : 0)

/** Plans and writes the talent's certifications and competitions up to the end of the simulation. */
export const planCareer = (t: TalentSim): void => {
  const { r, env } = t
  if (r.chance(t.occupation.sector === 'services' || t.occupation.sector === 'agriculture' ? 0.2 : 0.08)) {
    const day = t.registeredDay + r.int(60, 1500)
    if (day <= env.end) {
      assess(t, day, undefined, true)
      t.specialDay = day
    }
  }
  if (r.chance(0.1)) return // registered, trained perhaps, never assessed
  let now = t.registeredDay + r.int(20, 120)
  let level = -1
  while (level < LADDER.length - 1) {
    let target = level + 1
    if (level === -1 && earliestEligible(t, 'intermediate') <= now + 180 && r.chance(0.6)) target = 1
    const eligible = earliestEligible(t, LADDER[target]!)
    if (eligible === NEVER) break
    let attempt = Math.max(now, eligible) + delay(t)
    if (r.chance(COMPETE[level + 1]!)) {
      const day = now + r.int(30, Math.max(31, Math.min(attempt - now - 1, 540)))
      if (day > env.end) break
      const promoted = compete(t, day, level >= 0 ? LADDER[level]! : null)
      now = day
      if (promoted !== null) {
        level = LADDER.indexOf(promoted)
        if (r.chance(stopAfter(t, level) / 2)) break
        continue
      }
      if (attempt <= now) attempt = now + r.int(20, 90)
    }
    if (attempt > env.end) break
    if (eligible - now > 90 && r.chance(0.04)) {
      const early = r.int(now + 1, eligible - 1)
      assess(t, early, LADDER[target], true, `filed before the talent is eligible for ${LADDER[target]}`)
    }
    while (r.chance(0.12) && attempt <= env.end) {
      assess(t, attempt, LADDER[target], false)
      attempt += r.int(90, 270)
    }
    if (attempt > env.end) break
    const route = assess(t, attempt, LADDER[target], true)
    t.certs.push({ level: LADDER[target]!, day: attempt, route })
    now = attempt
    level = target
    if (r.chance(stopAfter(t, level))) break
  }
}
