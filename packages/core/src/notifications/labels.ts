/**
 * The words notices use for the ledger's codes (术语), in zh-CN and en: levels of the ladder,
 * evaluation routes, benefits and talent-pool services. An unknown code is shown as it is.
 */
import type { Locale } from '../kernel/outbox.js'

type Labels = Readonly<Record<string, Readonly<Record<Locale, string>>>>

const LEVELS: Labels = {
  apprentice: { 'zh-CN': '学徒工', en: 'apprentice' },
  junior: { 'zh-CN': '初级工（五级）', en: 'junior worker (grade 5)' },
  intermediate: { 'zh-CN': '中级工（四级）', en: 'intermediate worker (grade 4)' },
  senior: { 'zh-CN': '高级工（三级）', en: 'senior worker (grade 3)' },
  technician: { 'zh-CN': '技师（二级）', en: 'technician (grade 2)' },
  'senior-technician': { 'zh-CN': '高级技师（一级）', en: 'senior technician (grade 1)' },
  'principal-technician': { 'zh-CN': '特级技师', en: 'principal technician' },
  'chief-technician': { 'zh-CN': '首席技师', en: 'chief technician' },
}

const ROUTES: Labels = {
  'vocational-qualification': { 'zh-CN': '职业资格评价', en: 'vocational qualification' },
  'skill-level-recognition': { 'zh-CN': '职业技能等级认定', en: 'skill level recognition' },
  'special-ability': { 'zh-CN': '专项职业能力考核', en: 'special ability assessment' },
  'featured-industry': { 'zh-CN': '特色产业评价', en: 'featured industry evaluation' },
  appointment: { 'zh-CN': '评聘', en: 'appointment' },
  competition: { 'zh-CN': '技能竞赛', en: 'skills competition' },
}

const BENEFITS: Labels = {
  'skill-upgrade-subsidy': { 'zh-CN': '技能提升补贴', en: 'skill upgrade subsidy' },
  'first-certification-allowance': { 'zh-CN': '首次取证一次性奖励', en: 'first certification allowance' },
  'apprenticeship-subsidy': { 'zh-CN': '新型学徒制补贴', en: 'new apprenticeship subsidy' },
  'housing-subsidy': { 'zh-CN': '购房补贴', en: 'housing subsidy' },
  'living-allowance': { 'zh-CN': '生活补贴', en: 'living allowance' },
  'competition-prize': { 'zh-CN': '竞赛奖金', en: 'competition prize' },
}

const SERVICES: Labels = {
  'children-education': { 'zh-CN': '子女教育', en: "children's education" },
  'medical-care': { 'zh-CN': '医疗保障', en: 'medical care' },
  'one-stop-service': { 'zh-CN': '高层次人才一站式服务', en: 'one-stop service for high-level talents' },
  'health-check': { 'zh-CN': '体检', en: 'health check' },
  recuperation: { 'zh-CN': '疗休养', en: 'recuperation' },
}

const label = (table: Labels) => (code: string | null, locale: Locale): string => (code === null ? '' : (table[code]?.[locale] ?? code))

/** A level's name. */
export const levelLabel = label(LEVELS)
/** An evaluation route's name. */
export const routeLabel = label(ROUTES)
/** A benefit's name. */
export const benefitLabel = label(BENEFITS)
/** A talent-pool service's name. */
export const serviceLabel = label(SERVICES)
