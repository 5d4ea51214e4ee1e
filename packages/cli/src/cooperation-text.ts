/**
 * The "Cooperation" section of the text report (DOMAIN.md §11, §16): per agreement the talents
 * enrolled and completed under it and hired by its partners, and the vocational schools' teachers.
 * It follows the earlier sections, so their lines stay where they were. Strings from the store go
 * through `terminalSafe`.
 */
import type { CooperationFigures } from '@talent-ledger/core'
import { terminalSafe } from './terminal-text.js'

/** The section's lines (none when no agreement is registered and no school has a teacher). */
export const cooperationText = (figures: CooperationFigures): string[] => {
  const lines: string[] = []
  if (figures.agreements.length > 0) {
    lines.push('', 'Agreements (school–enterprise classes, industry chains)', `  ${'agreement'.padEnd(20)}${'kind'.padEnd(23)}${'enrolled'.padStart(9)}${'completed'.padStart(10)}${'hired'.padStart(7)}`)
    for (const r of figures.agreements)
      lines.push(`  ${terminalSafe(r.agreementId).padEnd(20)}${terminalSafe(r.kind).padEnd(23)}${String(r.enrolled).padStart(9)}${String(r.completed).padStart(10)}${String(r.hiredByPartner).padStart(7)}`)
  }
  const { teachers } = figures
  if (teachers.total > 0) {
    lines.push('', `Vocational-school teachers: ${teachers.total}, high-skilled ${teachers.highSkilled}`, `  ${'school'.padEnd(20)}${'teachers'.padStart(9)}${'high-skilled'.padStart(13)}`)
    for (const s of teachers.bySchool) lines.push(`  ${terminalSafe(s.schoolId).padEnd(20)}${String(s.total).padStart(9)}${String(s.highSkilled).padStart(13)}`)
  }
  return lines
}
