/**
 * The business date of a talent command, and the field that holds it: one source for every rule
 * that reads it — the talent-pool transition's date (decide.ts), whether the handler opens the
 * birth date (category.ts) and the §17 anchor rule (date-rules.ts). NOTE: three copies of a field
 * list once disagreed, and a prior certificate's `issuedOn` never opened the birth date.
 */
import type { LocalDate } from '../../kernel/dates.js'
import type { TalentCommand } from './context.js'

/** The field of a talent command that holds its business date, with the date. */
export interface FactDate {
  readonly field: 'registeredOn' | 'startedOn' | 'completedOn' | 'issuedOn' | 'on'
  readonly date: LocalDate
}

/** The business date a talent command happens on, with its field (ForgetTalent names none). */
export const factDateOf = (c: TalentCommand): FactDate | null => {
  switch (c.type) {
    case 'RegisterTalent':
      return { field: 'registeredOn', date: c.data.registeredOn }
    case 'EnrollTraining':
      return { field: 'startedOn', date: c.data.startedOn }
    case 'CompleteTraining':
      return { field: 'completedOn', date: c.data.completedOn }
    case 'RecordPriorCertificate':
      return { field: 'issuedOn', date: c.data.issuedOn }
    case 'ForgetTalent':
      return null
    default:
      return { field: 'on', date: c.data.on }
  }
}
