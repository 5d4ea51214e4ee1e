/**
 * The date rules every aggregate shares (DOMAIN.md §17): the business-date window, and no business
 * date past the record date plus the deployment's `maxFutureDays` (`NotEligible`). The talent's
 * own date rules (working age, anchors) are in talent/date-rules.ts; the shape checks run before
 * any decision, in sanity.ts. Date rules are `NotEligible`, last in the order of §8: they join the
 * decider's own failed rules and never hide an earlier kind of refusal.
 */
import * as E from 'fp-ts/lib/Either.js'
import { addDays, yearOf, type LocalDate } from '../kernel/dates.js'
import { notEligible, type DomainError, type ErrorDetail } from '../kernel/errors.js'
import type { DecisionEnv, RecordDates } from './decision-env.js'

/** The first business date the ledger knows (founding of the People's Republic). */
export const FIRST_BUSINESS_DATE = '1949-10-01'
/** The last business date the ledger accepts. */
export const LAST_BUSINESS_DATE = '2099-12-31'

/** What the date rules read besides the command: the record date, the deployment's bound, the opened birth date. */
export interface DateContext extends RecordDates {
  /** The talent's birth date when it was opened for this decision (never stored); null otherwise. */
  readonly birthDate: LocalDate | null
}

/** Business dates of command data, plan dates (`effectiveFrom`, `plannedYears`) left out. */
export const BUSINESS_DATES = ['on', 'registeredOn', 'occupationSince', 'startedOn', 'completedOn', 'issuedOn', 'purchasedOn'] as const

/** The `[field, date]` pairs of `fields` that `data` holds as text. */
export const datesOf = (data: Record<string, unknown>, fields: ReadonlyArray<string>): Array<[string, string]> => {
  // every command is read for its dates twice (sanity, record date): a plain loop, no array per field
  const found: Array<[string, string]> = []
  for (const f of fields) {
    const date = data[f]
    if (typeof date === 'string') found.push([f, date])
  }
  return found
}

/** `dates.not-after-record-date`: only when the deployment sets `maxFutureDays`. */
export const notAfterRecordDate = (c: { readonly type: string; readonly data: unknown }, ctx: RecordDates): ErrorDetail[] => {
  if (ctx.maxFutureDays === null) return []
  const limit = addDays(ctx.recordDate, ctx.maxFutureDays)
  const data = c.data as Record<string, unknown>
  const failed: ErrorDetail[] = []
  for (const [field, date] of datesOf(data, BUSINESS_DATES))
    if (date > limit) failed.push({ rule: 'dates.not-after-record-date', field: `data.${field}`, message: `${field} ${date} is after ${limit} (record date ${ctx.recordDate} + ${ctx.maxFutureDays} days)` })
  if ((c.type === 'ReportEmploymentStatistics' || c.type === 'ReportHonourList') && typeof data['year'] === 'number' && data['year'] > yearOf(ctx.recordDate))
    failed.push({ rule: 'dates.not-after-record-date', field: 'data.year', message: `statistics for ${data['year']} cannot be reported in ${yearOf(ctx.recordDate)}` })
  return failed
}

/** The decision with the date rules that failed joined to it (see the header). */
export const withDateRules = <Ev>(decided: E.Either<DomainError, ReadonlyArray<Ev>>, failed: ReadonlyArray<ErrorDetail>): E.Either<DomainError, ReadonlyArray<Ev>> => {
  if (failed.length === 0) return decided
  if (E.isRight(decided)) return E.left(notEligible(failed.map((d) => d.message).join('; '), failed))
  return decided.left.code === 'NotEligible' ? E.left({ ...decided.left, details: [...decided.left.details, ...failed] }) : decided
}

/** What a decision reads when it reads nothing but the record dates: the organisation, city and policy streams. */
export interface RecordDatesContext {
  readonly dates: RecordDates | null
}

/** Loads a `RecordDatesContext` (a category's `context`): the record dates the composition root handed in. */
export const recordDatesContext = async (_command: unknown, _state: unknown, env: DecisionEnv): Promise<RecordDatesContext> => ({ dates: env.dates })

/**
 * A stream's own decision with `dates.not-after-record-date` joined last (a category's `decide`). The
 * decision gets the category's context too (one that reads more than the record dates extends it).
 */
export const decidedWithRecordDates =
  <C extends { readonly type: string; readonly data: unknown }, S, Ev, X extends RecordDatesContext = RecordDatesContext>(
    decide: (command: C, state: S, context: X) => E.Either<DomainError, ReadonlyArray<Ev>>,
  ) =>
  (command: C, state: S, context: X): E.Either<DomainError, ReadonlyArray<Ev>> =>
    withDateRules(decide(command, state, context), context.dates === null ? [] : notAfterRecordDate(command, context.dates))
