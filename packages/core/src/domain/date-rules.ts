/**
 * Dates and identity sanity (DOMAIN.md §17), for every command. Two kinds of check:
 * - shape checks (`Malformed`): a printable actor id, a national ID with a real region and the
 *   birth date it encodes, every business date within 1949-10-01 … 2099-12-31. They need only the
 *   command and the record date, and run right after decoding, before anything else (§8).
 * - rules (`NotEligible`): no business date past the record date plus the deployment's
 *   `maxFutureDays`, legal working age, no career fact before the talent could have worked. They
 *   read the talent's state and run after the decider's own checks, joining its failed rules.
 * NOTE: messages never quote a national ID or a birth date: they are personal data (§9).
 */
import { addDays, addYears, isLocalDate, yearOf, type LocalDate } from '../kernel/dates.js'
import { domainError, type DomainError, type ErrorDetail } from '../kernel/errors.js'
import type { Command } from './commands.js'
import { birthDateInId, hasKnownRegion } from './national-id.js'
import type { OrganizationState } from './organization.js'
import type { TalentCommand } from './talent/context.js'
import type { TalentState } from './talent/state.js'

/** The first business date the ledger knows (founding of the People's Republic). */
export const FIRST_BUSINESS_DATE = '1949-10-01'
/** The last business date the ledger accepts. */
export const LAST_BUSINESS_DATE = '2099-12-31'
/** The earliest birth year an ID may encode: older records are typing errors. */
const FIRST_BIRTH_YEAR = 1900

/** What the date rules read besides the command: the record date, the deployment's bound, the opened birth date. */
export interface DateContext {
  /** The Clock's now in UTC+8 (Asia/Shanghai). */
  readonly recordDate: LocalDate
  /** Business dates may lie at most this many days after the record date; null: no bound (the default). */
  readonly maxFutureDays: number | null
  /** The talent's birth date when the handler opened it for this decision (never stored); null otherwise. */
  readonly birthDate: LocalDate | null
}

/** Business dates of command data, plan dates (`effectiveFrom`, `plannedYears`) left out. */
const BUSINESS_DATES = ['on', 'registeredOn', 'occupationSince', 'startedOn', 'completedOn'] as const

const datesOf = (data: Record<string, unknown>, fields: ReadonlyArray<string>): Array<[string, string]> =>
  fields.flatMap((f) => (typeof data[f] === 'string' ? [[f, data[f]] as [string, string]] : []))

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
  for (const [field, date] of datesOf(data, [...BUSINESS_DATES, 'effectiveFrom'])) {
    if (date < FIRST_BUSINESS_DATE)
      failed.push({ rule: 'dates.since-1949', field: `data.${field}`, message: `data.${field}: ${date} is before ${FIRST_BUSINESS_DATE}` })
    else if (date > LAST_BUSINESS_DATE)
      failed.push({ rule: 'dates.window', field: `data.${field}`, message: `data.${field}: ${date} is after ${LAST_BUSINESS_DATE}` })
  }
  if (c.type === 'ReportEmploymentStatistics' && c.data.year > yearOf(LAST_BUSINESS_DATE))
    failed.push({ rule: 'dates.window', field: 'data.year', message: `data.year: ${c.data.year} is after ${yearOf(LAST_BUSINESS_DATE)}` })
  return failed.length === 0 ? null : domainError('Malformed', failed.map((d) => d.message).join('; '), failed)
}

const sixteenthBirthday = (birthDate: LocalDate): LocalDate => addYears(birthDate, 16)

/** `dates.not-after-record-date`: only when the deployment sets `maxFutureDays`. */
const notAfterRecordDate = (c: { readonly type: string; readonly data: unknown }, ctx: DateContext): ErrorDetail[] => {
  if (ctx.maxFutureDays === null) return []
  const limit = addDays(ctx.recordDate, ctx.maxFutureDays)
  const data = c.data as Record<string, unknown>
  const failed: ErrorDetail[] = datesOf(data, BUSINESS_DATES)
    .filter(([, date]) => date > limit)
    .map(([field, date]) => ({ rule: 'dates.not-after-record-date', field: `data.${field}`, message: `${field} ${date} is after ${limit} (record date ${ctx.recordDate} + ${ctx.maxFutureDays} days)` }))
  if (c.type === 'ReportEmploymentStatistics' && typeof data['year'] === 'number' && data['year'] > yearOf(ctx.recordDate))
    failed.push({ rule: 'dates.not-after-record-date', field: 'data.year', message: `statistics for ${data['year']} cannot be reported in ${yearOf(ctx.recordDate)}` })
  return failed
}

/** `talent.working-age` [劳动法第十五条]: the career starts at 16, or earlier only by the bureau's recorded exception. */
const workingAge = (c: TalentCommand, ctx: DateContext): ErrorDetail[] => {
  if (c.type !== 'RegisterTalent' || ctx.birthDate === null) return []
  if (c.data.occupationSince >= sixteenthBirthday(ctx.birthDate)) return []
  // the exception lets a minor work, never someone not yet born
  const excepted = c.actor.role === 'hr-bureau' && c.data.minorExceptionRef !== undefined && c.data.occupationSince >= ctx.birthDate
  if (excepted) return []
  return [
    {
      rule: 'talent.working-age',
      field: 'data.occupationSince',
      message:
        c.data.occupationSince < ctx.birthDate
          ? 'occupationSince is before the birth date'
          : c.data.minorExceptionRef === undefined
            ? 'occupationSince is before the 16th birthday (劳动法第十五条)'
            : 'occupationSince is before the 16th birthday: only the hr-bureau records the exception of 劳动法第十五条 (minorExceptionRef)',
    },
  ]
}

type Anchor = 'employment' | 'achievement'

/** Which anchor a talent fact is held to, if any (registration is none: history may be backfilled). */
const anchorOf = (c: TalentCommand, organizations: Readonly<Record<string, OrganizationState | undefined>>): Anchor | null => {
  switch (c.type) {
    case 'ChangeEmployer':
    case 'ReleaseTalent':
    case 'AppointSeniorPost':
    case 'RecordIncentive':
      return 'employment'
    case 'GrantBenefit':
      return c.data.benefit === 'competition-prize' ? 'achievement' : 'employment'
    case 'EnrollTraining':
      return c.data.kind === 'new-apprenticeship' || c.data.kind === 'industry-chain' || organizations[c.data.providerId]?.kind === 'employer'
        ? 'employment'
        : 'achievement'
    case 'RecordAssessment':
    case 'RecordCompetitionResult':
    case 'ConferHonor':
      return 'achievement'
    default:
      return null
  }
}

/**
 * `dates.after-anchor`: employment facts from `occupationSince`; achievements (school-time results
 * may be backfilled) from the 16th birthday, or from `occupationSince` once the birth date is erased.
 */
const afterAnchor = (
  c: TalentCommand,
  s: TalentState,
  organizations: Readonly<Record<string, OrganizationState | undefined>>,
  ctx: DateContext,
): ErrorDetail[] => {
  if (!s.registered) return []
  const anchor = anchorOf(c, organizations)
  const data = c.data as Record<string, unknown>
  const date = typeof data['on'] === 'string' ? data['on'] : typeof data['startedOn'] === 'string' ? data['startedOn'] : null
  if (anchor === null || date === null) return []
  const from = anchor === 'achievement' && ctx.birthDate !== null ? sixteenthBirthday(ctx.birthDate) : s.occupationSince
  if (date >= from) return []
  const what = anchor === 'employment' ? `occupationSince (${s.occupationSince})` : ctx.birthDate !== null ? 'the 16th birthday' : `occupationSince (${s.occupationSince}; the birth date is erased)`
  return [{ rule: 'dates.after-anchor', field: `data.${typeof data['on'] === 'string' ? 'on' : 'startedOn'}`, message: `${date} is before ${what}` }]
}

/** The §17 rules a command fails (`NotEligible` details), given its stream's talent state when it is a talent command. */
export const dateRuleFailures = (
  c: { readonly type: string; readonly data: unknown },
  talent: { readonly command: TalentCommand; readonly state: TalentState; readonly organizations: Readonly<Record<string, OrganizationState | undefined>> } | null,
  ctx: DateContext,
): ErrorDetail[] => [
  ...notAfterRecordDate(c, ctx),
  ...(talent === null ? [] : [...workingAge(talent.command, ctx), ...afterAnchor(talent.command, talent.state, talent.organizations, ctx)]),
]
