/**
 * The competition route (技能竞赛, 四级联动): a result that matches a row of the policy's table
 * promotes the talent, at most once per calendar year. A result is always recorded; a promotion the
 * yearly limit holds back is recorded as withheld, with the rule, so the talent can see why.
 */
import * as E from 'fp-ts/lib/Either.js'
import { chain } from '../chain.js'
import { pipe } from 'fp-ts/lib/function.js'
import { yearOf } from '../../kernel/dates.js'
import { duplicate, type DomainError } from '../../kernel/errors.js'
import type { CompetitionRule, PolicyDocument } from '../../policy/document.js'
import type { CommandOf } from './commands.js'
import type { TalentEvent } from './events.js'
import { rank, type CertifiedLevel, type Level } from '../../vocabulary/ladder.js'
import { policyOn, requireRegistered, type TalentContext } from './context.js'
import { certified, topLevelOf } from './decide-certification.js'
import { competitionHonour } from './decide-honours.js'
import { levelOf, type TalentState } from './state.js'

type Result = CommandOf<'RecordCompetitionResult'>['data']

/** True when a result matches a row of the table. */
export const matchesRow = (row: CompetitionRule, r: Pick<Result, 'tier' | 'rank' | 'award' | 'percentile'>): boolean =>
  row.tier === r.tier &&
  ((row.ranks !== null && r.rank >= row.ranks.from && r.rank <= row.ranks.to) ||
    (r.award !== undefined && row.awards.includes(r.award)) ||
    (row.percentileMax !== null && r.percentile !== undefined && r.percentile <= row.percentileMax))

/** The level a row promotes to from `current`, or null when it does not promote (never to a level held or below). */
export const promotionTarget = (row: CompetitionRule, current: Level | null): CertifiedLevel | null => {
  if (rank(current) < rank(row.promotesTo)) return row.promotesTo
  if (current === row.promotesTo && row.thenTo !== null && rank(row.thenTo) > rank(current)) return row.thenTo
  return null
}

/** The first row that would promote this result from `current`, with its target. */
export const competitionPromotion = (
  doc: PolicyDocument,
  r: Pick<Result, 'tier' | 'rank' | 'award' | 'percentile'>,
  current: Level | null,
): { readonly row: CompetitionRule; readonly level: CertifiedLevel } | null => {
  for (const row of doc.competition.table) {
    if (!matchesRow(row, r)) continue
    const level = promotionTarget(row, current)
    if (level !== null) return { row, level }
  }
  return null
}

/** Competition promotions already granted in a calendar year (revoked ones included: they were granted). */
export const competitionPromotionsIn = (s: TalentState, year: number): number =>
  s.certificates.filter((c) => c.route === 'competition' && yearOf(c.on) === year).length

/** RecordCompetitionResult. */
export const decideCompetition = (c: CommandOf<'RecordCompetitionResult'>, s: TalentState, ctx: TalentContext): E.Either<DomainError, ReadonlyArray<TalentEvent>> =>
  pipe(
    requireRegistered(s, c.data.talentId),
    chain(() => (s.competitions.some((x) => x.competitionId === c.data.competitionId) ? E.left(duplicate(`result of ${c.data.competitionId} is already recorded`)) : E.right(s))),
    E.map(() => {
      const d = c.data
      const policy = policyOn(ctx, d.on)
      const promotion = competitionPromotion(policy.document, d, levelOf(s))
      const top = topLevelOf(policy, s.occupation)
      // a promotion above what the occupation's national standard has is withheld (DOMAIN.md §12)
      const aboveStandard = promotion !== null && top !== undefined && rank(promotion.level) > rank(top)
      const limited = promotion !== null && policy.document.competition.oneLevelPromotionPerYear && competitionPromotionsIn(s, yearOf(d.on)) > 0
      const withheld = aboveStandard
        ? { rule: 'assessment.level-within-occupation', message: `the national standard of ${s.occupation} stops at ${top}` }
        : limited
          ? { rule: 'competition.one-promotion-per-year', message: `a competition promotion was already granted in ${yearOf(d.on)}` }
          : null
      const recorded: TalentEvent = {
        type: 'CompetitionResultRecorded',
        data: { talentId: d.talentId, competitionId: d.competitionId, tier: d.tier, rank: d.rank, award: d.award ?? null, percentile: d.percentile ?? null, on: d.on, withheld },
      }
      // the prize row's honour (DOMAIN.md §14) follows the promotion, withheld or not
      const honour = competitionHonour(policy, d)
      const honours: TalentEvent[] = honour === null ? [] : [honour]
      if (promotion === null || withheld !== null) return [recorded, ...honours]
      return [recorded, certified(s, promotion.level, 'competition', d.on, d.competitionId, policy.policyId, promotion.row.ruleId), ...honours]
    }),
  )
