/**
 * Levels by district (各区技能人才等级) as a stacked SVG bar chart: one row per district, one
 * segment per level of the ladder on a common scale, with a legend of the levels that occur. An
 * empty ledger still draws the chart, with a "no data" line, so the page's layout never changes.
 */
import { REPORT_LEVELS, type CityReport } from '@talent-ledger/core'
import { escapeHtml, formatNumber, px } from './escape.js'
import { labelOf, LEVEL_LABELS } from './labels.js'

const WIDTH = 760
const LABEL_WIDTH = 140
const BAR_WIDTH = 540
const ROW = 34
const LEGEND_ROW = 22
const LEGEND_PER_ROW = 4

/** Fill colours by level, light to dark up the ladder (no level is grey). */
const COLOURS: Readonly<Record<string, string>> = {
  none: '#c8ccd2',
  apprentice: '#dbe9f6',
  junior: '#bad6eb',
  intermediate: '#89bedc',
  senior: '#f4a261',
  technician: '#e76f51',
  'senior-technician': '#c0392b',
  'principal-technician': '#8e2a5e',
  'chief-technician': '#4a1d6b',
}
const colourOf = (level: string): string => COLOURS[level] ?? '#777777'

const legend = (levels: ReadonlyArray<string>): string[] =>
  levels.map((level, i) => {
    const x = (i % LEGEND_PER_ROW) * (WIDTH / LEGEND_PER_ROW)
    const y = Math.floor(i / LEGEND_PER_ROW) * LEGEND_ROW
    const label = labelOf(LEVEL_LABELS, level)
    return `<g class="legend-item" data-level="${escapeHtml(level)}"><rect x="${px(x)}" y="${y + 4}" width="14" height="14" fill="${colourOf(level)}"/><text x="${px(x + 20)}" y="${y + 16}">${escapeHtml(`${label.zh} ${label.en}`)}</text></g>`
  })

/** The district chart as one `<svg>` element. */
export const districtChart = (report: Pick<CityReport, 'levelsByDistrict'>): string => {
  const districts = Object.entries(report.levelsByDistrict).sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
  const present = [...REPORT_LEVELS, ...new Set(districts.flatMap(([, c]) => Object.keys(c)))].filter(
    (l, i, all) => all.indexOf(l) === i && districts.some(([, c]) => (c[l] ?? 0) > 0),
  )
  const totals = districts.map(([, c]) => present.reduce((sum, l) => sum + (c[l] ?? 0), 0))
  const max = Math.max(0, ...totals)
  const top = Math.ceil(Math.max(1, present.length) / LEGEND_PER_ROW) * LEGEND_ROW + 10
  const height = top + Math.max(1, districts.length) * ROW
  const rows = districts.map(([district, counts], i) => {
    const y = top + i * ROW
    let x = LABEL_WIDTH
    const segments = present.map((level) => {
      const n = counts[level] ?? 0
      const w = max === 0 ? 0 : (BAR_WIDTH * n) / max
      const rect = `<rect class="segment" data-level="${escapeHtml(level)}" data-count="${n}" x="${px(x)}" y="${y + 4}" width="${px(w)}" height="22" fill="${colourOf(level)}"><title>${escapeHtml(`${district} · ${labelOf(LEVEL_LABELS, level).zh} ${labelOf(LEVEL_LABELS, level).en}: ${formatNumber(n)}`)}</title></rect>`
      x += w
      return rect
    })
    return [
      `<g class="district" data-district="${escapeHtml(district)}" data-total="${totals[i] ?? 0}">`,
      `<text class="label" x="0" y="${y + 20}">${escapeHtml(district)}</text>`,
      ...segments,
      `<text class="value" x="${px(x + 6)}" y="${y + 20}">${escapeHtml(formatNumber(totals[i] ?? 0))}</text>`,
      '</g>',
    ].join('\n')
  })
  const empty = districts.length === 0 ? [`<text class="muted" x="0" y="${top + 20}">暂无数据 no talents on record</text>`] : []
  return [
    `<svg id="districts-chart" class="chart" role="img" aria-labelledby="districts-title" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    '<title id="districts-title">各区技能人才等级 Levels by district</title>',
    '<g class="legend">',
    ...legend(present),
    '</g>',
    ...rows,
    ...empty,
    '</svg>',
  ].join('\n')
}
