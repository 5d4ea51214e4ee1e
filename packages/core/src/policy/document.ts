/**
 * A policy document: the promotion and benefit rules as versioned data (DOMAIN.md). A `null` value
 * is *unset*: the deploying government must set it, and the core refuses with `PolicyValueUnset`
 * rather than invent a default. Amounts are integers in fen. Law: decode ∘ encode = id.
 */
import * as t from 'io-ts'
import { LocalDate } from '../kernel/dates.js'
import { CertifiedLevel } from '../domain/ladder.js'
import {
  CompetitionTier,
  Education,
  NonEmptyString,
  NonNegativeInt,
  OccupationCode,
  PositiveInt,
  SubsidyCategory,
} from '../domain/vocabulary.js'

const Fen = t.union([NonNegativeInt, t.null])

/** One condition of a promotion alternative. */
export const Condition = t.union([
  t.type({ kind: t.literal('years-in-occupation'), min: NonNegativeInt }),
  t.type({ kind: t.literal('holds'), level: CertifiedLevel, minYears: NonNegativeInt }),
  t.type({ kind: t.literal('education'), anyOf: t.array(Education) }),
  t.type({ kind: t.literal('preparatory-technician') }),
  t.type({ kind: t.literal('apprenticeship-completed') }),
  t.type({ kind: t.literal('appointed') }),
])
export type Condition = t.TypeOf<typeof Condition>

/** One way to become eligible: every condition holds. */
export const Alternative = t.type({ ruleId: NonEmptyString, text: t.string, allOf: t.array(Condition) })
export type Alternative = t.TypeOf<typeof Alternative>

/** A level and the alternatives that make a talent eligible for it (any one suffices). */
export const PromotionRule = t.type({ level: CertifiedLevel, alternatives: t.array(Alternative) })
export type PromotionRule = t.TypeOf<typeof PromotionRule>

/** A row of the competition table: which results promote, and to what. */
export const CompetitionRule = t.type({
  ruleId: NonEmptyString,
  tier: CompetitionTier,
  ranks: t.union([t.type({ from: PositiveInt, to: PositiveInt }), t.null]),
  awards: t.array(t.string),
  percentileMax: t.union([t.number, t.null]),
  /** Promote to this level when the talent is lower. */
  promotesTo: CertifiedLevel,
  /** Promote to this level instead when the talent already holds `promotesTo`. */
  thenTo: t.union([CertifiedLevel, t.null]),
})
export type CompetitionRule = t.TypeOf<typeof CompetitionRule>

/** Prize money and title for a rank at a tier. */
export const CompetitionPrize = t.type({
  ruleId: NonEmptyString,
  tier: CompetitionTier,
  rank: PositiveInt,
  amount: Fen,
  title: t.union([t.string, t.null]),
})
export type CompetitionPrize = t.TypeOf<typeof CompetitionPrize>

/** An occupation of the catalogue with its subsidy category and shortage flag. */
export const OccupationEntry = t.type({ code: OccupationCode, category: SubsidyCategory, shortage: t.boolean })
export type OccupationEntry = t.TypeOf<typeof OccupationEntry>

const SubsidyLevels = t.type({
  junior: Fen,
  intermediate: Fen,
  senior: Fen,
  technician: Fen,
  'senior-technician': Fen,
})

/** The whole policy. */
export const PolicyDocument = t.type({
  title: t.string,
  promotion: t.array(PromotionRule),
  competition: t.type({
    oneLevelPromotionPerYear: t.boolean,
    table: t.array(CompetitionRule),
    prizes: t.array(CompetitionPrize),
  }),
  occupations: t.type({
    catalogue: t.array(OccupationEntry),
    unlistedCategory: SubsidyCategory,
    /** National qualification catalogue (职业资格目录): occupations open to `vocational-qualification`. */
    qualificationCatalogue: t.union([t.array(OccupationCode), t.null]),
  }),
  apprenticeship: t.type({ minPlannedYears: PositiveInt, maxPlannedYears: PositiveInt }),
  benefits: t.type({
    skillUpgradeSubsidy: t.type({
      minInsuredMonths: t.union([NonNegativeInt, t.null]),
      claimWindowMonths: t.union([NonNegativeInt, t.null]),
      shortageBonusPercent: t.union([NonNegativeInt, t.null]),
      amounts: t.type({ A: SubsidyLevels, B: SubsidyLevels, C: SubsidyLevels }),
      specialAbility: t.type({ A: Fen, B: Fen, C: Fen }),
    }),
    firstCertificationAllowance: t.type({
      occupationPrefixes: t.array(t.string),
      amounts: t.type({
        senior: Fen,
        technician: Fen,
        'senior-technician': Fen,
        'principal-technician': Fen,
        'chief-technician': Fen,
      }),
    }),
    apprenticeshipSubsidy: t.type({ perApprenticePerYear: Fen }),
    housingSubsidy: t.type({ amount: Fen }),
    livingAllowance: t.type({ monthly: Fen }),
  }),
  targets: t.type({
    newHighSkilled: t.type({ count: NonNegativeInt, from: LocalDate, to: LocalDate }),
    skilledSharePercent: t.number,
    highSkilledSharePercent: t.number,
    highSkilledShareBy: LocalDate,
    highSkilledTotal: t.type({ count: NonNegativeInt, by: LocalDate }),
    carriers: t.type({ count: NonNegativeInt, from: LocalDate, to: LocalDate }),
  }),
})
export type PolicyDocument = t.TypeOf<typeof PolicyDocument>

/** A policy in force from a date. */
export interface AdoptedPolicy {
  readonly policyId: string
  readonly effectiveFrom: string | null
  readonly document: PolicyDocument
}
