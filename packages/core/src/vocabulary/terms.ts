/**
 * The closed vocabularies of DOMAIN.md as io-ts codecs: what a command may say, in the words the
 * policy uses. These are storage format: adding a value is safe, renaming one needs an upcaster.
 */
import * as t from 'io-ts'

const oneOf = <K extends string>(name: string, values: ReadonlyArray<K>): t.KeyofC<Record<K, null>> =>
  t.keyof(Object.fromEntries(values.map((v) => [v, null])) as Record<K, null>, name)

/** Education (学历): technical schools, technician colleges, higher education. */
export const Education = oneOf('Education', [
  'none',
  'technical-school', // 技工学校
  'advanced-technical-school', // 高级技工学校
  'technician-college', // 技师学院
  'college', // 大专
  'bachelor',
  'master',
] as const)
export type Education = t.TypeOf<typeof Education>

/** Evaluation routes (多元评价). */
export const Route = oneOf('Route', [
  'vocational-qualification', // 职业资格评价
  'skill-level-recognition', // 职业技能等级认定
  'special-ability', // 专项职业能力考核
  'featured-industry', // 特色产业评价
  'appointment', // 评聘
] as const)
export type Route = t.TypeOf<typeof Route>

/** How a certificate came about: an evaluation route, or a competition (技能竞赛). */
export type CertificationRoute = Route | 'competition'

/** Kinds of registered organisation. */
export const OrganizationKind = oneOf('OrganizationKind', [
  'employer',
  'assessment-body', // 社会培训评价组织 / 备案评价机构
  'appraisal-body', // 职业资格鉴定机构
  'training-provider',
  'vocational-school',
] as const)
export type OrganizationKind = t.TypeOf<typeof OrganizationKind>

/** The six training fields (六大领域). */
export const TrainingField = oneOf('TrainingField', [
  'advanced-manufacturing', // 先进制造业
  'digital-economy', // 数字经济
  'low-altitude-economy', // 低空经济
  'transportation', // 交通运输
  'agriculture-rural', // 农业农村
  'life-services', // 生活服务
] as const)
export type TrainingField = t.TypeOf<typeof TrainingField>

/** Programme kinds. */
export const ProgrammeKind = oneOf('ProgrammeKind', [
  'new-apprenticeship', // 新型学徒制
  'ai-literacy', // 人工智能通识
  'specialized', // 专项技能
  'degree-plus-skill', // 学历+技能
  'industry-chain', // 链主/龙头企业行业培训
  'rural-craftsman', // 乡村工匠
  'heritage-craft', // 历史文化遗产技艺传承
] as const)
export type ProgrammeKind = t.TypeOf<typeof ProgrammeKind>

/** Competition tiers (四级联动 and the national and world contests above them). */
export const CompetitionTier = oneOf('CompetitionTier', [
  'world', // 世界技能大赛
  'national-1', // 国家级一类
  'national-2', // 国家级二类/行业
  'provincial',
  'municipal',
  'district',
  'enterprise',
] as const)
export type CompetitionTier = t.TypeOf<typeof CompetitionTier>

/** Benefits (激励) whose amount the core computes from the policy. */
export const BenefitKind = oneOf('BenefitKind', [
  'skill-upgrade-subsidy', // 技能提升补贴
  'first-certification-allowance', // 首次取证一次性奖励
  'apprenticeship-subsidy', // 新型学徒制补贴
  'housing-subsidy', // 购房补贴
  'living-allowance', // 生活补贴
  'competition-prize', // 竞赛奖金
] as const)
export type BenefitKind = t.TypeOf<typeof BenefitKind>

/** Incentives an employer records. */
export const IncentiveKind = oneOf('IncentiveKind', [
  'technology-equity', // 技术入股
  'post-dividend', // 岗位分红
  'wage-increase',
] as const)
export type IncentiveKind = t.TypeOf<typeof IncentiveKind>

/** Training carriers the bureau designates (培养载体). */
export const CarrierKind = oneOf('CarrierKind', [
  'industry-education-base', // 产教融合实训基地
  'high-skill-training-base', // 高技能人才培训基地
  'master-studio', // 技能大师工作室
  'worldskills-training-base', // 世赛国家/省集训基地
  'national-contest-training-base', // 全国大赛省级集训基地
] as const)
export type CarrierKind = t.TypeOf<typeof CarrierKind>

/** Kinds of honour of the catalogue (荣誉表彰, DOMAIN.md §14). */
export const HonourKind = oneOf('HonourKind', [
  'model-worker', // 劳动模范
  'may-day-medal', // 五一劳动奖章
  'craftsman', // 工匠
  'skill-champion', // 技能状元
  'technical-expert', // 技术能手
  'skills-award', // 技能大奖
  'other', // anything else, and the first release's free-text honours outside the catalogue
] as const)
export type HonourKind = t.TypeOf<typeof HonourKind>

/** Grades of a catalogued honour: who confers it, from the state down to a district. */
export const HonourGrade = oneOf('HonourGrade', ['national', 'provincial', 'municipal', 'district'] as const)
export type HonourGrade = t.TypeOf<typeof HonourGrade>

/** Grades of a training carrier (培养载体, DOMAIN.md §10): the level of government that designated it, national down to district. */
export const CarrierGrade = oneOf('CarrierGrade', ['national', 'provincial', 'municipal', 'district'] as const)
export type CarrierGrade = t.TypeOf<typeof CarrierGrade>

/** Services for high-skilled talents (DOMAIN.md §15): entitlements with delivery records, no money. */
export const ServiceKind = oneOf('ServiceKind', [
  'one-stop-service', // 一站式服务 (高层次人才一站式服务体系)
  'children-education', // 子女入学
  'medical-care', // 医疗 / 绿色通道
  'health-check', // 体检
  'recuperation', // 疗休养
] as const)
export type ServiceKind = t.TypeOf<typeof ServiceKind>

/** How often a service may be delivered to one talent: on request, once, once a calendar year. */
export const ServiceFrequency = oneOf('ServiceFrequency', ['on-request', 'once', 'yearly'] as const)
export type ServiceFrequency = t.TypeOf<typeof ServiceFrequency>

/**
 * Services granted on entering the talent pool (no money) under a policy without a `services`
 * block (documents written before DOMAIN.md §15); with one, the entitlement is derived from it.
 */
export const TALENT_POOL_SERVICES = ['children-education', 'medical-care', 'one-stop-service'] as const

/** Subsidy categories of the occupation catalogue. */
export const SubsidyCategory = oneOf('SubsidyCategory', ['A', 'B', 'C'] as const)
export type SubsidyCategory = t.TypeOf<typeof SubsidyCategory>

/** A non-empty string without surrounding blanks. */
export const NonEmptyString = t.refinement(t.string, (s) => s.trim().length > 0 && s.trim() === s, 'NonEmptyString')

/** A whole number ≥ 0 (money in fen, counts). */
export const NonNegativeInt = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n >= 0, 'NonNegativeInt')

/** A whole number ≥ 1. */
export const PositiveInt = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n >= 1, 'PositiveInt')

/** An occupation code of the national classification (职业分类大典), e.g. `6-18-02-04`. */
export const OccupationCode = t.refinement(t.string, (s) => /^\d(-\d{2}){1,3}$/.test(s), 'OccupationCode')
