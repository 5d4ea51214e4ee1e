/**
 * The "Services" section of the text report (DOMAIN.md §15, §16): deliveries per service and year,
 * and the talents entitled on the report date. It follows the honours section, so 0.1's lines stay
 * where they were. Strings from the store go through `terminalSafe`.
 */
import type { ServiceFigures } from '@talent-ledger/core'
import { terminalSafe } from './terminal-text.js'

/** The section's lines (none when the policy lists no service and none was delivered). */
export const servicesText = (figures: ServiceFigures): string[] => {
  if (figures.services.length === 0) return []
  const lines = ['', 'Services (entitled: on the report date; — while the policy leaves minLevel unset)', `  ${'service'.padEnd(22)}${'year'.padStart(4)}${'delivered'.padStart(11)}${'entitled'.padStart(10)}`]
  for (const r of figures.services)
    lines.push(`  ${terminalSafe(r.service).padEnd(22)}${String(r.year).padStart(4)}${String(r.delivered).padStart(11)}${(r.entitledNow === null ? '—' : String(r.entitledNow)).padStart(10)}`)
  return lines
}
