/**
 * Invariant 8 — idempotency (STYLE.md, after Equinox): decide a command, fold its events in, decide
 * the same command again: the answer is `Duplicate` or no events, so a caller may safely retry.
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  cityDecider,
  organizationDecider,
  policyDecider,
  type DomainError,
  type LedgerEvent,
} from '@talent-ledger/core'
import { defineInvariant } from './invariant.js'
import type { RunDecision, TalentDeciderUnderTest } from './pure-ledger.js'

/** The same decision taken again on the state after its own events. */
const decideAgain = (d: RunDecision, events: ReadonlyArray<LedgerEvent>, talent: TalentDeciderUnderTest): E.Either<DomainError, ReadonlyArray<unknown>> => {
  const after = <S>(evolve: (s: S, e: never) => S, before: S): S => events.reduce((s, e) => evolve(s, e as never), before)
  switch (d.aggregate) {
    case 'talent':
      return talent.decide({ command: d.command, context: d.context }, after(talent.evolve, d.before))
    case 'organization':
      return organizationDecider.decide(d.command, after(organizationDecider.evolve, d.before))
    case 'city':
      return cityDecider.decide(d.command, after(cityDecider.evolve, d.before))
    case 'policy':
      return policyDecider.decide(d.command, after(policyDecider.evolve, d.before))
  }
}

/** Repeating an accepted command yields Duplicate or no events. */
export const idempotentDecisions = defineInvariant(
  'idempotentDecisions',
  'deciding an accepted command again after folding its events yields Duplicate or [] (STYLE.md)',
  (run, talent) => {
    const found: string[] = []
    for (const o of run.outcomes) {
      if (o.decision === null || E.isLeft(o.result) || o.result.right.length === 0) continue
      const again = decideAgain(o.decision, o.result.right, talent)
      const type = o.decision.command.type
      if (E.isRight(again) && again.right.length > 0) found.push(`${type} decided again emits ${again.right.length} more event(s): ${JSON.stringify(o.decision.command.data)}`)
      else if (E.isLeft(again) && again.left.code !== 'Duplicate')
        found.push(`${type} decided again is ${again.left.code} (${again.left.message}), not Duplicate`)
    }
    return found
  },
)
