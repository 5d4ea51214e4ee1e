/**
 * The data tables that stand beside the report's bar charts (trainings, levels by district, benefit
 * totals): the same figures as the bars, as a captioned table with header cells, so a screen reader
 * (or a reader who wants the exact number) gets everything the picture shows. Cells carry the raw
 * number in `data-*` so a test can check them against `report --json`.
 */
import { formatFen, REPORT_LEVELS, TrainingField, type BenefitFigures, type CityReport } from '@talent-ledger/core'
import { escapeHtml, formatNumber } from './escape.js'
import { FIELD_LABELS, labelOf, LEVEL_LABELS } from './labels.js'

const table = (id: string, caption: string, head: ReadonlyArray<string>, rows: ReadonlyArray<string>): string =>
  [
    `<table id="${id}" class="chart-table">`,
    `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
  ].join('\n')

const num = (attr: string, n: number): string => `<td class="num" data-${attr}="${n}">${escapeHtml(formatNumber(n))}</td>`

/** Enrolments and completions by field, every field of the vocabulary (as the chart draws them). */
export const trainingTable = (report: Pick<CityReport, 'trainingsByField'>): string => {
  const known = Object.keys(TrainingField.keys)
  const fields = [...known, ...Object.keys(report.trainingsByField).filter((f) => !known.includes(f)).sort()]
  const rows = fields.map((field) => {
    const c = report.trainingsByField[field] ?? { enrolled: 0, completed: 0 }
    const label = labelOf(FIELD_LABELS, field)
    return `<tr data-field="${escapeHtml(field)}"><th scope="row">${escapeHtml(`${label.zh} ${label.en}`)}</th>${num('enrolled', c.enrolled)}${num('completed', c.completed)}</tr>`
  })
  return table('trainings-table', '培训情况（按领域） Trainings by field', ['领域 field', '参训 enrolled', '结业 completed'], rows)
}

/** Talents by district and level, the levels that occur in some district (as the chart's legend). */
export const districtTable = (report: Pick<CityReport, 'levelsByDistrict'>): string => {
  const districts = Object.keys(report.levelsByDistrict).sort()
  const levels = REPORT_LEVELS.filter((l) => districts.some((d) => (report.levelsByDistrict[d]?.[l] ?? 0) > 0))
  if (districts.length === 0) return ''
  const rows = districts.map((d) => {
    const counts = report.levelsByDistrict[d] ?? {}
    return `<tr data-district="${escapeHtml(d)}"><th scope="row">${escapeHtml(d)}</th>${levels.map((l) => num(`level-${l}`, counts[l] ?? 0)).join('')}</tr>`
  })
  const head = ['区 district', ...levels.map((l) => `${labelOf(LEVEL_LABELS, l).zh} ${labelOf(LEVEL_LABELS, l).en}`)]
  return table('districts-table', '各区技能人才等级 Levels by district', head, rows)
}

/** Benefit totals by kind in 元, with the fen in `data-fen`. */
export const benefitTotalsTable = (totals: BenefitFigures['benefitTotals']): string =>
  table(
    'benefit-totals-table',
    '补贴发放合计（按类别，元） Benefit totals by kind (yuan)',
    ['类别 benefit', '金额 amount'],
    Object.entries(totals).map(
      ([benefit, fen]) => `<tr data-benefit="${escapeHtml(benefit)}"><th scope="row">${escapeHtml(benefit)}</th><td class="num" data-fen="${fen}">${escapeHtml(formatFen(fen, 'zh-CN'))}</td></tr>`,
    ),
  )
