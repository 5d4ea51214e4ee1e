/**
 * Cooperation on the report page (DOMAIN.md §11, §16): the agreements' enrolments, completions and
 * hires by partners, and each vocational school's teachers; each count cell carries its number in a
 * `data-` attribute, so a reader program can check the page against `report --json`.
 */
import type { CooperationFigures } from '@talent-ledger/core'
import { escapeHtml } from './escape.js'

const header = (cells: ReadonlyArray<string>): string => `<thead><tr>${cells.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`
const count = (name: string, n: number): string => `<td class="num" data-${name}="${n}">${n}</td>`

/** The section's content: the agreements table and the teachers table, or a line saying there is nothing yet. */
export const cooperationTables = (figures: CooperationFigures): string => {
  const parts: string[] = []
  if (figures.agreements.length > 0)
    parts.push(
      '<table id="agreements-table">',
      '<caption>合作协议：在训、结业与合作企业录用 Agreements: enrolled, completed, hired by a partner</caption>',
      header(['协议 agreement', '类型 kind', '在训 enrolled', '结业 completed', '录用 hired by partner']),
      '<tbody>',
      ...figures.agreements.map(
        (r) =>
          `<tr class="agreement" data-agreement="${escapeHtml(r.agreementId)}"><th scope="row">${escapeHtml(r.agreementId)}</th><td>${escapeHtml(r.kind)}</td>${count('enrolled', r.enrolled)}${count('completed', r.completed)}${count('hired', r.hiredByPartner)}</tr>`,
      ),
      '</tbody>',
      '</table>',
    )
  const { teachers } = figures
  if (teachers.total > 0)
    parts.push(
      `<table id="teachers-table" data-total="${teachers.total}" data-high-skilled="${teachers.highSkilled}">`,
      `<caption>职业院校教师 ${teachers.total} 人，其中高技能人才 ${teachers.highSkilled} 人 Vocational-school teachers and how many are high-skilled</caption>`,
      header(['学校 school', '教师 teachers', '高技能 high-skilled']),
      '<tbody>',
      ...teachers.bySchool.map((s) => `<tr class="school" data-school="${escapeHtml(s.schoolId)}"><th scope="row">${escapeHtml(s.schoolId)}</th>${count('teachers', s.total)}${count('high-skilled', s.highSkilled)}</tr>`),
      '</tbody>',
      '</table>',
    )
  return parts.length === 0 ? '<p class="muted" id="cooperation-none">尚无合作协议或教师 no agreement or teacher yet</p>' : parts.join('\n')
}
