/**
 * The shape checks of DOMAIN.md §17 (`Malformed`), for every command, right after decoding and
 * before anything else (§8): a printable actor id, a national ID with a real region and the birth
 * date it encodes, every business date within 1949-10-01 … 2099-12-31. They need only the command
 * and the record date. NOTE: messages never quote a national ID or a birth date (§9).
 */
import { isLocalDate, yearOf, type LocalDate } from '../kernel/dates.js'
import { domainError, type DomainError, type ErrorDetail } from '../kernel/errors.js'
import { birthDateInId, hasKnownRegion } from '../vocabulary/national-id.js'
import type { Command } from './commands.js'
import { BUSINESS_DATES, datesOf, FIRST_BUSINESS_DATE, LAST_BUSINESS_DATE } from './date-rules.js'

/** The earliest birth year an ID may encode: older records are typing errors. */
const FIRST_BIRTH_YEAR = 1900

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

/** Why an actor id cannot be used (empty, padded, with control characters), or null. */
export const actorIdProblem = (id: string): string | null =>
  id.length === 0
    ? 'actor.id is empty'
    : id.trim() !== id
      ? 'actor.id has leading or trailing spaces'
      : UNPRINTABLE.test(id)
        ? 'actor.id contains control characters'
        : null

/** Every date the window holds: the business dates and the plan dates. */
const SANITY_DATES: ReadonlyArray<string> = [...BUSINESS_DATES, 'effectiveFrom', 'validFrom', 'validTo', 'until']

/** The shape checks of §17 (and a usable actor id): `Malformed` listing each, or null. */
export const sanityOf = (c: Command, recordDate: LocalDate): DomainError | null => {
  const failed: ErrorDetail[] = []
  const actorProblem = actorIdProblem(c.actor.id)
  if (actorProblem !== null) failed.push({ field: 'actor.id', message: `${actorProblem}: ids are non-empty, trimmed and printable` })
  const data = c.data as Record<string, unknown>
  if (c.type === 'RegisterTalent') {
    const { nationalId, birthDate } = c.data
    if (!hasKnownRegion(nationalId))
      failed.push({ rule: 'id.region', field: 'data.nationalId', message: 'data.nationalId: digits 1–2 name no province or residence permit (GB/T 2260)' })
    const encoded = birthDateInId(nationalId)
    if (!isLocalDate(encoded) || yearOf(encoded) < FIRST_BIRTH_YEAR || encoded > recordDate)
      failed.push({ rule: 'id.birth-date', field: 'data.nationalId', message: 'data.nationalId: digits 7–14 are not a real birth date on or before the record date' })
    else if (encoded !== birthDate)
      failed.push({ rule: 'id.birth-date', field: 'data.birthDate', message: 'data.birthDate differs from the birth date encoded in the national ID' })
  }
  // an agreement's term and a designation's end are plan dates: within the window, never bounded by the record date (§11)
  for (const [field, date] of datesOf(data, SANITY_DATES)) {
    if (date < FIRST_BUSINESS_DATE)
      failed.push({ rule: 'dates.since-1949', field: `data.${field}`, message: `data.${field}: ${date} is before ${FIRST_BUSINESS_DATE}` })
    else if (date > LAST_BUSINESS_DATE)
      failed.push({ rule: 'dates.window', field: `data.${field}`, message: `data.${field}: ${date} is after ${LAST_BUSINESS_DATE}` })
  }
  if ((c.type === 'ReportEmploymentStatistics' || c.type === 'ReportHonourList') && c.data.year > yearOf(LAST_BUSINESS_DATE))
    failed.push({ rule: 'dates.window', field: 'data.year', message: `data.year: ${c.data.year} is after ${yearOf(LAST_BUSINESS_DATE)}` })
  return failed.length === 0 ? null : domainError('Malformed', failed.map((d) => d.message).join('; '), failed)
}

