/**
 * The "Training carriers" section of the text report (DOMAIN.md §10, §16 `carrierOutputs`): per
 * carrier its programmes, enrolments, completions and certificates by level, then each programme
 * opened with its places (shown, not enforced). It follows the featured-certificates section, so
 * the earlier lines stay where they were. Strings from the store go through `terminalSafe`.
 */
import type { CarrierOutputFigures } from '@talent-ledger/core'
import { terminalSafe } from './terminal-text.js'

const levels = (byLevel: Readonly<Record<string, number>>): string =>
  Object.entries(byLevel)
    .map(([level, n]) => `${terminalSafe(level)} ${n}`)
    .join(', ')

/** The section's lines (none when no carrier is designated and no programme opened). */
export const carrierOutputsText = (figures: CarrierOutputFigures): string[] => {
  if (figures.carrierOutputs.length === 0 && figures.programmeOutputs.length === 0) return []
  const head = (first: string): string => `  ${first.padEnd(20)}${'kind'.padEnd(32)}${'programmes'.padStart(11)}${'enrolled'.padStart(9)}${'completed'.padStart(10)}${'certified'.padStart(10)}  by level`
  const lines = ['', 'Training carriers: outputs of their programmes by the report date', head('carrier')]
  for (const r of figures.carrierOutputs) {
    const master = r.masterTalentId === null ? '' : ` master ${terminalSafe(r.masterTalentId)}`
    lines.push(
      `  ${terminalSafe(r.carrierId).padEnd(20)}${terminalSafe(`${r.kind}${r.grade === null ? '' : ` (${r.grade})`}`).padEnd(32)}${String(r.programmes).padStart(11)}${String(r.enrolled).padStart(9)}${String(r.completed).padStart(10)}${String(r.certified).padStart(10)}  ${levels(r.certifiedByLevel)}${master}`,
    )
  }
  if (figures.programmeOutputs.length > 0) {
    lines.push('', 'Programmes opened (places: shown, not enforced; — when not given)', `  ${'programme'.padEnd(20)}${'carrier'.padEnd(20)}${'kind'.padEnd(20)}${'places'.padStart(7)}${'enrolled'.padStart(9)}${'completed'.padStart(10)}${'certified'.padStart(10)}`)
    for (const p of figures.programmeOutputs)
      lines.push(
        `  ${terminalSafe(p.programId).padEnd(20)}${terminalSafe(p.carrierId ?? '—').padEnd(20)}${terminalSafe(p.kind).padEnd(20)}${(p.places === null ? '—' : String(p.places)).padStart(7)}${String(p.enrolled).padStart(9)}${String(p.completed).padStart(10)}${String(p.certified).padStart(10)}`,
      )
  }
  return lines
}
