/**
 * Money on the report page (DOMAIN.md §16): benefit totals by kind as an SVG bar chart, then a
 * table of grants by kind, year and district with the amount flagged after a revocation. Amounts
 * are shown in 元 (the ledger keeps fen); each cell also carries the fen in `data-fen`, so a reader
 * program can check the page against `report --json` without parsing formatted money.
 */
import { formatFen, type BenefitFigures } from '@talent-ledger/core'
import { benefitTotalsTable } from './chart-tables.js'
import { escapeHtml, formatNumber, px } from './escape.js'

const WIDTH = 760
const LABEL_WIDTH = 240
const BAR_WIDTH = 360
const ROW = 26

const yuan = (fen: number): string => formatFen(fen, 'zh-CN')

const totalsChart = (totals: BenefitFigures['benefitTotals']): string => {
  const entries = Object.entries(totals)
  const max = Math.max(0, ...entries.map(([, fen]) => fen))
  const height = entries.length * ROW + 4
  const rows = entries.map(([benefit, fen], i) => {
    const y = i * ROW + 4
    const w = max === 0 ? 0 : (BAR_WIDTH * fen) / max
    return [
      `<g class="benefit-total" data-benefit="${escapeHtml(benefit)}" data-fen="${fen}">`,
      `<text class="label" x="0" y="${y + 13}">${escapeHtml(benefit)}</text>`,
      `<rect class="bar-enrolled" x="${LABEL_WIDTH}" y="${y}" width="${px(w)}" height="16"/>`,
      `<text class="value" x="${px(LABEL_WIDTH + w + 6)}" y="${y + 13}">${escapeHtml(yuan(fen))}</text>`,
      '</g>',
    ].join('\n')
  })
  return [
    `<svg id="benefit-totals-chart" class="chart" role="img" aria-labelledby="benefit-totals-title" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    '<title id="benefit-totals-title">补贴发放合计（按类别） Benefit totals by kind</title>',
    ...rows,
    '</svg>',
  ].join('\n')
}

const cell = (fen: number): string => `<td class="num" data-fen="${fen}">${escapeHtml(yuan(fen))}</td>`

/** The benefits section's content: the chart and the table, or a line saying there is nothing yet. */
export const benefitsTable = (figures: BenefitFigures): string => {
  if (figures.benefits.length === 0) return '<p class="muted" id="benefits-none">截至报告日无补贴发放 no benefits granted by the report date</p>'
  const rows = figures.benefits.map(
    (r) =>
      `<tr class="benefit" data-benefit="${escapeHtml(r.benefit)}" data-year="${r.year}" data-district="${escapeHtml(r.district)}"><td>${escapeHtml(r.benefit)}</td><td>${r.year}</td><td>${escapeHtml(r.district)}</td><td class="num" data-grants="${r.grants}">${escapeHtml(formatNumber(r.grants))}</td>${cell(r.amount)}${cell(r.flaggedAmount)}</tr>`,
  )
  return [
    totalsChart(figures.benefitTotals),
    benefitTotalsTable(figures.benefitTotals),
    '<table id="benefits-table">',
    '<thead><tr><th>类别 benefit</th><th>年度 year</th><th>区 district</th><th>笔数 grants</th><th>金额 amount</th><th>待复核 flagged</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
  ].join('\n')
}
