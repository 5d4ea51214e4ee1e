/**
 * The "Honours" section of the text report (DOMAIN.md §14, §16): per catalogued honour and year,
 * the reported list, how many recipients the ledger holds and how many were high-skilled that day,
 * then the overall share against the policy's target. It follows the benefits section, so 0.1's
 * lines stay where they were. Strings from the store go through `terminalSafe`.
 */
import type { HonourCounts, HonourFigures } from '@talent-ledger/core'
import { terminalSafe } from './terminal-text.js'

const cell = (v: number | null, width: number): string => (v === null ? '—' : String(v)).padStart(width)
const counts = (c: HonourCounts): string =>
  `${String(c.year).padStart(4)}${cell(c.reported, 10)}${cell(c.inLedger, 10)}${cell(c.highSkilled, 13)}${(c.highSkilledSharePercent === null ? '—' : `${c.highSkilledSharePercent} %`).padStart(10)}`

/** The section's lines (none when no honour or list falls on or before the report date). */
export const honoursText = (figures: HonourFigures): string[] => {
  if (figures.honours.length === 0) return []
  const head = `${'year'.padStart(4)}${'reported'.padStart(10)}${'inLedger'.padStart(10)}${'highSkilled'.padStart(13)}${'share'.padStart(10)}`
  const lines = ['', 'Honours (high-skilled share of each reported list)', `  ${'honour'.padEnd(28)}${'grade'.padEnd(12)}${head}`]
  for (const r of figures.honours) lines.push(`  ${terminalSafe(r.honourId).padEnd(28)}${terminalSafe(r.grade).padEnd(12)}${counts(r)}`)
  const { target, met, overall } = figures.honourShares
  lines.push(`  overall (honours with a list); target ${target === null ? 'unset' : `${target} %`}${met === null ? '' : met ? ', met' : ', not met'}`)
  for (const o of overall) lines.push(`  ${''.padEnd(40)}${counts(o)}`)
  return lines
}
