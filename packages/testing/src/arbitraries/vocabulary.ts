/**
 * Arbitraries for the closed vocabularies of DOMAIN.md, built from the core's own codecs
 * (`.keys` of each `t.keyof`), so a value added to a vocabulary is generated without touching this file.
 */
import * as fc from 'fast-check'
import {
  Actor,
  BenefitKind,
  CarrierKind,
  CertifiedLevel,
  CompetitionTier,
  Education,
  IncentiveKind,
  LEVELS,
  OrganizationKind,
  ProgrammeKind,
  Route,
  SubsidyCategory,
  TrainingField,
  nationalIdCheckChar,
  type ActorRole,
} from '@talent-ledger/core'
import { addDays, localDate } from './dates.js'

/** The keys of a `t.keyof` codec, in declaration order. */
export const keysOf = <K extends string>(codec: { readonly keys: Readonly<Record<K, unknown>> }): K[] => Object.keys(codec.keys) as K[]

const from = <K extends string>(codec: { readonly keys: Readonly<Record<K, unknown>> }): fc.Arbitrary<K> => fc.constantFrom(...keysOf(codec))

/** Any rung of the ladder (apprentice included). */
export const level = fc.constantFrom(...LEVELS)
/** A level a certificate can carry (新八级工 without 学徒工). */
export const certifiedLevel = from(CertifiedLevel)
/** Levels an assessment route certifies (junior … senior-technician). */
export const assessedLevel = fc.constantFrom(...keysOf(CertifiedLevel).filter((l) => l !== 'principal-technician' && l !== 'chief-technician'))
/** Education (学历). */
export const education = from(Education)
/** Evaluation route (多元评价). */
export const route = from(Route)
/** Organisation kind. */
export const organizationKind = from(OrganizationKind)
/** Training field (六大领域). */
export const trainingField = from(TrainingField)
/** Programme kind. */
export const programmeKind = from(ProgrammeKind)
/** Competition tier. */
export const competitionTier = from(CompetitionTier)
/** Benefit kind. */
export const benefitKind = from(BenefitKind)
/** Incentive kind. */
export const incentiveKind = from(IncentiveKind)
/** Carrier kind (培养载体). */
export const carrierKind = from(CarrierKind)
/** Subsidy category of the occupation catalogue. */
export const subsidyCategory = from(SubsidyCategory)
/** Every actor role, auditors included. */
export const actorRole: fc.Arbitrary<ActorRole> = from(Actor.props.role)

/**
 * Occupation codes the generated histories use: two of major group 6 (生产制造及有关人员, where the
 * first-certification allowance applies) and three outside it.
 */
export const OCCUPATIONS = ['6-18-02-04', '6-28-01-14', '4-13-01-02', '2-02-10-09', '5-01-01-01'] as const

/** An occupation code: mostly from `OCCUPATIONS`, sometimes any code of the classification's shape. */
export const occupationCode: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...OCCUPATIONS), weight: 4 },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 3 }))
      .map(([major, rest]) => [String(major), ...rest.map((n) => String(n).padStart(2, '0'))].join('-')),
    weight: 1,
  },
)

/** Districts of Lianyungang (连云港) the histories spread talents over. */
export const DISTRICTS = ['海州区', '连云区', '赣榆区', '东海县', '灌云县', '灌南县'] as const
/** A district. */
export const district = fc.constantFrom(...DISTRICTS)

/** A birth date and a national ID number (GB 11643, Lianyungang 320700 prefix) that agree with it. */
export const birthAndNationalId: fc.Arbitrary<{ readonly birthDate: string; readonly nationalId: string }> = fc
  .tuple(localDate({ min: '1960-01-01', max: '2006-12-31' }), fc.integer({ min: 0, max: 999 }))
  .map(([birthDate, sequence]) => {
    const first17 = `320700${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`
    return { birthDate, nationalId: `${first17}${nationalIdCheckChar(first17)}` }
  })

/**
 * A birth date `age` whole years (plus `extraDays`) before `date`, and a national ID (Lianyungang
 * 320700) that encodes it: a person who had turned `age` by `date` (DOMAIN.md §17 working age).
 */
export const bornBefore = (date: string, age: number, extraDays: number, sequence: number): { readonly birthDate: string; readonly nationalId: string } => {
  const [y, m, d] = [Number(date.slice(0, 4)) - age, date.slice(5, 7), date.slice(8, 10)]
  const anniversary = m === '02' && d === '29' ? `${String(y).padStart(4, '0')}-02-28` : `${String(y).padStart(4, '0')}-${m}-${d}`
  const birthDate = addDays(anniversary, -extraDays)
  const first17 = `320700${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`
  return { birthDate, nationalId: `${first17}${nationalIdCheckChar(first17)}` }
}

/** A person's name (姓名), for registrations. */
export const personName = fc.tuple(fc.constantFrom('王', '李', '张', '刘', '陈', '杨', '赵', '黄'), fc.constantFrom('伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '勇', '军')).map(([a, b]) => `${a}${b}`)

/** The id of the featured-industry standard generated policies may carry (DOMAIN.md §13). */
export const FEATURED_STANDARD_ID = 'std-gen'
