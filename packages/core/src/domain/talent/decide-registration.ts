/**
 * Registration, change of employer and erasure (ForgetTalent) of a talent.
 */
import * as E from 'fp-ts/lib/Either.js'
import { chain } from '../chain.js'
import { pipe } from 'fp-ts/lib/function.js'
import { duplicate, notEligible, type DomainError } from '../../kernel/errors.js'
import type { CommandOf } from './commands.js'
import type { TalentEvent } from './events.js'
import { requireOrganization, requireRegistered, type SealedRegisterTalent, type TalentContext } from './context.js'
import type { TalentRelation } from '../../vocabulary/cooperation.js'
import { requireRegistrationEmployer } from './decide-cooperation.js'
import { relationOf, type TalentState } from './state.js'
import { ownEntry } from '../../kernel/own-keys.js'

type Decided = E.Either<DomainError, ReadonlyArray<TalentEvent>>

/** RegisterTalent: once per talent id, with a registered employer (a school for its teachers and students, §11 talent.employer-kind). */
export const decideRegister = (c: SealedRegisterTalent, s: TalentState, ctx: TalentContext): Decided =>
  pipe(
    requireRegistrationEmployer(ctx, c),
    chain(() => (s.registered ? E.left(duplicate(`talent ${c.data.talentId} is already registered`)) : E.right(s))),
    chain(() =>
      c.data.occupationSince !== undefined && c.data.occupationSince > c.data.registeredOn
        ? E.left(
            notEligible('occupationSince is after registeredOn', [
              { rule: 'talent.occupation-since', field: 'data.occupationSince', message: 'years in occupation cannot start after registration' },
            ]),
          )
        : E.right(s),
    ),
    E.map(() => {
      const d = c.data
      return [
        {
          type: 'TalentRegistered',
          data: {
            talentId: d.talentId,
            personal: d.personal,
            occupation: d.occupation,
            occupationSince: d.occupationSince ?? null,
            education: d.education,
            preparatoryTechnician: d.preparatoryTechnician ?? false,
            employerId: d.employerId,
            district: d.district,
            frontLine: d.frontLine ?? false,
            registeredOn: d.registeredOn,
            ...(d.minorExceptionRef === undefined ? {} : { minorExceptionRef: d.minorExceptionRef }),
            ...(d.relation === undefined || d.relation === 'employee' ? {} : { relation: d.relation }),
          },
        },
      ]
    }),
  )

/**
 * ChangeEmployer: to a registered employer other than the current one; after a release, not before
 * its date. `from` is the employer the talent leaves (after a release, the one that released them),
 * so that employer can be told.
 */
export const decideChangeEmployer = (c: CommandOf<'ChangeEmployer'>, s: TalentState, ctx: TalentContext): Decided =>
  pipe(
    requireRegistered(s, c.data.talentId),
    // a school employs teachers (DOMAIN.md §11)
    chain(() => requireOrganization(ctx, c.data.employerId, ['employer', 'vocational-school'])),
    chain(() => (s.employerId === c.data.employerId ? E.left(duplicate(`${c.data.employerId} already employs ${c.data.talentId}`)) : E.right(s))),
    chain(() =>
      s.release !== null && c.data.on < s.release.on
        ? E.left(
            notEligible(`the talent was released on ${s.release.on}`, [
              { rule: 'employer-change.after-release', field: 'data.on', message: `a new employer may claim the talent from ${s.release.on}, the release date` },
            ]),
          )
        : E.right(s),
    ),
    E.map((): ReadonlyArray<TalentEvent> => {
      // §11: a school's staff are teachers, an employer's employees; the relation is written only when it changes
      const relation: TalentRelation = ownEntry(ctx.organizations, c.data.employerId)?.kind === 'vocational-school' ? 'teacher' : 'employee'
      const { agreementId, occupationSince } = c.data
      const extra = {
        ...(relation === relationOf(s) ? {} : { relation }),
        ...(occupationSince === undefined ? {} : { occupationSince }),
        ...(agreementId === undefined ? {} : { agreementId }),
      }
      return [{ type: 'EmployerChanged', data: { talentId: c.data.talentId, from: s.release?.from ?? s.employerId, employerId: c.data.employerId, on: c.data.on, ...extra } }]
    }),
  )

/** ReleaseTalent: the current employer lets the talent go, once; the talent has no employer until claimed. */
export const decideRelease = (c: CommandOf<'ReleaseTalent'>, s: TalentState): Decided =>
  pipe(
    requireRegistered(s, c.data.talentId),
    chain(() =>
      s.release !== null
        ? E.left({ ...duplicate(`${s.release.from} already released ${c.data.talentId} on ${s.release.on}`), details: [{ rule: 'release.once', message: 'the talent was already released' }] })
        : E.right(s),
    ),
    E.map(() => [{ type: 'TalentReleased', data: { talentId: c.data.talentId, from: s.employerId, on: c.data.on, reason: c.data.reason ?? null } }]),
  )

/** ForgetTalent: erases personal data (the handler then destroys the key); the record stays for the statistics. */
export const decideForget = (c: CommandOf<'ForgetTalent'>, s: TalentState): Decided =>
  pipe(
    requireRegistered(s, c.data.talentId),
    chain(() => (s.forgotten ? E.left(duplicate(`talent ${c.data.talentId} is already erased`)) : E.right(s))),
    E.map(() => [{ type: 'TalentForgotten', data: { talentId: c.data.talentId } }]),
  )
