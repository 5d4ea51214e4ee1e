/**
 * Promotion conditions and competition rows evaluated from the policy document alone — a second,
 * independent reading of DOMAIN.md §3 and §5 that the invariants hold the deciders' choices against.
 */
import { LEVELS, type CompetitionRule, type Condition, type Level, type TalentState } from '@talent-ledger/core'
import { fullYears } from '../arbitraries/dates.js'

const rankOf = (level: Level | null): number => (level === null ? -1 : LEVELS.indexOf(level))

/** The highest level the talent holds a valid certificate for (apprenticeship ignored), or null. */
export const highestCertified = (s: TalentState): Level | null =>
  s.certificates.filter((c) => c.revoked === null).reduce<Level | null>((best, c) => (rankOf(c.level) > rankOf(best) ? c.level : best), null)

/** True when `c` holds for the talent on `on`; `appointed` for an appointment (评聘). */
export const conditionHolds = (c: Condition, s: TalentState, on: string, appointed: boolean): boolean => {
  switch (c.kind) {
    case 'years-in-occupation':
      // a student has no years in occupation until hired (DOMAIN.md §11)
      return (s.occupationSince === null ? 0 : fullYears(s.occupationSince, on)) >= c.min
    case 'holds':
      // some valid certificate at the level, obtained by `on`, held long enough
      return s.certificates.some((x) => x.level === c.level && x.revoked === null && x.on <= on && fullYears(x.on, on) >= c.minYears)
    case 'education':
      return c.anyOf.includes(s.education)
    case 'preparatory-technician':
      return s.preparatoryTechnician
    case 'apprenticeship-completed':
      return Object.values(s.trainings).some((t) => t.kind === 'new-apprenticeship' && t.completedOn !== null && t.completedOn <= on)
    case 'appointed':
      return appointed
    case 'holds-featured':
      // a certificate of the city standard at the level, off the ladder or on it (valid), held long enough
      return [...s.featuredCertificates, ...s.certificates.filter((x) => x.revoked === null)].some(
        (x) => 'standardId' in x && x.standardId === c.standardId && x.level === c.level && x.on <= on && fullYears(x.on, on) >= c.minYears,
      )
  }
}

/** A competition result as the row reads it. */
export interface ResultFacts {
  readonly tier: string
  readonly rank: number
  readonly award: string | null
  readonly percentile: number | null
}

/** True when the result falls in the row: its tier, and its rank range, an award it names, or its percentile. */
export const rowMatches = (row: CompetitionRule, r: ResultFacts): boolean =>
  row.tier === r.tier &&
  ((row.ranks !== null && row.ranks.from <= r.rank && r.rank <= row.ranks.to) ||
    (r.award !== null && row.awards.includes(r.award)) ||
    (row.percentileMax !== null && r.percentile !== null && r.percentile <= row.percentileMax))

/** The level the row promotes a talent at `current` to, or null. */
export const rowTarget = (row: CompetitionRule, current: Level | null): Level | null =>
  rankOf(current) < rankOf(row.promotesTo) ? row.promotesTo : current === row.promotesTo ? row.thenTo : null
