/**
 * A policy document: the promotion and benefit rules as versioned data (DOMAIN.md). A `null` value
 * is *unset*: the deploying government must set it, and the core refuses with `PolicyValueUnset`
 * rather than invent a default. Amounts are integers in fen. Law: decode ∘ encode = id.
 */
import * as t from 'io-ts'
import { LocalDate } from '../kernel/dates.js'
import { strictFields, strictType } from '../kernel/strict.js'
import { CertifiedLevel, StandardLevel } from '../vocabulary/ladder.js'
import {
  CompetitionTier,
  Education,
  NonEmptyString,
  NonNegativeInt,
  OccupationCode,
  PositiveInt,
  SubsidyCategory,
} from '../vocabulary/terms.js'

const Fen = t.union([NonNegativeInt, t.null])

/** How an object codec is made: `t.type` (lenient) or `strictType` (exact). */
type ObjectCodec = <P extends t.Props>(props: P) => t.Type<t.TypeOf<t.TypeC<P>>, t.OutputOf<t.TypeC<P>>, unknown>
/** How an object with optional fields is made (fields added after 0.1 are optional, so older documents still read). */
type PartialCodec = <R extends t.Props, O extends t.Props>(
  required: R,
  optional: O,
) => t.Type<t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>, t.OutputOf<t.TypeC<R>> & t.OutputOf<t.PartialC<O>>, unknown>

/** Years of a post's term (任期), or null: unset, the city must set it. */
const TermYears = t.union([PositiveInt, t.null])

/** Builds the policy codecs with `obj` for every object: lenient for store rows, strict for input. */
const policyCodecs = (obj: ObjectCodec, objWith: PartialCodec) => {
  /** One condition of a promotion alternative. */
  const Condition = t.union([
    obj({ kind: t.literal('years-in-occupation'), min: NonNegativeInt }),
    obj({ kind: t.literal('holds'), level: CertifiedLevel, minYears: NonNegativeInt }),
    obj({ kind: t.literal('education'), anyOf: t.array(Education) }),
    obj({ kind: t.literal('preparatory-technician') }),
    obj({ kind: t.literal('apprenticeship-completed') }),
    obj({ kind: t.literal('appointed') }),
    /** Holds a featured-industry certificate of a city standard at a level for ≥ minYears (DOMAIN.md §13). */
    obj({ kind: t.literal('holds-featured'), standardId: NonEmptyString, level: CertifiedLevel, minYears: NonNegativeInt }),
  ])

  /** One way to become eligible: every condition holds. */
  const Alternative = obj({ ruleId: NonEmptyString, text: t.string, allOf: t.array(Condition) })

  /** A level and the alternatives that make a talent eligible for it (any one suffices). */
  const PromotionRule = obj({ level: CertifiedLevel, alternatives: t.array(Alternative) })

  /** A row of the competition table: which results promote, and to what. */
  const CompetitionRule = obj({
    ruleId: NonEmptyString,
    tier: CompetitionTier,
    ranks: t.union([obj({ from: PositiveInt, to: PositiveInt }), t.null]),
    awards: t.array(t.string),
    percentileMax: t.union([t.number, t.null]),
    /** Promote to this level when the talent is lower. */
    promotesTo: CertifiedLevel,
    /** Promote to this level instead when the talent already holds `promotesTo`. */
    thenTo: t.union([CertifiedLevel, t.null]),
  })

  /** Prize money and title for a rank at a tier. */
  const CompetitionPrize = obj({
    ruleId: NonEmptyString,
    tier: CompetitionTier,
    rank: PositiveInt,
    amount: Fen,
    title: t.union([t.string, t.null]),
  })

  /**
   * An occupation of the catalogue with its subsidy category and shortage flag, and optionally the
   * highest level its national standard has (`topLevel`, DOMAIN.md §12): principal and chief
   * technicians are appointed only where that is senior-technician.
   */
  const OccupationEntry = objWith({ code: OccupationCode, category: SubsidyCategory, shortage: t.boolean }, { topLevel: StandardLevel })

  /**
   * A city's own evaluation standard for a featured industry (特色产业评价, DOMAIN.md §13): its
   * occupations, whether its certificates count on the national ladder, and per level the
   * alternatives that make a talent eligible (the national table is not used). `alternatives: null`
   * is unset.
   */
  const FeaturedStandard = obj({
    standardId: NonEmptyString,
    title: t.string,
    issuer: t.union([t.string, t.null]),
    occupations: t.array(OccupationCode),
    countsTowardLadder: t.boolean,
    levels: t.array(obj({ level: StandardLevel, alternatives: t.union([t.array(Alternative), t.null]) })),
  })

  /**
   * Senior posts (特级技师 / 首席技师评聘, DOMAIN.md §12): the term of a post per level and whether an
   * employer needs a quota. Optional: without the block posts are open-ended and unlimited; `null`
   * inside it is unset (`PolicyValueUnset`).
   */
  const AppointmentPolicy = obj({
    termYears: obj({ 'principal-technician': TermYears, 'chief-technician': TermYears }),
    quotaRequired: t.union([t.boolean, t.null]),
  })

  const SubsidyLevels = obj({
    junior: Fen,
    intermediate: Fen,
    senior: Fen,
    technician: Fen,
    'senior-technician': Fen,
  })

  /** The whole policy (blocks added after 0.1 are optional: §10–17). */
  const PolicyDocument = objWith({
    title: t.string,
    promotion: t.array(PromotionRule),
    competition: obj({
      oneLevelPromotionPerYear: t.boolean,
      table: t.array(CompetitionRule),
      prizes: t.array(CompetitionPrize),
    }),
    occupations: obj({
      catalogue: t.array(OccupationEntry),
      unlistedCategory: SubsidyCategory,
      /** National qualification catalogue (职业资格目录): occupations open to `vocational-qualification`. */
      qualificationCatalogue: t.union([t.array(OccupationCode), t.null]),
    }),
    apprenticeship: obj({ minPlannedYears: PositiveInt, maxPlannedYears: PositiveInt }),
    benefits: obj({
      skillUpgradeSubsidy: obj({
        minInsuredMonths: t.union([NonNegativeInt, t.null]),
        claimWindowMonths: t.union([NonNegativeInt, t.null]),
        shortageBonusPercent: t.union([NonNegativeInt, t.null]),
        amounts: obj({ A: SubsidyLevels, B: SubsidyLevels, C: SubsidyLevels }),
        specialAbility: obj({ A: Fen, B: Fen, C: Fen }),
      }),
      firstCertificationAllowance: obj({
        occupationPrefixes: t.array(t.string),
        amounts: obj({
          senior: Fen,
          technician: Fen,
          'senior-technician': Fen,
          'principal-technician': Fen,
          'chief-technician': Fen,
        }),
      }),
      apprenticeshipSubsidy: obj({ perApprenticePerYear: Fen }),
      housingSubsidy: obj({ amount: Fen }),
      livingAllowance: obj({ monthly: Fen }),
    }),
    targets: obj({
      newHighSkilled: obj({ count: NonNegativeInt, from: LocalDate, to: LocalDate }),
      skilledSharePercent: t.number,
      highSkilledSharePercent: t.number,
      highSkilledShareBy: LocalDate,
      highSkilledTotal: obj({ count: NonNegativeInt, by: LocalDate }),
      carriers: obj({ count: NonNegativeInt, from: LocalDate, to: LocalDate }),
    }),
  }, { appointment: AppointmentPolicy, featuredStandards: t.array(FeaturedStandard) })
  return { Condition, Alternative, PromotionRule, CompetitionRule, CompetitionPrize, OccupationEntry, AppointmentPolicy, FeaturedStandard, PolicyDocument }
}

/**
 * The storage format: how a `PolicyAdopted` event decodes. Lenient about unknown fields (they are
 * stripped), so events written before strict input still read.
 */
const stored = policyCodecs(
  (props) => t.type(props),
  (required, optional) => t.intersection([t.type(required), t.partial(optional)]),
)
/** Strict input: an unknown field anywhere in a policy document is refused, naming its path. */
const input = policyCodecs(
  (props) => strictType(props),
  (required, optional) => strictFields(required, optional, 'Object'),
)

/** One condition of a promotion alternative. */
export const Condition = stored.Condition
export type Condition = t.TypeOf<typeof Condition>
/** One way to become eligible: every condition holds. */
export const Alternative = stored.Alternative
export type Alternative = t.TypeOf<typeof Alternative>
/** A level and the alternatives that make a talent eligible for it (any one suffices). */
export const PromotionRule = stored.PromotionRule
export type PromotionRule = t.TypeOf<typeof PromotionRule>
/** A row of the competition table: which results promote, and to what. */
export const CompetitionRule = stored.CompetitionRule
export type CompetitionRule = t.TypeOf<typeof CompetitionRule>
/** Prize money and title for a rank at a tier. */
export const CompetitionPrize = stored.CompetitionPrize
export type CompetitionPrize = t.TypeOf<typeof CompetitionPrize>
/** An occupation of the catalogue with its subsidy category and shortage flag. */
export const OccupationEntry = stored.OccupationEntry
export type OccupationEntry = t.TypeOf<typeof OccupationEntry>
/** The senior-post block of a policy (DOMAIN.md §12). */
export const AppointmentPolicy = stored.AppointmentPolicy
export type AppointmentPolicy = t.TypeOf<typeof AppointmentPolicy>
/** A city's featured-industry standard (DOMAIN.md §13). */
export const FeaturedStandard = stored.FeaturedStandard
export type FeaturedStandard = t.TypeOf<typeof FeaturedStandard>
/** The whole policy, as stored. */
export const PolicyDocument = stored.PolicyDocument
export type PolicyDocument = t.TypeOf<typeof PolicyDocument>
/** The whole policy, as a command or a policy file gives it: exact (no unknown field anywhere). */
export const PolicyDocumentInput: t.Type<PolicyDocument, PolicyDocument, unknown> = input.PolicyDocument

/** A policy in force from a date. */
export interface AdoptedPolicy {
  readonly policyId: string
  readonly effectiveFrom: string | null
  readonly document: PolicyDocument
}
