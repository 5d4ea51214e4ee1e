/**
 * The eight-level ladder (新八级工) [人社部发〔2022〕14号]. `apprentice` (学徒工) is a state, not a
 * certificate: set when a talent with no certificate enrols in a new apprenticeship.
 */
import * as t from 'io-ts'

/** The ladder, lowest first. Order matters: comparisons use the index. */
export const LEVELS = [
  'apprentice', // 学徒工
  'junior', // 初级工 五级
  'intermediate', // 中级工 四级
  'senior', // 高级工 三级
  'technician', // 技师 二级
  'senior-technician', // 高级技师 一级
  'principal-technician', // 特级技师 (appointed)
  'chief-technician', // 首席技师 (appointed)
] as const

/** A rung of the ladder. */
export const Level = t.keyof(Object.fromEntries(LEVELS.map((l) => [l, null])) as Record<(typeof LEVELS)[number], null>, 'Level')
export type Level = t.TypeOf<typeof Level>

/** A level a certificate can carry (every rung but `apprentice`). */
export const CertifiedLevel = t.keyof(
  Object.fromEntries(LEVELS.slice(1).map((l) => [l, null])) as Record<Exclude<Level, 'apprentice'>, null>,
  'CertifiedLevel',
)
export type CertifiedLevel = t.TypeOf<typeof CertifiedLevel>

// each rung's index, looked up instead of searched: the dashboard ranks every certificate for every date it reports on
const RANKS: ReadonlyMap<string, number> = new Map(LEVELS.map((l, i) => [l, i]))

/** A level a national occupational standard can reach (junior … senior-technician): what assessments certify. */
export const StandardLevel = t.keyof(
  Object.fromEntries(LEVELS.slice(1, 6).map((l) => [l, null])) as Record<'junior' | 'intermediate' | 'senior' | 'technician' | 'senior-technician', null>,
  'StandardLevel',
)
export type StandardLevel = t.TypeOf<typeof StandardLevel>

/** The appointed levels (评聘): principal and chief technician, held as posts (DOMAIN.md §12). */
export const PostLevel = t.keyof({ 'principal-technician': null, 'chief-technician': null }, 'PostLevel')
export type PostLevel = t.TypeOf<typeof PostLevel>

/** Position on the ladder; -1 for no level at all. */
export const rank = (level: Level | null): number => (level === null ? -1 : (RANKS.get(level) ?? -1))

/** 技能人才: junior and above. */
export const isSkilled = (level: Level | null): boolean => rank(level) >= rank('junior')

/** 高技能人才: senior and above [中办发〔2022〕58号]. */
export const isHighSkilled = (level: Level | null): boolean => rank(level) >= rank('senior')

/** The higher of two levels. */
export const maxLevel = (a: Level | null, b: Level | null): Level | null => (rank(a) >= rank(b) ? a : b)

/** National grade (国家职业资格等级) of a level, where it has one. */
export const NATIONAL_GRADE: Readonly<Record<Level, string | null>> = {
  apprentice: null,
  junior: '五级',
  intermediate: '四级',
  senior: '三级',
  technician: '二级',
  'senior-technician': '一级',
  'principal-technician': null,
  'chief-technician': null,
}
