/**
 * The §17 date rules that read a talent's state (`NotEligible`, DOMAIN.md §17): legal working
 * age, and no career fact before the talent could have worked. They run after the decider's own
 * checks and join its failed rules (a student's age, which may need a policy value, is in
 * student-age.ts). NOTE: messages never quote a birth date (§9).
 */
import type { ErrorDetail } from '../../kernel/errors.js'
import { policyInForce } from '../../policy/registry.js'
import type { DateContext } from '../date-rules.js'
import type { OrganizationState } from '../organization/index.js'
import type { TalentCommand, TalentContext } from './context.js'
import { factDateOf } from './fact-date.js'
import type { TalentState } from './state.js'
import { birthdayAt, minStudentAgeYearsOf, sixteenthBirthday } from './student-age.js'
import { ownEntry } from '../../kernel/own-keys.js'

/** `talent.working-age` [劳动法第十五条]: the career starts at 16, or earlier only by the bureau's recorded exception. */
const workingAge = (c: TalentCommand, ctx: DateContext): ErrorDetail[] => {
  // hiring a student starts its career too (DOMAIN.md §11): the same age, and no exception (only a
  // registration carries the bureau's minorExceptionRef)
  if (c.type === 'ChangeEmployer') return hiredAge(c.data.occupationSince, ctx.birthDate)
  if (c.type !== 'RegisterTalent' || ctx.birthDate === null || c.data.occupationSince === undefined) return []
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

/** `talent.working-age` for a student hired (`ChangeEmployer` with `occupationSince`): at 16 or later. */
const hiredAge = (occupationSince: string | undefined, birthDate: string | null): ErrorDetail[] =>
  occupationSince === undefined || birthDate === null || occupationSince >= sixteenthBirthday(birthDate)
    ? []
    : [{ rule: 'talent.working-age', field: 'data.occupationSince', message: occupationSince < birthDate ? 'occupationSince is before the birth date' : 'occupationSince is before the 16th birthday (劳动法第十五条)' }]

type Anchor = 'employment' | 'achievement' | 'school-training'

/** Which anchor a talent fact is held to, if any (registration is none: history may be backfilled). */
const anchorOf = (c: TalentCommand, organizations: Readonly<Record<string, OrganizationState | undefined>>): Anchor | null => {
  switch (c.type) {
    case 'ChangeEmployer':
    case 'ReleaseTalent':
    case 'AppointSeniorPost':
    case 'RenewSeniorPost':
    case 'EndSeniorPost':
    case 'RecordIncentive':
      return 'employment'
    case 'GrantBenefit':
      return c.data.benefit === 'competition-prize' ? 'achievement' : 'employment'
    case 'EnrollTraining':
      return c.data.kind === 'new-apprenticeship' || c.data.kind === 'industry-chain' || ownEntry(organizations, c.data.providerId)?.kind === 'employer'
        ? 'employment'
        : ownEntry(organizations, c.data.providerId)?.kind === 'vocational-school'
          ? 'school-training'
          : 'achievement'
    case 'RecordAssessment':
    case 'RecordPriorCertificate':
    case 'RecordCompetitionResult':
    case 'ConferHonor':
    case 'RecordServiceDelivery':
      return 'achievement'
    default:
      return null
  }
}

/**
 * The birthday a non-employment fact is held to and how a message names it: the 16th for
 * achievements; for school training the birthday at the policy's `dates.minStudentAgeYears` (in
 * force on the fact's date), else the 16th (school training under 16 is not child labour).
 */
const birthdayAnchor = (anchor: 'achievement' | 'school-training', birthDate: string, policies: TalentContext['policies'], date: string): { readonly from: string; readonly what: string } => {
  const years = anchor === 'school-training' ? minStudentAgeYearsOf(policyInForce(policies, date)) : null
  return years === null ? { from: sixteenthBirthday(birthDate), what: 'the 16th birthday' } : { from: birthdayAt(birthDate, years), what: `the birthday at ${years} (dates.minStudentAgeYears)` }
}

/**
 * `dates.after-anchor`: employment facts from `occupationSince`; achievements (school-time results
 * may be backfilled) and school training from a birthday (`birthdayAnchor`), or from
 * `occupationSince` once the birth date is erased.
 */
const afterAnchor = (c: TalentCommand, s: TalentState, context: Pick<TalentContext, 'organizations' | 'policies'>, ctx: DateContext): ErrorDetail[] => {
  if (!s.registered) return []
  const anchor = anchorOf(c, context.organizations)
  const fact = factDateOf(c)
  if (anchor === null || fact === null) return []
  const { field, date } = fact
  // a student's anchor is its registration until hired (DOMAIN.md §11, §17)
  const since = s.occupationSince ?? s.registeredOn
  const held =
    anchor === 'employment'
      ? { from: since, what: `occupationSince (${since})` }
      : ctx.birthDate !== null
        ? birthdayAnchor(anchor, ctx.birthDate, context.policies, date)
        : { from: since, what: `occupationSince (${since}; the birth date is erased)` }
  if (date >= held.from) return []
  return [{ rule: 'dates.after-anchor', field: `data.${field}`, message: `${date} is before ${held.what}` }]
}

/** The talent rules of §17 a command fails, on the talent's state and the organisations it names. */
export const talentDateRuleFailures = (c: TalentCommand, s: TalentState, context: Pick<TalentContext, 'organizations' | 'policies'>, ctx: DateContext): ErrorDetail[] => [
  ...workingAge(c, ctx),
  ...afterAnchor(c, s, context, ctx),
]
