/**
 * Enrolments and assessments tied to an opened programme (DOMAIN.md §10), checked beside the
 * talent's own decisions (decide.ts): an enrolment in an opened programme has its kind, field and
 * provider, and starts on or after it opened (`training.matches-programme`); an assessment that
 * names the programme it concludes follows an enrolment in it (`assessment.programme-enrolled`) and
 * carries its `programId`. A `programId` never opened stays ad hoc, as before §10.
 */
import * as E from 'fp-ts/lib/Either.js'
import { notEligible, notFound, type DomainError, type ErrorDetail, type ErrorCode } from '../../kernel/errors.js'
import type { TalentCommand, TalentContext } from './context.js'
import type { TalentEvent } from './events.js'
import type { TalentState } from './state.js'
import { ownEntry } from '../../kernel/own-keys.js'

/** The §8 order of refusals: the first that fails is the error. */
const ORDER: ReadonlyArray<ErrorCode> = ['Malformed', 'Unauthorized', 'NotFound', 'Duplicate', 'PolicyValueUnset', 'NotEligible']

/** `training.matches-programme`: one detail per field that differs from the opened programme. */
const enrolmentRefusal = (c: Extract<TalentCommand, { type: 'EnrollTraining' }>, ctx: TalentContext): DomainError | null => {
  const p = ownEntry(ctx.programmes, c.data.programId)
  if (p === undefined || !p.opened) return null
  const failed: ErrorDetail[] = []
  const differs = (field: 'kind' | 'field' | 'providerId'): void => {
    if (c.data[field] !== p[field]) failed.push({ rule: 'training.matches-programme', field: `data.${field}`, message: `programme ${p.programId} is ${field} ${p[field]}, not ${c.data[field]}` })
  }
  differs('kind')
  differs('field')
  differs('providerId')
  if (c.data.startedOn < p.on) failed.push({ rule: 'training.matches-programme', field: 'data.startedOn', message: `programme ${p.programId} opens on ${p.on}, after ${c.data.startedOn}` })
  return failed.length === 0 ? null : notEligible(`the enrolment does not match programme ${p.programId}`, failed)
}

/** `assessment.programme-enrolled`: enrolled in the programme (NotFound), assessed on or after starting it (NotEligible). */
const assessmentRefusal = (c: Extract<TalentCommand, { type: 'RecordAssessment' }>, s: TalentState): DomainError | null => {
  const { programId, on } = c.data
  if (programId === undefined) return null
  const t = ownEntry(s.trainings, programId)
  if (t === undefined)
    return { ...notFound(`talent ${c.data.talentId} is not enrolled in ${programId}`), details: [{ rule: 'assessment.programme-enrolled', field: 'data.programId', message: `no enrolment in ${programId}` }] }
  return on < t.startedOn ? notEligible(`assessment before the programme started`, [{ rule: 'assessment.programme-enrolled', field: 'data.on', message: `assessed on ${on}, but enrolled in ${programId} from ${t.startedOn}` }]) : null
}

/** The programme's refusal of a talent command, if any. */
const programmeRefusal = (c: TalentCommand, s: TalentState, ctx: TalentContext): DomainError | null =>
  c.type === 'EnrollTraining' ? enrolmentRefusal(c, ctx) : c.type === 'RecordAssessment' && s.registered ? assessmentRefusal(c, s) : null

/** The assessment's events carry the programme it concludes. */
const tagged = (c: TalentCommand, events: ReadonlyArray<TalentEvent>): ReadonlyArray<TalentEvent> => {
  if (c.type !== 'RecordAssessment' || c.data.programId === undefined) return events
  const programId = c.data.programId
  return events.map((e) => (e.type === 'AssessmentPassed' || e.type === 'AssessmentFailed' ? { ...e, data: { ...e.data, programId } } : e))
}

/**
 * The talent's own decision joined with the programme rules: the earlier refusal in the §8 order
 * wins, two NotEligible list every failed rule; accepted assessments carry their `programId`.
 */
export const withProgrammeRules = (c: TalentCommand, s: TalentState, ctx: TalentContext, decided: E.Either<DomainError, ReadonlyArray<TalentEvent>>): E.Either<DomainError, ReadonlyArray<TalentEvent>> => {
  const refusal = programmeRefusal(c, s, ctx)
  if (refusal === null) return E.map((events: ReadonlyArray<TalentEvent>) => tagged(c, events))(decided)
  if (E.isRight(decided)) return E.left(refusal)
  const own = decided.left
  if (own.code === 'NotEligible' && refusal.code === 'NotEligible') return E.left({ ...own, details: [...own.details, ...refusal.details] })
  return ORDER.indexOf(own.code) <= ORDER.indexOf(refusal.code) || !ORDER.includes(own.code) ? decided : E.left(refusal)
}
