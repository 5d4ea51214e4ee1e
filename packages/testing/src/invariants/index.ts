/**
 * Named invariants of talent-ledger, each a function from options (histories, policy documents,
 * the talent category under test) to a fast-check property, plus the pure in-memory runner they use.
 */
import { benefitAmountsMatchPolicy } from './benefit-amounts-match-policy.js'
import { codecsRoundTrip } from './codecs-round-trip.js'
import { competitionHonoursFromPrizeRows } from './competition-honours-from-prize-rows.js'
import { dashboardMatchesRecount } from './dashboard-matches-recount.js'
import { idempotentDecisions } from './idempotent-decisions.js'
import type { Invariant } from './invariant.js'
import { levelNeverDecreases } from './level-never-decreases.js'
import { noCertificationWithoutRule } from './no-certification-without-rule.js'
import { oneCompetitionPromotionPerYear } from './one-competition-promotion-per-year.js'
import { replayEqualsIncremental } from './replay-equals-incremental.js'

export {
  levelNeverDecreases,
  noCertificationWithoutRule,
  oneCompetitionPromotionPerYear,
  replayEqualsIncremental,
  codecsRoundTrip,
  benefitAmountsMatchPolicy,
  dashboardMatchesRecount,
  idempotentDecisions,
  competitionHonoursFromPrizeRows,
}
export { assertInvariant, defineInvariant, historiesFor, InvariantViolation, type Invariant, type InvariantOptions } from './invariant.js'
export { conditionHolds, highestCertified, rowMatches, rowTarget, type ResultFacts } from './eligibility.js'
export { expectedPolicyOn, policyById } from './policies.js'
export {
  decidableCommand,
  fakeSealedPersonalData,
  pureLedger,
  runPureLedger,
  type RunDecision,
  type RunStream,
  type TalentDecision,
  type LoggedEvent,
  type Outcome,
  type PureLedger,
  type PureLedgerView,
  type PureRun,
  type TalentCategoryUnderTest,
} from './pure-ledger.js'

/** Every invariant, in the order of the brief: run them all against your decider and policies. */
export const allInvariants: ReadonlyArray<Invariant> = [
  levelNeverDecreases,
  noCertificationWithoutRule,
  oneCompetitionPromotionPerYear,
  replayEqualsIncremental,
  codecsRoundTrip,
  benefitAmountsMatchPolicy,
  dashboardMatchesRecount,
  idempotentDecisions,
  competitionHonoursFromPrizeRows,
]
