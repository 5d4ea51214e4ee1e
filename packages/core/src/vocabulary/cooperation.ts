/**
 * The vocabulary of cooperation (DOMAIN.md §11): enterprise designations, kinds of agreement between
 * a lead and its partners, and how a talent relates to its employer.
 */
import * as t from 'io-ts'

const oneOf = <K extends string>(name: string, values: ReadonlyArray<K>) =>
  t.keyof(Object.fromEntries(values.map((v) => [v, null])) as Record<K, null>, name)

/** Designations of an enterprise (made by 工信, recorded by the bureau); each may train its chain's staff. */
export const EnterpriseDesignation = oneOf('EnterpriseDesignation', [
  'chain-leader', // 链主企业
  'industry-leader', // 龙头企业
  'specialized-sme', // 专精特新
] as const)
export type EnterpriseDesignation = t.TypeOf<typeof EnterpriseDesignation>

/** Kinds of cooperation agreement (备案). */
export const AgreementKind = oneOf('AgreementKind', [
  'industry-chain', // 链主/龙头企业带动产业链: lead a designated employer
  'order-class', // 订单班: lead a vocational school
  'named-class', // 冠名班: lead a vocational school
  'modern-apprenticeship', // 现代学徒制 (not 新型学徒制: no apprenticeship subsidy): lead a vocational school
] as const)
export type AgreementKind = t.TypeOf<typeof AgreementKind>

/** How a talent relates to its employer: `student` and `teacher` are a vocational school's. */
export const TalentRelation = oneOf('TalentRelation', [
  'employee',
  'teacher', // 职业院校教师
  'student', // 在校生: no occupationSince until hired
] as const)
export type TalentRelation = t.TypeOf<typeof TalentRelation>

/** The organisation kind an agreement's lead must be registered as. */
export const leadKindOf = (kind: AgreementKind): 'employer' | 'vocational-school' => (kind === 'industry-chain' ? 'employer' : 'vocational-school')

/** The programme kind a training under an agreement of `kind` must be (DOMAIN.md §11 training.matches-agreement). */
export const trainingKindOf = (kind: AgreementKind): 'industry-chain' | 'degree-plus-skill' => (kind === 'industry-chain' ? 'industry-chain' : 'degree-plus-skill')

/** The organisation kind a talent's employer must be for `relation`. */
export const employerKindOf = (relation: TalentRelation): 'employer' | 'vocational-school' => (relation === 'employee' ? 'employer' : 'vocational-school')
