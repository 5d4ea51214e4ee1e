/**
 * Training (培养): enrolment with a registered provider and completion. A new apprenticeship
 * (新型学徒制) carries its planned length, bounded by the policy (1–3 years by default).
 */
import * as E from 'fp-ts/lib/Either.js'
import { chain } from '../chain.js'
import { pipe } from 'fp-ts/lib/function.js'
import { duplicate, notEligible, notFound, type DomainError } from '../../kernel/errors.js'
import type { CommandOf } from './commands.js'
import type { TalentEvent } from './events.js'
import { policyOn, requireOrganization, requireRegistered, type TalentContext } from './context.js'
import type { TalentState } from './state.js'
import { ownEntry } from '../../kernel/own-keys.js'

type Decided = E.Either<DomainError, ReadonlyArray<TalentEvent>>

/** EnrollTraining. */
export const decideEnroll = (c: CommandOf<'EnrollTraining'>, s: TalentState, ctx: TalentContext): Decided =>
  pipe(
    requireRegistered(s, c.data.talentId),
    chain(() => requireOrganization(ctx, c.data.providerId, ['training-provider', 'vocational-school', 'employer'])),
    chain(() => (ownEntry(s.trainings, c.data.programId) !== undefined ? E.left(duplicate(`already enrolled in ${c.data.programId}`)) : E.right(s))),
    chain(() => {
      if (c.data.kind !== 'new-apprenticeship') return E.right(s)
      const policy = policyOn(ctx, c.data.startedOn)
      const { minPlannedYears, maxPlannedYears } = policy.document.apprenticeship
      const years = c.data.plannedYears
      return years !== undefined && years >= minPlannedYears && years <= maxPlannedYears
        ? E.right(s)
        : E.left(
            notEligible('a new apprenticeship needs a planned length within the policy bounds', [
              {
                rule: 'apprenticeship.planned-years',
                policyId: policy.policyId,
                field: 'data.plannedYears',
                message: `plannedYears must be ${minPlannedYears}–${maxPlannedYears}, got ${years ?? 'nothing'}`,
              },
            ]),
          )
    }),
    E.map(() => {
      const { talentId, programId, kind, field, providerId, startedOn } = c.data
      const agreement = c.data.agreementId === undefined ? {} : { agreementId: c.data.agreementId }
      return [{ type: 'TrainingEnrolled', data: { talentId, programId, kind, field, providerId, startedOn, plannedYears: c.data.plannedYears ?? null, ...agreement } }]
    }),
  )

/** CompleteTraining. */
export const decideComplete = (c: CommandOf<'CompleteTraining'>, s: TalentState): Decided =>
  pipe(
    requireRegistered(s, c.data.talentId),
    chain(() => {
      const t = ownEntry(s.trainings, c.data.programId)
      if (t === undefined) return E.left(notFound(`talent ${c.data.talentId} is not enrolled in ${c.data.programId}`))
      if (t.completedOn !== null) return E.left(duplicate(`programme ${c.data.programId} was completed on ${t.completedOn}`))
      if (c.data.completedOn < t.startedOn)
        return E.left(
          notEligible('completion before the start', [
            { rule: 'training.completed-after-start', field: 'data.completedOn', message: `completedOn ${c.data.completedOn} is before startedOn ${t.startedOn}` },
          ]),
        )
      return E.right(t)
    }),
    E.map(() => [{ type: 'TrainingCompleted', data: { ...c.data } }]),
  )
