/**
 * Honours (荣誉表彰) conferred by the bureau and incentives (技术入股, 岗位分红, wage increases)
 * recorded by the employer. Neither changes the level; both are part of the talent's record.
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { duplicate, type DomainError } from '../../kernel/errors.js'
import type { CommandOf } from './commands.js'
import type { TalentEvent } from './events.js'
import { requireRegistered } from './context.js'
import type { TalentState } from './state.js'

type Decided = E.Either<DomainError, ReadonlyArray<TalentEvent>>

/** ConferHonor: a title and grade on a date, once. */
export const decideHonor = (c: CommandOf<'ConferHonor'>, s: TalentState): Decided =>
  pipe(
    requireRegistered(s, c.data.talentId),
    E.chain(() =>
      s.honours.some((h) => h.title === c.data.title && h.grade === c.data.grade && h.on === c.data.on)
        ? E.left(duplicate(`${c.data.title} (${c.data.grade}) was already conferred on ${c.data.on}`))
        : E.right(s),
    ),
    E.map(() => [{ type: 'HonorConferred', data: { ...c.data } }]),
  )

/** RecordIncentive: by the current employer; the same incentive twice on one day is a duplicate. */
export const decideIncentive = (c: CommandOf<'RecordIncentive'>, s: TalentState): Decided =>
  pipe(
    requireRegistered(s, c.data.talentId),
    E.chain(() =>
      s.incentives.some((i) => i.kind === c.data.kind && i.on === c.data.on && i.amount === (c.data.amount ?? null))
        ? E.left(duplicate(`${c.data.kind} on ${c.data.on} is already recorded`))
        : E.right(s),
    ),
    E.map(() => [
      { type: 'IncentiveRecorded', data: { talentId: c.data.talentId, employerId: s.employerId, kind: c.data.kind, on: c.data.on, amount: c.data.amount ?? null } },
    ]),
  )
