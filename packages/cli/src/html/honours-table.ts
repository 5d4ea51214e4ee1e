/**
 * Honours on the report page (DOMAIN.md §14, §16): a table per catalogued honour and year of the
 * reported list, the recipients the ledger holds and those high-skilled that day, then the overall
 * share against the policy's target. Each count cell carries its number in a `data-` attribute, so a
 * reader program can check the page against `report --json`.
 */
import type { HonourCounts, HonourFigures } from '@talent-ledger/core'
import { escapeHtml } from './escape.js'

const num = (key: string, v: number | null): string => `<td class="num" data-${key}="${v === null ? '' : v}">${v === null ? '—' : escapeHtml(String(v))}</td>`
const counts = (c: HonourCounts): string =>
  `<td>${c.year}</td>${num('reported', c.reported)}${num('in-ledger', c.inLedger)}${num('high-skilled', c.highSkilled)}${num('share', c.highSkilledSharePercent)}`

/** The honours section's content: the table, or a line saying there is nothing yet. */
export const honoursTable = (figures: HonourFigures): string => {
  if (figures.honours.length === 0) return '<p class="muted" id="honours-none">截至报告日无荣誉记录 no honours by the report date</p>'
  const rows = figures.honours.map((r) => `<tr class="honour" data-honour="${escapeHtml(r.honourId)}" data-year="${r.year}"><th scope="row">${escapeHtml(r.honourId)}</th><td>${escapeHtml(r.grade)}</td>${counts(r)}</tr>`)
  const { target, met, overall } = figures.honourShares
  const overallRows = overall.map((o) => `<tr class="honour-overall" data-year="${o.year}"><th scope="row" colspan="2">合计 overall</th>${counts(o)}</tr>`)
  return [
    '<table id="honours-table">',
    '<caption>荣誉表彰：名单人数、在册人数与高技能人才占比 Honours: reported list, recipients in the ledger, high-skilled share</caption>',
    `<thead><tr>${['荣誉 honour', '级别 grade', '年度 year', '名单人数 reported', '在册 in ledger', '高技能 high-skilled', '占比 share %'].map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows,
    ...overallRows,
    '</tbody>',
    '</table>',
    `<p class="muted" id="honours-target" data-target="${target === null ? '' : target}" data-met="${met === null ? '' : String(met)}">目标 target: ${target === null ? '未设定 unset' : escapeHtml(`${target} %`)}${met === null ? '' : met ? ' · 已达成 met' : ' · 未达成 not met'}</p>`,
  ].join('\n')
}
