/**
 * The dashboard as a readable text table for a terminal: targets first (each with its status line),
 * then levels by district
 * and trainings by field. (`report --json` is the form for programs.) Strings from the store are
 * printed through `terminalSafe`.
 */
import { REPORT_LEVELS, type CityReport, type TargetStatus } from '@talent-ledger/core'
import { terminalSafe } from './terminal-text.js'

/** Terminal width of a string: CJK characters take two columns. */
const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0)
const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)))
const fmt = (n: number | null, unit = ''): string => (n === null ? 'not reported' : `${n.toLocaleString('en-US')}${unit}`)

/** A scale as a percentage of the city (0.01 → "1 %"). */
export const scalePercent = (scale: number): string => `${Math.round(scale * 100 * 10_000) / 10_000} %`

/**
 * A target's status line, under its figures: status, progress, deadline, forecast, and the figure
 * judged once the deadline has passed; for the skilled share, the employment year used or carried.
 */
export const targetStatusText = (t: TargetStatus): string => {
  const unit = t.id.endsWith('share') ? ' %' : ''
  // a count of people forecast is shown whole, rounded down so the line never claims a person the
  // trend has not reached; the status was decided on the exact figure
  const forecast = t.forecast === null || unit !== '' ? t.forecast : Math.floor(t.forecast)
  const parts = [`status ${t.status}`, `progress ${Math.round(t.progress * 1000) / 10} %`, `deadline ${t.deadline}`, `forecast ${fmt(forecast, unit)}`]
  if (t.actualAtDeadline !== undefined) parts.push(`at deadline ${fmt(t.actualAtDeadline, unit)}`)
  if (t.scaledBy !== undefined) parts.push(`target scaled ×${t.scaledBy}`)
  if (t.carriedFrom !== undefined) parts.push(`employment carried from ${t.carriedFrom}`)
  else if (t.employmentYear !== undefined && t.employmentYear !== null) parts.push(`employment ${t.employmentYear}`)
  return parts.join(' · ')
}

/** The report as lines of text. */
export const dashboardText = (r: CityReport): string[] => {
  const lines = [`City dashboard as of ${r.asOf} (policy ${terminalSafe(r.policyId)})`]
  // a simulation's policy scales the count targets: say so before any figure is read against them
  if (r.targetScale !== null) lines.push(`  count targets scaled ×${r.targetScale} (${scalePercent(r.targetScale)} of the city's) by the policy's targets.scale: a simulation, not the city's own targets`)
  for (const t of r.targets) {
    const unit = t.id.endsWith('share') ? ' %' : ''
    lines.push(`  ${t.met ? '✓' : '·'} ${t.id.padEnd(22)} target ${fmt(t.target, unit).padStart(10)}   actual ${fmt(t.actual, unit).padStart(12)}`)
    lines.push(`      ${targetStatusText(t)}`)
  }
  lines.push(
    `  talents ${fmt(r.talentsTotal)}, skilled ${fmt(r.skilledTotal)}, high-skilled ${fmt(r.highSkilledTotal)}, employed persons ${fmt(r.employedPersons)} (${r.employedPersonsYear ?? '—'})`,
  )
  const levels = REPORT_LEVELS.filter((l) => Object.values(r.levelsByDistrict).some((d) => (d[l] ?? 0) > 0))
  if (levels.length > 0) {
    // each column as wide as its level's full name: a cut name (`intermedia`) reads as a typo
    const cols = levels.map((l) => Math.max(11, l.length + 2))
    lines.push('', 'Levels by district', `  ${padEnd('district', 10)}${levels.map((l, i) => l.padStart(cols[i]!)).join('')}`)
    for (const [district, counts] of Object.entries(r.levelsByDistrict).sort())
      lines.push(`  ${padEnd(terminalSafe(district), 10)}${levels.map((l, i) => String(counts[l] ?? 0).padStart(cols[i]!)).join('')}`)
  }
  const fields = Object.entries(r.trainingsByField).sort()
  if (fields.length > 0) {
    lines.push('', 'Trainings by field (enrolled / completed)')
    for (const [field, t] of fields) lines.push(`  ${padEnd(terminalSafe(field), 24)} ${String(t.enrolled).padStart(7)} / ${t.completed}`)
  }
  return lines
}
