/**
 * Normal promotion (DOMAIN.md §3) evaluated from policy data: a level is open when any one of its
 * alternatives has every condition true on the assessment date. A refusal lists every alternative
 * with the conditions it missed, so the talent sees all the ways they fell short.
 */
import * as E from 'fp-ts/lib/Either.js'
import { fullYearsBetween } from '../../kernel/dates.js'
import type { ErrorDetail } from '../../kernel/errors.js'
import type { AdoptedPolicy, Alternative, Condition } from '../../policy/document.js'
import type { CertifiedLevel } from '../../vocabulary/ladder.js'
import type { TalentState } from './state.js'

/** Facts an eligibility check reads beyond the talent's state. */
export interface EligibilityFacts {
  /** The assessment or appointment date. */
  readonly on: string
  /** True when the certification is an appointment by an authorized employer (评聘). */
  readonly appointed: boolean
}

/** The earliest valid certificate at `level` on or before `on`. */
const heldSince = (s: TalentState, level: CertifiedLevel, on: string): string | undefined => {
  let first: string | undefined
  for (const c of s.certificates) if (c.level === level && c.revoked === null && c.on <= on && (first === undefined || c.on < first)) first = c.on
  return first
}

/** Why a condition fails, or null when it holds. */
export const conditionFailure = (c: Condition, s: TalentState, f: EligibilityFacts): string | null => {
  switch (c.kind) {
    case 'years-in-occupation': {
      // a student has no years in occupation until hired (DOMAIN.md §11)
      const years = s.occupationSince === null ? 0 : fullYearsBetween(s.occupationSince, f.on)
      return years >= c.min ? null : `${years} full year(s) in occupation, needs ${c.min}`
    }
    case 'holds': {
      const since = heldSince(s, c.level, f.on)
      if (since === undefined) return `holds no valid ${c.level} certificate`
      const years = fullYearsBetween(since, f.on)
      return years >= c.minYears ? null : `holds ${c.level} for ${years} full year(s), needs ${c.minYears}`
    }
    case 'education':
      return c.anyOf.includes(s.education) ? null : `education ${s.education} is not one of ${c.anyOf.join(', ')}`
    case 'preparatory-technician':
      return s.preparatoryTechnician ? null : 'no preparatory technician certificate (预备技师)'
    case 'apprenticeship-completed':
      return Object.values(s.trainings).some((t) => t.kind === 'new-apprenticeship' && t.completedOn !== null && t.completedOn <= f.on)
        ? null
        : 'no new apprenticeship completed'
    case 'appointed':
      return f.appointed ? null : 'only an appointment by an authorized employer (评聘) confers this level'
    case 'holds-featured': {
      const since = featuredSince(s, c.standardId, c.level, f.on)
      if (since === undefined) return `holds no ${c.standardId} certificate at ${c.level}`
      const years = fullYearsBetween(since, f.on)
      return years >= c.minYears ? null : `holds ${c.standardId} ${c.level} for ${years} full year(s), needs ${c.minYears}`
    }
  }
}

/** The earliest certificate of a featured standard at `level` on or before `on` (off the ladder, or on it and valid). */
const featuredSince = (s: TalentState, standardId: string, level: CertifiedLevel, on: string): string | undefined => {
  const dates = [
    ...s.featuredCertificates.filter((c) => c.standardId === standardId && c.level === level).map((c) => c.on),
    ...s.certificates.filter((c) => c.standardId === standardId && c.level === level && c.revoked === null).map((c) => c.on),
  ].filter((d) => d <= on)
  return dates.length === 0 ? undefined : dates.sort()[0]
}

/** The first of `alternatives` whose conditions all hold, or every one that failed (a featured standard's level, DOMAIN.md §13). */
export const eligibleByAlternatives = (
  policy: AdoptedPolicy,
  alternatives: ReadonlyArray<Alternative>,
  s: TalentState,
  f: EligibilityFacts,
): E.Either<ReadonlyArray<ErrorDetail>, { readonly ruleId: string }> => {
  const failed: ErrorDetail[] = []
  for (const alt of alternatives) {
    const misses = alt.allOf.map((c) => conditionFailure(c, s, f)).filter((m): m is string => m !== null)
    if (misses.length === 0) return E.right({ ruleId: alt.ruleId })
    failed.push({ rule: alt.ruleId, policyId: policy.policyId, message: `${alt.text}: ${misses.join('; ')}` })
  }
  return E.left(failed)
}

/** The rule that makes the talent eligible for `level`, or every failed rule. */
export const eligibleFor = (
  policy: AdoptedPolicy,
  level: CertifiedLevel,
  s: TalentState,
  f: EligibilityFacts,
): E.Either<ReadonlyArray<ErrorDetail>, { readonly ruleId: string }> => {
  const rule = policy.document.promotion.find((r) => r.level === level)
  if (rule === undefined || rule.alternatives.length === 0)
    return E.left([{ rule: `promotion.${level}`, policyId: policy.policyId, message: `policy ${policy.policyId} has no promotion rule for ${level}` }])
  const failed: ErrorDetail[] = []
  for (const alt of rule.alternatives) {
    const misses = alt.allOf.map((c) => conditionFailure(c, s, f)).filter((m): m is string => m !== null)
    if (misses.length === 0) return E.right({ ruleId: alt.ruleId })
    failed.push({ rule: alt.ruleId, policyId: policy.policyId, message: `${alt.text}: ${misses.join('; ')}` })
  }
  return E.left(failed)
}
