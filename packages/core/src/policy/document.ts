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
  HonourGrade,
  HonourKind,
  PositiveInt,
  ServiceFrequency,
  ServiceKind,
  SubsidyCategory,
} from '../vocabulary/terms.js'

const Fen = t.union([NonNegativeInt, t.null])

/** How an object codec is made: `t.type` (lenient) or `strictType` (exact). */
type ObjectCodec = <P extends t.Props>(props: P) => t.Type<t.TypeOf<t.TypeC<P>>, t.OutputOf<t.TypeC<P>>, unknown>

/** Years of a post's term (任期), or null: unset, the city must set it. */
const TermYears = t.union([PositiveInt, t.null])

/** How an object codec with optional fields is made: lenient intersection or `strictFields`. */
type ObjectWithOptionalCodec = <R extends t.Props, O extends t.Props>(
  required: R,
  optional: O,
  name: string,
) => t.Type<t.TypeOf<t.TypeC<R>> & Partial<t.TypeOf<t.TypeC<O>>>, t.OutputOf<t.TypeC<R>> & Partial<t.OutputOf<t.TypeC<O>>>, unknown>

/**
 * Builds the policy codecs with `obj` for every object (lenient for store rows, strict for input)
 * and `objOpt` for objects with optional fields: the blocks of DOMAIN.md §10–15 are optional, so
 * documents written before them still decode and mean what they meant (§1–9 behaviour).
 */
const policyCodecs = (obj: ObjectCodec, objOpt: ObjectWithOptionalCodec) => {
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

  /**
   * Prize money and title for a rank at a tier; `honourId` (DOMAIN.md §14) names the catalogued
   * honour the result confers (absent or `null`: none, as in documents written before it).
   */
  const CompetitionPrize = objOpt(
    {
      ruleId: NonEmptyString,
      tier: CompetitionTier,
      rank: PositiveInt,
      amount: Fen,
      title: t.union([t.string, t.null]),
    },
    { honourId: t.union([NonEmptyString, t.null]) },
    'CompetitionPrize',
  )

  /** An honour of the catalogue (荣誉表彰, DOMAIN.md §14): `conferrer` null when the source names none. */
  const HonourEntry = obj({ honourId: NonEmptyString, title: NonEmptyString, kind: HonourKind, grade: HonourGrade, conferrer: t.union([t.string, t.null]) })

  /** A service and who is entitled to it (DOMAIN.md §15): `null` values are unset (the city sets them). */
  const ServiceEntry = obj({ service: ServiceKind, minLevel: t.union([CertifiedLevel, t.null]), frequency: t.union([ServiceFrequency, t.null]) })

  /**
   * An occupation of the catalogue with its subsidy category and shortage flag, and optionally the
   * highest level its national standard has (`topLevel`, DOMAIN.md §12): principal and chief
   * technicians are appointed only where that is senior-technician.
   */
  const OccupationEntry = objOpt({ code: OccupationCode, category: SubsidyCategory, shortage: t.boolean }, { topLevel: StandardLevel }, 'OccupationEntry')

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

  /** An amount per high-skilled level (DOMAIN.md §15), in fen; `null` unset. */
  const HighSkilledLevels = obj({
    senior: Fen,
    technician: Fen,
    'senior-technician': Fen,
    'principal-technician': Fen,
    'chief-technician': Fen,
  })

  /** The whole policy; the blocks of DOMAIN.md §10–15 are optional (see `policyCodecs`). */
  const PolicyDocument = objOpt({
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
      // DOMAIN.md §15: `byLevel` (the level on the grant date) replaces the flat amount; `conditions` add rules
      housingSubsidy: objOpt(
        { amount: Fen },
        {
          byLevel: HighSkilledLevels,
          conditions: obj({
            firstHomeOnly: t.union([t.boolean, t.null]),
            purchaseWindowMonths: t.union([NonNegativeInt, t.null]),
            minInsuredMonths: t.union([NonNegativeInt, t.null]),
            instalments: t.union([PositiveInt, t.null]),
          }),
        },
        'HousingSubsidy',
      ),
      livingAllowance: objOpt(
        { monthly: Fen },
        { byLevel: HighSkilledLevels, conditions: obj({ minInsuredMonths: t.union([NonNegativeInt, t.null]), maxMonths: t.union([PositiveInt, t.null]) }) },
        'LivingAllowance',
      ),
    }),
    targets: objOpt(
      {
        newHighSkilled: obj({ count: NonNegativeInt, from: LocalDate, to: LocalDate }),
        skilledSharePercent: t.number,
        highSkilledSharePercent: t.number,
        highSkilledShareBy: LocalDate,
        highSkilledTotal: obj({ count: NonNegativeInt, by: LocalDate }),
        carriers: obj({ count: NonNegativeInt, from: LocalDate, to: LocalDate }),
      },
      {
        /**
         * Only in a simulation's policy (the demo's): the count targets above are the city's
         * multiplied by this factor (0 < scale ≤ 1), so a city simulated at 1 % is judged against
         * 1 % of its targets; the report says so beside every count target. Shares are not scaled.
         */
        scale: t.number,
        /** High-skilled workers' share of honour recipients (DOMAIN.md §14; the seed gives no figure: null). */
        honoursHighSkilledSharePercent: t.union([t.number, t.null]),
      },
      'Targets',
    ),
  },
  {
    /** The honours catalogue (DOMAIN.md §14). */
    honours: obj({ catalogue: t.array(HonourEntry) }),
    /** Services as entitlements (DOMAIN.md §15). */
    services: t.array(ServiceEntry),
    /** Senior posts' terms and quotas (DOMAIN.md §12). */
    appointment: AppointmentPolicy,
    /** The city's featured-industry standards (DOMAIN.md §13). */
    featuredStandards: t.array(FeaturedStandard),
    /** Training carriers (DOMAIN.md §10): the lowest level a masters' studio's master holds (`null`: unset). */
    carriers: obj({ masterStudio: obj({ minMasterLevel: t.union([CertifiedLevel, t.null]) }) }),
    /**
     * Date rules (DOMAIN.md §17): the youngest age at which a school may register a student
     * (`talent.student-age`, read only for a student under 16); `null`: unset.
     */
    dates: obj({ minStudentAgeYears: t.union([PositiveInt, t.null]) }),
  },
  'PolicyDocument')
  return { Condition, Alternative, PromotionRule, CompetitionRule, CompetitionPrize, HonourEntry, ServiceEntry, OccupationEntry, AppointmentPolicy, FeaturedStandard, PolicyDocument }
}

/**
 * The storage format: how a `PolicyAdopted` event decodes. Lenient about unknown fields (they are
 * stripped), so events written before strict input still read.
 */
const stored = policyCodecs(
  (props) => t.type(props),
  (required, optional, name) => t.intersection([t.type(required), t.partial(optional)], name),
)
/** Strict input: an unknown field anywhere in a policy document is refused, naming its path. */
const input = policyCodecs(
  (props) => strictType(props),
  (required, optional, name) => strictFields(required, optional, name),
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
/** An honour of the catalogue (DOMAIN.md §14). */
export const HonourEntry = stored.HonourEntry
export type HonourEntry = t.TypeOf<typeof HonourEntry>
/** A service and who is entitled to it (DOMAIN.md §15). */
export const ServiceEntry = stored.ServiceEntry
export type ServiceEntry = t.TypeOf<typeof ServiceEntry>
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
