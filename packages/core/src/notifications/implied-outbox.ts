/**
 * The outbox rows a stored stream implies (发件箱核对): what the ledger wrote with each append,
 * recomputed from the events alone. The ledger computes a batch's rows with `outboxEntriesFor` on
 * the talent's state before the batch (its employer and sealed personal data then), so this folds
 * the stream batch by batch and does the same. A batch is a run of consecutive events sharing a correlation id and a
 * record time: the ledger stamps both once per append. NOTE: two appends of one stream with the
 * same caller-given correlation id in the same millisecond read as one batch; their rows differ
 * only if the first changed the employer and the second notifies the employer.
 */
import type { RecordedEvent } from '../kernel/envelope.js'
import type { OutboxEntry } from '../kernel/outbox.js'
import type { LedgerEvent, TalentEvent } from '../domain/events.js'
import { TalentEventData } from '../domain/talent/events.js'
import { initialTalentState, type TalentState } from '../domain/talent/state.js'
import { talentCategory } from '../domain/talent/category.js'
import type { NotificationPolicy } from './notification-policy.js'
import { outboxEntriesFor, type DecidedEvent, type NotifiedTalent } from './outbox-entries.js'

/** True for a talent stream: the only streams the ledger writes notices for. */
export const isTalentStream = (streamId: string): boolean => streamId.startsWith('talent-')

const sameBatch = (a: RecordedEvent, b: RecordedEvent): boolean =>
  a.metadata.correlationId === b.metadata.correlationId && a.metadata.recordedAt === b.metadata.recordedAt

/**
 * What the rows need of the talent after `e`, as `talentCategory.evolve` moves it: only a
 * registration, a change of employer, a release and an erasure touch the employer or the sealed
 * personal data (a test holds this fold to the state's over whole ledgers). WHY: verify folds every
 * talent stream of the log, and the whole state, copied for every event, cost more than checking
 * the rows it implies.
 */
const notifiedAfter = (t: NotifiedTalent, e: TalentEvent): NotifiedTalent => {
  switch (e.type) {
    case 'TalentRegistered':
      return { employerId: e.data.employerId, personal: e.data.personal }
    case 'EmployerChanged':
      return { employerId: e.data.employerId, personal: t.personal }
    case 'TalentReleased':
      return { employerId: '', personal: t.personal }
    case 'TalentForgotten':
      return { employerId: t.employerId, personal: null }
    default:
      return t
  }
}

const isTalentEvent = (e: LedgerEvent): e is TalentEvent => Object.hasOwn(TalentEventData, e.type)

/**
 * The outbox entries `policy` implies for one stream's events (in version order), as the ledger
 * wrote them; none for a stream that is not a talent's. `decode` gives an event's data after
 * upcasting (it throws for a corrupt row).
 */
export const impliedOutboxEntries = (
  policy: NotificationPolicy | null,
  rows: ReadonlyArray<RecordedEvent>,
  decode: (row: RecordedEvent) => LedgerEvent,
): OutboxEntry[] => {
  const first = rows[0]
  if (policy === null || policy.rules.length === 0 || first === undefined || !isTalentStream(first.streamId)) return []
  const notified: NotifiedTalent = { employerId: initialTalentState.employerId, personal: initialTalentState.personal }
  // an event of another category in a talent stream: the state's fold is the one to follow, from the start
  return (
    entriesFolding(policy, rows, decode, notified, isTalentEvent, notifiedAfter) ??
    entriesFolding<TalentState, LedgerEvent>(policy, rows, decode, initialTalentState, (_e): _e is LedgerEvent => true, (s, e) => talentCategory.evolve(s, e as TalentEvent))!
  )
}

/**
 * The entries of `rows`, batch by batch, each on the talent before it as `step` folds it from
 * `initial`; undefined as soon as an event is not one `step` `follows`.
 */
const entriesFolding = <T extends NotifiedTalent, E extends LedgerEvent>(
  policy: NotificationPolicy,
  rows: ReadonlyArray<RecordedEvent>,
  decode: (row: RecordedEvent) => LedgerEvent,
  initial: T,
  follows: (e: LedgerEvent) => e is E,
  step: (talent: T, e: E) => T,
): OutboxEntry[] | undefined => {
  const entries: OutboxEntry[] = []
  let talent = initial
  for (let i = 0; i < rows.length; ) {
    let end = i + 1
    while (end < rows.length && sameBatch(rows[i]!, rows[end]!)) end++
    const batch: DecidedEvent[] = []
    for (let j = i; j < end; j++) batch.push({ eventId: rows[j]!.eventId, event: decode(rows[j]!) })
    const implied = outboxEntriesFor(policy, batch, talent)
    for (let k = 0; k < implied.length; k++) entries.push(implied[k]!)
    for (const { event } of batch) {
      if (!follows(event)) return undefined
      talent = step(talent, event)
    }
    i = end
  }
  return entries
}
