/**
 * `talent.student-age` (DOMAIN.md §17): a school registers a student (在校生) from the 16th
 * birthday, or from the birthday at the policy value `dates.minStudentAgeYears`: school training
 * under 16 is not child labour [禁止使用童工规定 第十三条], but from what age the city decides. The
 * value is read only for a student under 16, so an unset value refuses nobody older
 * (`PolicyValueUnset`, never a silent default). NOTE: messages never quote a birth date (§9).
 */
import * as E from 'fp-ts/lib/Either.js'
import { addYears, type LocalDate } from '../../kernel/dates.js'
import { policyValueUnset, type DomainError, type ErrorDetail } from '../../kernel/errors.js'
import type { AdoptedPolicy } from '../../policy/document.js'
import type { DateContext } from '../date-rules.js'
import { policyInForce } from '../../policy/registry.js'
import type { TalentCommand, TalentContext } from './context.js'

/** The birthday at `years` of age. */
export const birthdayAt = (birthDate: LocalDate, years: number): LocalDate => addYears(birthDate, years)

/** The 16th birthday: the legal working age [劳动法第十五条]. */
export const sixteenthBirthday = (birthDate: LocalDate): LocalDate => birthdayAt(birthDate, 16)

/** The policy's youngest age of a school's student, or null: unset (also in documents written before it). */
export const minStudentAgeYearsOf = (policy: AdoptedPolicy): number | null => policy.document.dates?.minStudentAgeYears ?? null

/**
 * The student-age rule of a command: `Left` PolicyValueUnset (the policy in force on `registeredOn`
 * leaves the value unset for a student under 16), or the failed rule (empty: none).
 */
export const studentAgeFailures = (c: TalentCommand, context: Pick<TalentContext, 'policies'>, dates: DateContext): E.Either<DomainError, ErrorDetail[]> => {
  if (c.type !== 'RegisterTalent' || c.data.relation !== 'student' || dates.birthDate === null) return E.right([])
  const on = c.data.registeredOn
  if (on >= sixteenthBirthday(dates.birthDate)) return E.right([])
  const policy = policyInForce(context.policies, on)
  const years = minStudentAgeYearsOf(policy)
  if (years === null) {
    const unset = policyValueUnset(policy.policyId, 'dates.minStudentAgeYears')
    return E.left({ ...unset, details: unset.details.map((d) => ({ ...d, rule: 'talent.student-age' })) })
  }
  if (on >= birthdayAt(dates.birthDate, years)) return E.right([])
  return E.right([{ rule: 'talent.student-age', field: 'data.registeredOn', message: `registeredOn ${on} is before the student's birthday at ${years} (dates.minStudentAgeYears of ${policy.policyId})` }])
}
