/**
 * The five targets as SVG progress bars: a track for the target, a fill for the actual (its width
 * is actual / target of the track, capped at the track), the two numbers and met / not met. The
 * `data-*` attributes carry the raw numbers so a reader (or a test) can check the geometry; a line under
 * each bar gives the deadline status (and the employment year carried, if any) as the text report does.
 */
import type { CityReport, TargetStatus } from '@talent-ledger/core'
import { escapeHtml, formatNumber, px } from './escape.js'
import { labelOf, TARGET_LABELS } from './labels.js'
import { targetStatusText } from '../dashboard-text.js'

const WIDTH = 760
const TRACK_X = 0
const TRACK_WIDTH = 480
const ROW = 80

/** Share of the target reached, 0…1; a missing actual (no statistics reported) is 0. */
export const progressOf = (t: Pick<TargetStatus, 'actual' | 'target'>): number => {
  const ratio = t.actual === null || t.target <= 0 ? 0 : t.actual / t.target
  return Number.isNaN(ratio) ? 0 : Math.min(1, Math.max(0, ratio))
}

const periodText = (t: TargetStatus): string => (t.period.from === null ? `by ${t.period.to}` : `${t.period.from} … ${t.period.to}`)

const row = (t: TargetStatus, index: number): string => {
  const unit = t.id.endsWith('share') ? ' %' : ''
  const label = labelOf(TARGET_LABELS, t.id)
  const y = index * ROW
  const fill = TRACK_WIDTH * progressOf(t)
  const status = t.met ? '已达成 met' : '未达成 not met'
  // the deadline judgement, worded as the text report words it (one test reads all three forms)
  const judgement = targetStatusText(t)
  const title = `${label.zh} ${label.en}: ${formatNumber(t.actual, unit)} / ${formatNumber(t.target, unit)}`
  return [
    `<g class="target${t.met ? ' met' : ''} status-${escapeHtml(t.status)}" data-target-id="${escapeHtml(t.id)}" data-actual="${t.actual ?? ''}" data-target="${t.target}" data-status="${escapeHtml(t.status)}" data-progress="${t.progress}" data-forecast="${t.forecast ?? ''}" data-deadline="${escapeHtml(t.deadline)}"${t.carriedFrom === undefined ? '' : ` data-carried-from="${t.carriedFrom}"`} transform="translate(0 ${y})">`,
    `<title>${escapeHtml(title)}</title>`,
    `<text x="${TRACK_X}" y="16" class="label">${escapeHtml(`${label.zh} ${label.en}`)} <tspan class="muted">(${escapeHtml(periodText(t))})</tspan></text>`,
    `<rect class="bar-track" x="${TRACK_X}" y="24" width="${TRACK_WIDTH}" height="22" rx="3"/>`,
    `<rect class="bar-fill" x="${TRACK_X}" y="24" width="${px(fill)}" height="22" rx="3"/>`,
    `<text x="${TRACK_X + TRACK_WIDTH + 12}" y="40" class="value">${escapeHtml(`${formatNumber(t.actual, unit)} / ${formatNumber(t.target, unit)}`)}</text>`,
    `<text x="${WIDTH}" y="16" class="status" text-anchor="end">${escapeHtml(`${t.met ? '✓' : '·'} ${status}`)}</text>`,
    `<text x="${TRACK_X}" y="64" class="judgement muted">${escapeHtml(judgement)}</text>`,
    '</g>',
  ].join('\n')
}

/** The targets chart as one `<svg>` element. */
export const targetBars = (report: Pick<CityReport, 'targets'>): string => {
  const height = report.targets.length * ROW
  return [
    `<svg id="targets-chart" class="chart" role="img" aria-labelledby="targets-title" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    '<title id="targets-title">目标进度 Progress toward the targets</title>',
    ...report.targets.map(row),
    '</svg>',
  ].join('\n')
}
