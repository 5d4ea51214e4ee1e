/**
 * The §17 date rules that read a talent's state (`NotEligible`, DOMAIN.md §17): legal working
 * age, and no career fact before the talent could have worked. They run after the decider's own
 * checks and join its failed rules. NOTE: messages never quote a birth date (§9).
 */
import { addYears, type LocalDate } from '../../kernel/dates.js'
import type { ErrorDetail } from '../../kernel/errors.js'
import type { DateContext } from '../date-rules.js'
import type { OrganizationState } from '../organization/index.js'
import type { TalentCommand } from './context.js'
import { factDateOf } from './fact-date.js'
import type { TalentState } from './state.js'

const sixteenthBirthday = (birthDate: LocalDate): LocalDate => addYears(birthDate, 16)

/** `talent.working-age` [劳动法第十五条]: the career starts at 16, or earlier only by the bureau's recorded exception. */
const workingAge = (c: TalentCommand, ctx: DateContext): ErrorDetail[] => {
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

type Anchor = 'employment' | 'achievement'

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
      return c.data.kind === 'new-apprenticeship' || c.data.kind === 'industry-chain' || organizations[c.data.providerId]?.kind === 'employer'
        ? 'employment'
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
  const fact = factDateOf(c)
  if (anchor === null || fact === null) return []
  const { field, date } = fact
  // a student's anchor is its registration until hired (DOMAIN.md §11, §17)
  const since = s.occupationSince ?? s.registeredOn
  const from = anchor === 'achievement' && ctx.birthDate !== null ? sixteenthBirthday(ctx.birthDate) : since
  if (date >= from) return []
  const what = anchor === 'employment' ? `occupationSince (${since})` : ctx.birthDate !== null ? 'the 16th birthday' : `occupationSince (${since}; the birth date is erased)`
  return [{ rule: 'dates.after-anchor', field: `data.${field}`, message: `${date} is before ${what}` }]
}

/** The talent rules of §17 a command fails, on the talent's state and the organisations it names. */
export const talentDateRuleFailures = (
  c: TalentCommand,
  s: TalentState,
  organizations: Readonly<Record<string, OrganizationState | undefined>>,
  ctx: DateContext,
): ErrorDetail[] => [...workingAge(c, ctx), ...afterAnchor(c, s, organizations, ctx)]
