/**
 * Invariant 8 — idempotency (STYLE.md, after Equinox's FavoritesTests): decide a command, fold its
 * events in, decide the same command again: the answer is `Duplicate` or no events, so a caller
 * may safely retry. The second decision is the closure the pure ledger captured at decision time
 * (`RunDecision.again`): the deciding category's own fold and decide, whatever the aggregate.
 */
import * as E from 'fp-ts/lib/Either.js'
import { defineInvariant } from './invariant.js'

/** Repeating an accepted command yields Duplicate or no events. */
export const idempotentDecisions = defineInvariant(
  'idempotentDecisions',
  'deciding an accepted command again after folding its events yields Duplicate or [] (STYLE.md)',
  (run) => {
    const found: string[] = []
    for (const o of run.outcomes) {
      if (o.decision === null || o.command === null || E.isLeft(o.result) || o.result.right.length === 0) continue
      const again = o.decision.again()
      const type = o.command.type
      if (E.isRight(again) && again.right.length > 0) found.push(`${type} decided again emits ${again.right.length} more event(s): ${JSON.stringify(o.command.data)}`)
      else if (E.isLeft(again) && again.left.code !== 'Duplicate')
        found.push(`${type} decided again is ${again.left.code} (${again.left.message}), not Duplicate`)
    }
    return found
  },
)
