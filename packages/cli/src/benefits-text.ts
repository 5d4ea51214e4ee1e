/**
 * The "Benefits" section of the text report (DOMAIN.md §16): grants by kind, year and district with
 * amounts in 元, the part flagged after a revocation, and totals by kind. It follows the dashboard's
 * own lines, so 0.1's lines stay where they were. Strings from the store go through `terminalSafe`.
 */
import { formatFen, type BenefitFigures } from '@talent-ledger/core'
import { terminalSafe } from './terminal-text.js'

/** Terminal width of a string: CJK characters take two columns. */
const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0)
const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)))
const yuan = (fen: number): string => formatFen(fen, 'zh-CN')

/** The section's lines (none when no grant falls on or before the report date). */
export const benefitsText = (figures: BenefitFigures): string[] => {
  if (figures.benefits.length === 0) return []
  const lines = ['', 'Benefits (元; flagged: after a revocation)', `  ${padEnd('benefit', 31)}${'year'.padStart(4)}  ${padEnd('district', 10)}${'grants'.padStart(7)}${'amount'.padStart(16)}${'flagged'.padStart(16)}`]
  for (const r of figures.benefits)
    lines.push(`  ${padEnd(terminalSafe(r.benefit), 31)}${String(r.year).padStart(4)}  ${padEnd(terminalSafe(r.district), 10)}${String(r.grants).padStart(7)}${yuan(r.amount).padStart(16)}${yuan(r.flaggedAmount).padStart(16)}`)
  lines.push('  totals by benefit')
  for (const [benefit, fen] of Object.entries(figures.benefitTotals)) lines.push(`    ${padEnd(terminalSafe(benefit), 31)}${yuan(fen).padStart(16)}`)
  return lines
}

/** Only the totals by benefit, and what was flagged (the demo's summary; `report` prints the full table). */
export const benefitTotalsText = (figures: BenefitFigures): string[] => {
  const totals = Object.entries(figures.benefitTotals)
  if (totals.length === 0) return []
  const flagged = figures.benefits.reduce((s, r) => s + r.flaggedAmount, 0)
  const grants = figures.benefits.reduce((s, r) => s + r.grants, 0)
  return [
    '',
    `Benefits granted (元), ${grants.toLocaleString('en-US')} grants; by kind, year and district in \`report\``,
    ...totals.map(([benefit, fen]) => `  ${padEnd(terminalSafe(benefit), 31)}${yuan(fen).padStart(16)}`),
    `  ${padEnd('flagged after a revocation', 31)}${yuan(flagged).padStart(16)}`,
  ]
}
