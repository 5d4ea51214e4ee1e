/**
 * @talent-ledger/core/store-kit — what an EventStore adapter needs beyond the port itself, so the
 * stores we ship and a third party's share one implementation of what is not storage: row codecs
 * (a stored row is decoded before it is trusted), sealing (the hash chain), the answers of
 * `append`, the subscription worker, and the folding of inline and async projections. Embedders
 * need none of it: they use `@talent-ledger/core`. Everything here is pure, like the rest of the
 * core; the ports these helpers serve (`EventStore`, `AppendOutcome`, …) are exported from the
 * main entry, and the conformance suite an adapter must pass is `@talent-ledger/testing/vitest`.
 * The store binding is how a host (the CLI's `--store URL`) finds and opens a store by its URL.
 */

// the answers of `append`
export { versionMatches, appendedOutcome, conflictOutcome, eventInAnotherStream } from './append-outcome.js'
export { appendInOrder } from './append-many.js'

// sealing: hash-chaining new events onto a stream's head
export { GENESIS_HASH, sealEvents, sealEventsWithTexts, eventHash, type SealedEvent, type Sha256Function, type StreamHead } from '../kernel/hash-chain.js'

// rows: stored columns decoded before they are trusted
export { CorruptEventError } from '../kernel/corrupt-event.js'
export { eventJsonColumn, checkedRecordedEvent, recordedEventOfRow, recordedEventOfStreamRow, type EventRow, type StoredEventRow, type StoredStreamEventRow } from './event-row.js'
export { OutboxRow, isOutboxRow, outboxRecordOf, outboxRecordsOf } from './outbox-row.js'
export { deepFreeze } from './deep-freeze.js'

// outbox retention: what a compacted row keeps
export { COMPACTED_PAYLOAD_JSON, COMPACTION_BATCH, payloadSha256Of } from '../kernel/outbox-compaction.js'

// subscriptions
export { subscriptionWorker, SUBSCRIPTION_PAGE, type SubscriptionWorker, type LogPageReader } from './subscription-worker.js'

// projection folding: inline (in the append transaction) and async (behind a subscription)
export {
  inlineProjectionEntries,
  resumeFrom,
  foldInto,
  DEFAULT_ASYNC_SAVE_EVERY,
  type InlineProjectionEntry,
  type ProjectionSnapshot,
  type InlineProjection,
  type AsyncProjection,
  type AsyncProjectionOptions,
} from '../projections/store-projections.js'

// the store binding: a store offered to a host by its URL scheme
export {
  storeUrlParsed,
  storeUrlInvalid,
  StoreBindingError,
  type StoreBinding,
  type StoreUrlMatch,
  type StoreOpenOptions,
  type OpenedStore,
  type LedgerDigests,
  type Durability,
} from './store-binding.js'
export { routeStoreUrl, type StoreUrlRoute } from './route-store-url.js'
