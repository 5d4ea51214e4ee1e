/**
 * What the composition root hands every decision's context load (the `Env` of a category): the
 * record date for the §17 date rules and a way to open a talent's sealed personal data. Neither is
 * something the domain can compute: a clock and a key store are effects, so they come in from
 * outside, and pure tools (specs, property runs) pass what they need or nothing.
 */
import type { LocalDate, Timestamp } from '../kernel/dates.js'
import type { PersonalData, SealedPersonalData } from './personal-data.js'

const shiftedDay = (ts: Timestamp): LocalDate => {
  const shifted = new Date(Date.parse(ts) + 8 * 3_600_000)
  return shifted.toISOString().slice(0, 10)
}

/**
 * A UTC instant in the clock's own form, with its minutes and seconds in range: its record date
 * depends on its date and hour alone (group 1), so instants of the same hour share one answer.
 */
const UTC_INSTANT = /^(\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3])):[0-5]\d:[0-5]\d(?:\.\d{3})?Z$/

// the last hour answered: every command asks, and consecutive commands fall in the same hour
let lastHour = ''
let lastDay = ''

/** The record date of an instant (DOMAIN.md §17): its calendar day in UTC+8 (Asia/Shanghai, no daylight saving). */
export const recordDateOf = (ts: Timestamp): LocalDate => {
  const hour = UTC_INSTANT.exec(ts)?.[1]
  if (hour === undefined) return shiftedDay(ts)
  if (hour !== lastHour) {
    // parsed in full the first time: an instant Date refuses throws here, as it always did
    lastDay = shiftedDay(ts)
    lastHour = hour
  }
  return lastDay
}

/** The record date and the deployment's bound on future business dates (DOMAIN.md §17). */
export interface RecordDates {
  /** The Clock's now in UTC+8 (Asia/Shanghai). */
  readonly recordDate: LocalDate
  /** Business dates may lie at most this many days after the record date; null: no bound. */
  readonly maxFutureDays: number | null
}

/** The environment of a decision. */
export interface DecisionEnv {
  /** The record dates the §17 rules read; null: those rules are not checked (pure tools). */
  readonly dates: RecordDates | null
  /** Opens sealed personal data (null once the key is forgotten); null: nothing can be opened. */
  readonly open: ((sealed: SealedPersonalData) => Promise<PersonalData | null>) | null
  /**
   * The birth date a registration carries in clear, before it is sealed (its working-age rule reads
   * it; no event holds it); null for every other command.
   */
  readonly birthDate: LocalDate | null
}

/** An environment that checks no date rule and opens nothing: for tools that decide purely. */
export const PURE_ENV: DecisionEnv = { dates: null, open: null, birthDate: null }
