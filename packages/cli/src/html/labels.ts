/**
 * Bilingual (中文 + English) labels of the report page: targets, levels of the ladder and the six
 * training fields. Unknown keys fall back to the key itself, so a new level or field still shows.
 */
import type { TargetId } from '@talent-ledger/core'

/** A label in both languages. */
export interface Label {
  readonly zh: string
  readonly en: string
}

/** The five dashboard targets (DOMAIN.md §1). */
export const TARGET_LABELS: Readonly<Record<TargetId, Label>> = {
  'new-high-skilled-2030': { zh: '新增高技能人才', en: 'New high-skilled talents' },
  'skilled-share': { zh: '技能人才占就业人员比例', en: 'Skilled talents / employed persons' },
  'high-skilled-share': { zh: '高技能人才占技能人才比例', en: 'High-skilled / skilled talents' },
  'high-skilled-2035': { zh: '高技能人才总量', en: 'High-skilled talents in total' },
  carriers: { zh: '技能人才培养载体', en: 'Training carriers' },
}

/** Rungs of the ladder (新八级工), plus `none` for talents without a certificate. */
export const LEVEL_LABELS: Readonly<Record<string, Label>> = {
  none: { zh: '无等级', en: 'no level' },
  apprentice: { zh: '学徒工', en: 'apprentice' },
  junior: { zh: '初级工', en: 'junior' },
  intermediate: { zh: '中级工', en: 'intermediate' },
  senior: { zh: '高级工', en: 'senior' },
  technician: { zh: '技师', en: 'technician' },
  'senior-technician': { zh: '高级技师', en: 'senior technician' },
  'principal-technician': { zh: '特级技师', en: 'principal technician' },
  'chief-technician': { zh: '首席技师', en: 'chief technician' },
}

/** The six training fields, in the vocabulary's order. */
export const FIELD_LABELS: Readonly<Record<string, Label>> = {
  'advanced-manufacturing': { zh: '先进制造业', en: 'Advanced manufacturing' },
  'digital-economy': { zh: '数字经济', en: 'Digital economy' },
  'low-altitude-economy': { zh: '低空经济', en: 'Low-altitude economy' },
  transportation: { zh: '交通运输', en: 'Transportation' },
  'agriculture-rural': { zh: '农业农村', en: 'Agriculture & rural' },
  'life-services': { zh: '生活服务', en: 'Life services' },
}

/** The label of `key` in `labels`, or the key itself in both languages. */
export const labelOf = (labels: Readonly<Record<string, Label>>, key: string): Label => labels[key] ?? { zh: key, en: key }
