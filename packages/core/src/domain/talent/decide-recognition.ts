/**
 * Incentives (技术入股, 岗位分红, wage increases) recorded by the employer: they do not change the
 * level; they are part of the talent's record. Honours are in decide-honours.ts.
 */
import * as E from 'fp-ts/lib/Either.js'
import { chain } from '../chain.js'
import { pipe } from 'fp-ts/lib/function.js'
import { duplicate, type DomainError } from '../../kernel/errors.js'
import type { CommandOf } from './commands.js'
import type { TalentEvent } from './events.js'
import { requireRegistered } from './context.js'
import type { TalentState } from './state.js'

type Decided = E.Either<DomainError, ReadonlyArray<TalentEvent>>

/** RecordIncentive: by the current employer; the same incentive twice on one day is a duplicate. */
export const decideIncentive = (c: CommandOf<'RecordIncentive'>, s: TalentState): Decided =>
  pipe(
    requireRegistered(s, c.data.talentId),
    chain(() =>
      s.incentives.some((i) => i.kind === c.data.kind && i.on === c.data.on && i.amount === (c.data.amount ?? null))
        ? E.left(duplicate(`${c.data.kind} on ${c.data.on} is already recorded`))
        : E.right(s),
    ),
    E.map(() => [
      { type: 'IncentiveRecorded', data: { talentId: c.data.talentId, employerId: s.employerId, kind: c.data.kind, on: c.data.on, amount: c.data.amount ?? null } },
    ]),
  )
