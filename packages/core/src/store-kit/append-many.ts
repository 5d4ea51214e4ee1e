/**
 * How a store answers `appendMany` (成组提交), the same in every adapter: the requests are taken in
 * order inside one transaction, each decided as one `append` would be; when any of them found its
 * stream elsewhere than expected, the caller rolls the whole transaction back and answers every
 * conflict, otherwise every result. A store whose single append can run inside a transaction of
 * its own (SQLite, memory) needs nothing else.
 */
import type { AppendManyOutcome, AppendOutcome, AppendResult, StreamAppend, WrongExpectedVersion } from '../kernel/ports.js'

/**
 * Runs `appendOne` on each request in order (inside the caller's transaction) and gathers the
 * group's outcome. The caller must roll back when the answer is `ok: false`: requests after a
 * conflicting one have run, so that every conflict of the group is reported at once.
 */
export const appendInOrder = (requests: ReadonlyArray<StreamAppend>, appendOne: (request: StreamAppend) => AppendOutcome): AppendManyOutcome => {
  const results: AppendResult[] = []
  const conflicts: WrongExpectedVersion[] = []
  for (const request of requests) {
    const outcome = appendOne(request)
    if (outcome.ok) results.push(outcome.result)
    else conflicts.push(outcome.conflict)
  }
  return conflicts.length === 0 ? { ok: true, results } : { ok: false, conflicts }
}
