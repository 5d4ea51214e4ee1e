/**
 * One target's path as an SVG line chart with a data table beside it (issue 13, item 5): the yearly
 * actual figures (solid), the required straight-line path (dashed), the forecast at the deadline
 * (a dotted segment to a ringed point), the deadline as a vertical line, and the status as a colour
 * *and* a word, so colour is never the only carrier. The table repeats every plotted figure for a
 * screen reader; its cells carry the raw numbers in `data-*`, so a test can hold them against
 * `report --json` without parsing formatted text.
 */
import type { TargetStatus } from '@talent-ledger/core'
import { escapeHtml, formatNumber, px } from './escape.js'
import { labelOf, TARGET_LABELS } from './labels.js'

const WIDTH = 460
const HEIGHT = 240
const LEFT = 64
const RIGHT = 16
const TOP = 28
const BOTTOM = 44
const PLOT_W = WIDTH - LEFT - RIGHT
const PLOT_H = HEIGHT - TOP - BOTTOM

/** The status in both languages, the word shown beside its colour. */
export const STATUS_LABELS: Readonly<Record<TargetStatus['status'], string>> = {
  met: '已达成 met',
  'on-track': '进度正常 on track',
  'at-risk': '存在风险 at risk',
  missed: '未达成 missed',
  'no-data': '无数据 no data',
}

/** A date as a position on the year axis: year Y's last day sits at Y, so yearly points land on their year. */
const yearPosition = (date: string): number => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return Number.NaN
  const year = Number(date.slice(0, 4))
  const start = Date.UTC(year, 0, 1)
  const days = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000
  const dayOfYear = (Date.parse(`${date}T00:00:00Z`) - start) / 86_400_000 + 1
  return year - 1 + dayOfYear / days
}

/** A tidy top for the value axis: 1, 2 or 5 times a power of ten, at least `max`. */
const niceCeiling = (max: number): number => {
  if (max <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  return ([1, 2, 5, 10].map((m) => m * power).find((v) => v >= max) ?? 10 * power)
}

/** The day the figures stop: the report date, or the deadline once it has passed. */
const judgedDate = (t: TargetStatus, asOf: string): string => (asOf < t.deadline ? asOf : t.deadline)

const unitOf = (t: TargetStatus): { suffix: string; axis: string } =>
  t.id.endsWith('share') ? { suffix: ' %', axis: '百分比 %' } : { suffix: '', axis: t.id === 'carriers' ? '个数 count' : '人数 count' }

const polyline = (cls: string, points: ReadonlyArray<readonly [number, number]>): string =>
  points.length < 2 ? '' : `<polyline class="${cls}" fill="none" points="${points.map(([x, y]) => `${px(x)},${px(y)}`).join(' ')}"/>`

const svgOf = (t: TargetStatus, asOf: string, caption: string, summary: string): string => {
  const unit = unitOf(t)
  const first = t.trajectory[0]?.year ?? Number(asOf.slice(0, 4))
  const xMin = first - 1
  const end = yearPosition(t.deadline)
  const xMax = Number.isFinite(end) ? Math.max(end, first) : first
  const values = [t.target, t.forecast ?? 0, ...t.trajectory.flatMap((p) => [p.actual ?? 0, p.required])]
  const yMax = niceCeiling(Math.max(...values))
  const x = (year: number): number => LEFT + (PLOT_W * (year - xMin)) / (xMax - xMin)
  // the last yearly point is the figure on the day judged (report date or deadline), not at year end
  const judgedOn = judgedDate(t, asOf)
  const at = (year: number): number => x(year === Number(judgedOn.slice(0, 4)) ? yearPosition(judgedOn) : year)
  const y = (value: number): number => TOP + PLOT_H - (PLOT_H * value) / yMax
  const actual = t.trajectory.filter((p) => p.actual !== null).map((p) => [at(p.year), y(p.actual!)] as const)
  // the required path runs on to the target on the deadline, past the last year reported
  const required = t.trajectory.map((p) => [at(p.year), y(p.required)] as const)
  if (t.deadline > judgedOn) required.push([x(xMax), y(t.target)] as const)
  const last = actual.at(-1)
  const deadlineX = x(xMax)
  const forecast = t.forecast === null ? [] : [
    last !== undefined && last[0] < deadlineX - 0.5 ? polyline('forecast-line', [last, [deadlineX, y(t.forecast)]]) : '',
    `<circle class="forecast-point" cx="${px(deadlineX)}" cy="${px(y(t.forecast))}" r="5"/>`,
  ]
  const years = Array.from({ length: Math.floor(xMax) - first + 1 }, (_, i) => first + i)
  const step = Math.ceil(years.length / 8)
  return [
    `<svg class="chart path-chart" id="target-chart-${escapeHtml(t.id)}" role="img" aria-label="${escapeHtml(`${caption}. ${summary}`)}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">`,
    `<rect class="status-swatch" x="${LEFT}" y="4" width="12" height="12" rx="2"/>`,
    `<text class="status" x="${LEFT + 18}" y="15">${escapeHtml(STATUS_LABELS[t.status])}</text>`,
    `<line class="axis" x1="${LEFT}" y1="${TOP + PLOT_H}" x2="${WIDTH - RIGHT}" y2="${TOP + PLOT_H}"/>`,
    `<line class="axis" x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${TOP + PLOT_H}"/>`,
    ...[0, 0.5, 1].map((f) => `<text class="tick" x="${LEFT - 6}" y="${px(y(yMax * f) + 4)}" text-anchor="end">${escapeHtml(formatNumber(yMax * f))}</text>`),
    ...years.filter((_, i) => i % step === 0).map((yr) => `<text class="tick" x="${px(x(yr))}" y="${TOP + PLOT_H + 16}" text-anchor="middle">${yr}</text>`),
    `<text class="axis-label" x="${LEFT + PLOT_W / 2}" y="${HEIGHT - 6}" text-anchor="middle">年末 year end</text>`,
    `<text class="axis-label" transform="translate(14 ${TOP + PLOT_H / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(unit.axis)}</text>`,
    `<line class="deadline" x1="${px(deadlineX)}" y1="${TOP - 6}" x2="${px(deadlineX)}" y2="${TOP + PLOT_H}"/>`,
    `<text class="deadline-label" x="${px(deadlineX - 4)}" y="${TOP + 6}" text-anchor="end">期限 deadline ${escapeHtml(t.deadline)}</text>`,
    polyline('required-line', required),
    polyline('actual-line', actual),
    ...actual.map(([cx, cy]) => `<circle class="actual-point" cx="${px(cx)}" cy="${px(cy)}" r="3"/>`),
    ...forecast,
    '</svg>',
  ].join('\n')
}

const numCell = (attr: string, n: number | null, suffix: string): string => `<td class="num" data-${attr}="${n ?? ''}">${escapeHtml(formatNumber(n, suffix))}</td>`

/** One target's chart and table, side by side in a `<figure>`. */
export const targetChart = (t: TargetStatus, asOf: string): string => {
  const label = labelOf(TARGET_LABELS, t.id)
  const { suffix } = unitOf(t)
  const caption = `${label.zh} ${label.en}`
  const latest = t.trajectory.at(-1)
  const summary = [
    `status ${t.status}`,
    `target ${formatNumber(t.target, suffix)}${t.scaledBy === undefined ? '' : ` (scaled ×${t.scaledBy})`} by ${t.deadline}`,
    latest === undefined ? 'no yearly figures' : `${latest.year}: actual ${formatNumber(latest.actual, suffix)}, required ${formatNumber(latest.required, suffix)}`,
    `forecast at the deadline ${formatNumber(t.forecast, suffix)}`,
  ].join('; ')
  const judgedOn = judgedDate(t, asOf)
  const lastYear = Number(judgedOn.slice(0, 4))
  const rows = t.trajectory.map(
    (p) => `<tr class="trajectory-point" data-year="${p.year}"><th scope="row">${p.year}${p.year === lastYear && !judgedOn.endsWith('-12-31') ? ` <span class="muted">至 to ${escapeHtml(judgedOn)}</span>` : ''}</th>${numCell('actual', p.actual, suffix)}${numCell('required', p.required, suffix)}</tr>`,
  )
  return [
    `<figure class="target-path status-${escapeHtml(t.status)}" data-target-id="${escapeHtml(t.id)}" data-status="${escapeHtml(t.status)}">`,
    `<figcaption>${escapeHtml(caption)} <span class="muted">— ${escapeHtml(STATUS_LABELS[t.status])}${t.scaledBy === undefined ? '' : escapeHtml(` · 目标缩放 target scaled ×${t.scaledBy}`)}</span></figcaption>`,
    '<div class="path-body">',
    svgOf(t, asOf, caption, summary),
    `<table class="path-table">`,
    `<caption>${escapeHtml(`${caption}：实际与要求 actual against required`)}</caption>`,
    '<thead><tr><th scope="col">年 year</th><th scope="col">实际 actual</th><th scope="col">要求 required</th></tr></thead>',
    '<tbody>',
    ...rows,
    `<tr class="forecast-row" data-deadline="${escapeHtml(t.deadline)}"><th scope="row">预测 forecast ${escapeHtml(t.deadline)}</th>${numCell('forecast', t.forecast, suffix)}${numCell('target', t.target, suffix)}</tr>`,
    '</tbody>',
    '</table>',
    '</div>',
    '</figure>',
  ].join('\n')
}

/** Every target's path chart, one after another. */
export const targetCharts = (report: { readonly asOf: string; readonly targets: ReadonlyArray<TargetStatus> }): string =>
  `<div id="target-paths">\n${report.targets.map((t) => targetChart(t, report.asOf)).join('\n')}\n</div>`
