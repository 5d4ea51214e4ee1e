/**
 * Services on the report page (DOMAIN.md §15, §16): deliveries per service and year, and the talents
 * entitled on the report date; each count cell carries its number in a `data-` attribute, so a reader
 * program can check the page against `report --json`.
 */
import type { ServiceFigures } from '@talent-ledger/core'
import { escapeHtml } from './escape.js'

/** The services section's content: the table, or a line saying there is nothing yet. */
export const servicesTable = (figures: ServiceFigures): string => {
  if (figures.services.length === 0) return '<p class="muted" id="services-none">政策未列出服务 the policy lists no service</p>'
  const rows = figures.services.map(
    (r) =>
      `<tr class="service" data-service="${escapeHtml(r.service)}" data-year="${r.year}"><th scope="row">${escapeHtml(r.service)}</th><td>${r.year}</td><td class="num" data-delivered="${r.delivered}">${r.delivered}</td><td class="num" data-entitled="${r.entitledNow === null ? '' : r.entitledNow}">${r.entitledNow === null ? '未设定 unset' : r.entitledNow}</td></tr>`,
  )
  return [
    '<table id="services-table">',
    '<caption>人才服务：提供次数与报告日享有资格人数 Services: deliveries and talents entitled on the report date</caption>',
    `<thead><tr>${['服务 service', '年度 year', '已提供 delivered', '现有资格 entitled now'].map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
  ].join('\n')
}
