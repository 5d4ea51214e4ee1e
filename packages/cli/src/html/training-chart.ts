/**
 * Trainings by the six fields (培训领域) as an SVG bar chart: per field, one bar for enrolments and
 * one for completions, on a common scale. Every field of the vocabulary gets a row, even at zero,
 * so the six are always there to compare.
 */
import { TrainingField, type CityReport } from '@talent-ledger/core'
import { escapeHtml, formatNumber, px } from './escape.js'
import { FIELD_LABELS, labelOf } from './labels.js'

const WIDTH = 760
const LABEL_WIDTH = 240
const BAR_WIDTH = 420
const ROW = 50
const LEGEND = 28

/** The six fields in vocabulary order, then any other field the report names. */
const fieldsOf = (report: Pick<CityReport, 'trainingsByField'>): string[] => {
  const known = Object.keys(TrainingField.keys)
  return [...known, ...Object.keys(report.trainingsByField).filter((f) => !known.includes(f)).sort()]
}

const bar = (kind: 'enrolled' | 'completed', value: number, max: number, y: number): string => {
  const w = max === 0 ? 0 : (BAR_WIDTH * value) / max
  return [
    `<rect class="bar-${kind}" x="${LABEL_WIDTH}" y="${y}" width="${px(w)}" height="16" data-value="${value}"/>`,
    `<text class="value" x="${px(LABEL_WIDTH + w + 6)}" y="${y + 13}">${escapeHtml(formatNumber(value))}</text>`,
  ].join('\n')
}

/** The trainings chart as one `<svg>` element. */
export const trainingChart = (report: Pick<CityReport, 'trainingsByField'>): string => {
  const fields = fieldsOf(report)
  const counts = fields.map((f) => report.trainingsByField[f] ?? { enrolled: 0, completed: 0 })
  const max = Math.max(0, ...counts.map((c) => Math.max(c.enrolled, c.completed)))
  const height = LEGEND + fields.length * ROW
  const rows = fields.map((field, i) => {
    const label = labelOf(FIELD_LABELS, field)
    const c = counts[i] ?? { enrolled: 0, completed: 0 }
    const y = LEGEND + i * ROW
    return [
      `<g class="field" data-field="${escapeHtml(field)}" data-enrolled="${c.enrolled}" data-completed="${c.completed}">`,
      // the English name goes under the Chinese one: side by side, the longest runs into the bars
      `<text class="label" x="0" y="${y + 17}">${escapeHtml(label.zh)}</text>`,
      `<text class="label muted" x="0" y="${y + 35}">${escapeHtml(label.en)}</text>`,
      bar('enrolled', c.enrolled, max, y + 4),
      bar('completed', c.completed, max, y + 22),
      '</g>',
    ].join('\n')
  })
  return [
    `<svg id="trainings-chart" class="chart" role="img" aria-labelledby="trainings-title" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    '<title id="trainings-title">培训情况（按领域） Trainings by field</title>',
    `<g class="legend"><rect class="bar-enrolled" x="${LABEL_WIDTH}" y="4" width="14" height="14"/><text x="${LABEL_WIDTH + 20}" y="16">参训 enrolled</text>`,
    `<rect class="bar-completed" x="${LABEL_WIDTH + 130}" y="4" width="14" height="14"/><text x="${LABEL_WIDTH + 150}" y="16">结业 completed</text></g>`,
    ...rows,
    '</svg>',
  ].join('\n')
}
