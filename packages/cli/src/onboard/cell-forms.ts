/**
 * The forms a registry export writes its values in, read into the ledger's terms: levels as national
 * grades (五级 … 一级) or titles (初级工 … 高级技师) or ladder codes; education in Chinese; 一线 as
 * 是/否; dates as 2015-06-30, 2015/6/30, 2015.6.30, 2015年6月30日 or 20150630. Each reader returns
 * null for a value it does not know, so the row is refused naming the column.
 */
import { CertifiedLevel, Education, isLocalDate } from '@talent-ledger/core'

const LEVEL_FORMS: Readonly<Record<string, CertifiedLevel>> = {
  五级: 'junior', 初级工: 'junior', 初级: 'junior', 国家职业资格五级: 'junior',
  四级: 'intermediate', 中级工: 'intermediate', 中级: 'intermediate', 国家职业资格四级: 'intermediate',
  三级: 'senior', 高级工: 'senior', 高级: 'senior', 国家职业资格三级: 'senior',
  二级: 'technician', 技师: 'technician', 国家职业资格二级: 'technician',
  一级: 'senior-technician', 高级技师: 'senior-technician', 国家职业资格一级: 'senior-technician',
  特级技师: 'principal-technician',
  首席技师: 'chief-technician',
}

/** A level in any of its forms (`五级/初级工` both spelled counts too), or null. */
export const levelOf = (cell: string): CertifiedLevel | null => {
  const v = cell.replace(/\s/g, '')
  if (CertifiedLevel.is(v)) return v
  if (LEVEL_FORMS[v] !== undefined) return LEVEL_FORMS[v]
  // "五级/初级工", "三级（高级工）": every part must name the same level
  const parts = v.split(/[/／()（）、]/).filter((p) => p !== '')
  const levels = new Set(parts.map((p) => LEVEL_FORMS[p] ?? (CertifiedLevel.is(p) ? p : null)))
  return levels.size === 1 ? ([...levels][0] ?? null) : null
}

const EDUCATION_FORMS: Readonly<Record<string, Education>> = {
  无: 'none', 小学: 'none', 初中: 'none', 高中: 'none', 中专: 'none', 职高: 'none',
  技工学校: 'technical-school', 技校: 'technical-school',
  高级技工学校: 'advanced-technical-school',
  技师学院: 'technician-college',
  大专: 'college', 专科: 'college', 大学专科: 'college',
  本科: 'bachelor', 大学本科: 'bachelor', 学士: 'bachelor',
  硕士: 'master', 研究生: 'master', 硕士研究生: 'master', 博士: 'master', 博士研究生: 'master',
}

/** Education in Chinese or as a code; an empty cell is `none`; null when unknown. */
export const educationOf = (cell: string): Education | null => {
  const v = cell.replace(/\s/g, '')
  if (v === '') return 'none'
  return Education.is(v) ? v : (EDUCATION_FORMS[v] ?? null)
}

const YES = new Set(['是', '1', 'y', 'yes', 'true', '√'])
const NO = new Set(['否', '0', 'n', 'no', 'false', ''])

/** 一线: 是/否, yes/no, true/false, 1/0; empty is no; null when unknown. */
export const frontLineOf = (cell: string): boolean | null => {
  const v = cell.trim().toLowerCase()
  return YES.has(v) ? true : NO.has(v) ? false : null
}

const pad = (n: string): string => n.padStart(2, '0')

/** A date in any of the forms above, as `YYYY-MM-DD` when it is a real day; null otherwise. */
export const dateOf = (cell: string): string | null => {
  const v = cell.trim()
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v)
  if (m === null) return null
  const date = `${m[1]!}-${pad(m[2]!)}-${pad(m[3]!)}`
  return isLocalDate(date) ? date : null
}
