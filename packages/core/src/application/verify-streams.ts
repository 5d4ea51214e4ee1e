/**
 * The verifier's first pass (逐流核对) over one range of streams: the tables themselves, stream by
 * stream (`store.audit.events`, `audit.outboxByStream`), every row whatever its position. Per stream:
 * the hash chain, positions above 0 and rising with the version, the stored head, and the outbox
 * rows its events imply, each present and unaltered; then the heads of the range left without
 * events and the outbox rows of the range left without an event. `verifyLedger` runs it over every
 * stream (one range, or several side by side: a host may run each range in a worker thread, and
 * the answers are plain data for that) and then follows the log's order itself.
 * Pure but for the store it reads: one stream's rows are held at a time, and a few numbers per stream.
 */
import { CorruptEventError } from '../kernel/corrupt-event.js'
import { decodeStored } from '../domain/decode.js'
import type { LedgerEvent } from '../domain/events.js'
import type { RecordedEvent } from '../kernel/envelope.js'
import { jsonEqual } from '../kernel/json-equal.js'
import { sha256Hex, verifyStream, type Sha256Function } from '../kernel/hash-chain.js'
import type { OutboxEntry, OutboxRecord } from '../kernel/outbox.js'
import { payloadSha256Of } from '../kernel/outbox-compaction.js'
import type { EventKey, StoreAudit, StoredStreamHead, StreamRange } from '../kernel/ports.js'
import { OutboxUnreadable, inStreamRange, outboxByStream, pages, rangePage, wholeOutbox, type OutboxSource } from './verify-outbox.js'
import { defaultNotificationPolicy } from '../notifications/default-notification-policy.js'
import { impliedOutboxEntries } from '../notifications/implied-outbox.js'
import type { NotificationPolicy } from '../notifications/notification-policy.js'

/** One thing found wrong: the stream and version it concerns (null where none applies). */
export interface VerifyFinding {
  readonly stream: string | null
  readonly version: number | null
  readonly reason: string
}

/** A finding with the position of its stream's first row: findings are reported in commit order. */
export type OrderedFinding = VerifyFinding & { readonly order: number }

/** The order of a finding that concerns no stream read (reported after those that do). */
export const LAST = Number.MAX_SAFE_INTEGER

/**
 * What the first pass found over one range: plain data (it crosses to another thread as it is).
 * `complete` is false when the pass stopped at a row it could not read (its finding is the last
 * of `findings`); `heads` and `strays` are then empty, as the pass never reached them.
 */
export interface StreamRangeVerification {
  readonly range: StreamRange
  readonly complete: boolean
  /** Each stream read, in order: its id, its rows, its last version, the position of its first row. */
  readonly streams: ReadonlyArray<readonly [streamId: string, count: number, last: number, order: number]>
  readonly events: number
  readonly outboxRows: number
  /** The streams' own findings, in stream order. */
  readonly findings: ReadonlyArray<OrderedFinding>
  /** Stored heads of the range with no events behind them. */
  readonly heads: ReadonlyArray<OrderedFinding>
  /** Outbox rows of the range that no stored event implies. */
  readonly strays: ReadonlyArray<OrderedFinding>
}

/** Options of the first pass (the shared ones of `verifyLedger`). */
export interface StreamPassOptions {
  /** SHA-256 (default: the core's pure one; adapters pass a native one). */
  readonly sha256?: Sha256Function
  /** The ledger's notification policy (default: the shipped one; null: the ledger writes no notices). */
  readonly notifications?: NotificationPolicy | null
  /** An event's data after upcasting (default: the current codecs after the domain's own upcasters). */
  readonly decode?: (row: RecordedEvent) => LedgerEvent
  /** Rows per page read (default 1,000). */
  readonly pageSize?: number
  /** Outbox rows per page of `audit.outboxByStream` (default 2,000). */
  readonly outboxPageSize?: number
  /** Called as streams are checked, with the number checked so far in this range. */
  readonly onStreams?: (done: number) => void
}

/** The content columns of an outbox row: what its event determines (delivery state is the relay's). */
const CONTENT = ['eventId', 'streamId', 'channel', 'recipient', 'template', 'locale'] as const

/**
 * The payload a row written before rows carried the talent's sealed personal data would hold: the
 * implied one without `personal`. Such a row is accepted as it stands — the log was written by an
 * earlier version, which wrote exactly this — and renders by id alone.
 */
const legacyPayloadOf = (payload: OutboxEntry['payload']): OutboxEntry['payload'] | null => {
  if (!('personal' in payload)) return null
  const { personal: _sealed, ...facts } = payload
  return facts
}

const samePayload = (want: OutboxEntry['payload'], got: OutboxRecord['payload']): boolean => {
  if (jsonEqual(want, got)) return true
  const legacy = legacyPayloadOf(want)
  return legacy !== null && !('personal' in got) && jsonEqual(legacy, got)
}

/**
 * A compacted row (retention) keeps the hash of the payload it held, and nothing of the payload:
 * it matches when that is the hash of the implied payload, or of the implied payload without
 * `personal` for a row an earlier version wrote.
 */
const sameCompactedPayload = (want: OutboxEntry['payload'], got: OutboxRecord, sha: Sha256Function): boolean => {
  if (Object.keys(got.payload).length > 0) return false
  if (got.payloadSha256 === payloadSha256Of(want, sha)) return true
  const legacy = legacyPayloadOf(want)
  return legacy !== null && got.payloadSha256 === payloadSha256Of(legacy, sha)
}

/** The columns of `got` that differ from `want`, in `CONTENT` order then `payload`; none (one shared empty list) for a row as implied, the rule. */
const differences = (want: OutboxEntry, got: OutboxRecord, sha: Sha256Function): ReadonlyArray<string> => {
  let changed: string[] | undefined
  for (const k of CONTENT) if (want[k] !== got[k]) (changed ??= []).push(k)
  if (!(got.payloadSha256 === undefined ? samePayload(want.payload, got.payload) : sameCompactedPayload(want.payload, got, sha))) (changed ??= []).push('payload')
  return changed ?? NONE
}
const NONE: ReadonlyArray<string> = []

/** Compares a stream's last row (in version order) with its stored head; null when they agree. */
export const headFinding = (streamId: string, last: RecordedEvent | undefined, head: StoredStreamHead | undefined): VerifyFinding | null => {
  const readable = last?.version ?? 0
  if (head === undefined) return { stream: streamId, version: readable, reason: `the stream has events up to version ${readable} but no stored head` }
  if (readable < head.version)
    return {
      stream: streamId,
      version: readable + 1,
      reason: `the stored head is at version ${head.version} but the last readable event is version ${readable}: ${head.version === readable + 1 ? `version ${head.version} is` : `versions ${readable + 1}–${head.version} are`} missing (the stream was cut short)`,
    }
  if (readable > head.version)
    return { stream: streamId, version: head.version + 1, reason: `the stored head is at version ${head.version} but events up to version ${readable} are stored after it` }
  if (last !== undefined && last.hash !== head.hash) return { stream: streamId, version: readable, reason: `the hash of version ${readable} differs from the stored head (${head.hash})` }
  return null
}

/** The finding of an outbox that cannot be read (a row that does not decode: an unknown channel or status, a payload that is not JSON). */
const unreadableOutbox = (error: unknown): OrderedFinding => ({
  stream: null,
  version: null,
  reason: `the outbox cannot be read: ${error instanceof Error ? error.message : String(error)}`,
  order: LAST,
})

/**
 * The first pass over the streams of `range`, against their stored `heads` (the store's
 * `streamHeads`; those outside the range are ignored). See the module comment for what is checked.
 */
export const verifyStreamRange = async (
  audit: StoreAudit,
  heads: ReadonlyArray<StoredStreamHead>,
  range: StreamRange,
  options: StreamPassOptions = {},
): Promise<StreamRangeVerification> => {
  const sha = options.sha256 ?? sha256Hex
  const policy = options.notifications === undefined ? defaultNotificationPolicy : options.notifications
  const decodeRow = decodeStored()
  const decode = options.decode ?? ((row: RecordedEvent) => decodeRow(row).event)
  // WHY small pages: a page's rows live until its last stream is checked, through every young-generation
  // collection meanwhile; pages of 5,000 events and 20,000 outbox rows were copied and promoted
  // (GC 15 % of verify's CPU), pages of 1,000 and 2,000 are not as much (GC 12 %, verify 4 % less CPU)
  const size = options.pageSize ?? 1000
  const findings: OrderedFinding[] = []
  const add = (order: number, f: VerifyFinding | null): void => void (f === null || findings.push({ ...f, order }))
  const corrupt = (order: number, error: unknown): void => {
    if (!(error instanceof CorruptEventError)) throw error
    add(order, { stream: error.streamId, version: error.version, reason: error.message })
  }
  const unheaded = new Map(heads.filter((h) => inStreamRange(h.streamId, range)).map((h) => [h.streamId, h]))
  const streams: Array<readonly [string, number, number, number]> = []
  let events = 0
  const stopped = (finding: OrderedFinding | null): StreamRangeVerification => {
    if (finding !== null) findings.push(finding)
    return { range, complete: false, streams, events, outboxRows: 0, findings, heads: [], strays: [] }
  }

  let outbox: OutboxSource
  try {
    const byStream = audit.outboxByStream
    outbox = byStream === undefined ? await wholeOutbox(audit.outbox, size, range) : outboxByStream(byStream, options.outboxPageSize ?? 2000, range)
  } catch (error) {
    return stopped(unreadableOutbox(error))
  }
  const strays: OutboxRecord[] = []
  const stray = (r: OutboxRecord): void => void strays.push(r)

  const checkStream = (streamId: string, rows: ReadonlyArray<RecordedEvent>, outboxRows: Map<string, OutboxRecord>): void => {
    const order = rows[0]!.globalPosition
    const last = rows[rows.length - 1]!
    streams.push([streamId, rows.length, last.version, order])
    events += rows.length
    const broken = verifyStream(streamId, rows, sha)
    add(order, broken === null ? null : { stream: broken.streamId, version: broken.version, reason: broken.reason })
    for (let i = 0; i < rows.length; i++) {
      const e = rows[i]!
      const before = rows[i - 1]
      if (e.globalPosition <= 0)
        add(order, { stream: streamId, version: e.version, reason: `version ${e.version} is stored at position ${e.globalPosition}, outside the log's order (positions start at 1): show reads it, export, report and the ledger digests do not` })
      else if (before !== undefined && before.globalPosition > 0 && e.globalPosition <= before.globalPosition)
        add(order, { stream: streamId, version: e.version, reason: `version ${e.version} is stored at position ${e.globalPosition}, not after version ${before.version} (position ${before.globalPosition}): outside the log's order` })
    }
    add(order, headFinding(streamId, last, unheaded.get(streamId)))
    unheaded.delete(streamId)
    let implied: OutboxEntry[]
    try {
      implied = impliedOutboxEntries(policy, rows, decode)
    } catch (error) {
      return corrupt(order, error)
    }
    if (implied.length === 0) return
    const versionOf = new Map(rows.map((e) => [e.eventId, e.version]))
    for (const want of implied) {
      const got = outboxRows.get(want.id)
      const version = versionOf.get(want.eventId) ?? null
      if (got === undefined) add(order, { stream: streamId, version, reason: `the outbox row ${want.id} that version ${version} implies is missing` })
      else {
        const changed = differences(want, got, sha)
        if (changed.length > 0) add(order, { stream: streamId, version, reason: `the outbox row ${want.id} differs from what version ${version} implies (${changed.join(', ')})` })
        // retention compacts delivered rows only: a compacted row still to send has lost its notice
        if (got.payloadSha256 !== undefined && got.status !== 'delivered')
          add(order, { stream: streamId, version, reason: `the outbox row ${want.id} is compacted but ${got.status}, not delivered: its notice can no longer be sent` })
        outboxRows.delete(want.id)
      }
    }
  }

  /** The stream's rows checked with its outbox rows; the rows of its stream no event implied are strays. */
  const settled = (streamId: string, rows: ReadonlyArray<RecordedEvent>, outboxRows: Map<string, OutboxRecord>): void => {
    checkStream(streamId, rows, outboxRows)
    outbox.untaken(outboxRows, stray)
    options.onStreams?.(streams.length)
  }
  /** `settled` once the stream's outbox rows are in hand: a promise only when a page of them had to be read. */
  const settleStream = (streamId: string, rows: ReadonlyArray<RecordedEvent>): Promise<void> | undefined => {
    const taken = outbox.take(streamId, stray)
    if (taken instanceof Promise) return taken.then((outboxRows) => settled(streamId, rows, outboxRows))
    settled(streamId, rows, taken)
    return undefined
  }
  try {
    let streamId: string | null = null
    let rows: RecordedEvent[] = []
    for await (const page of pages<EventKey, RecordedEvent>((after) => audit.events(rangePage(after, size, range)), (e) => ({ streamId: e.streamId, version: e.version }), size))
      for (const e of page) {
        // a store that does not read by range returns the rows of other streams too
        if (!inStreamRange(e.streamId, range)) continue
        if (e.streamId !== streamId) {
          // no await when nothing was read: an await, even of nothing, waits a turn
          const reading = streamId === null ? undefined : settleStream(streamId, rows)
          if (reading !== undefined) await reading
          streamId = e.streamId
          rows = []
        }
        rows.push(e)
      }
    if (streamId !== null) await settleStream(streamId, rows)
    await outbox.rest(stray)
  } catch (error) {
    if (error instanceof OutboxUnreadable) return stopped(unreadableOutbox(error.reason))
    corrupt(-Infinity, error)
    return stopped(null)
  }
  // the position of each stream's first row, for the findings of stray rows (only when there are some: rarely)
  const orderOf = new Map<string, number>(strays.length === 0 ? [] : streams.map(([id, , , order]) => [id, order] as const))
  return {
    range,
    complete: true,
    streams,
    events,
    outboxRows: outbox.read(),
    findings,
    heads: [...unheaded.values()].flatMap((head) => {
      const f = headFinding(head.streamId, undefined, head)
      return f === null ? [] : [{ ...f, order: LAST }]
    }),
    strays: strays.map((r) => ({
      stream: r.streamId,
      version: null,
      reason: `the outbox row ${r.id} has no event behind it: no stored event implies it under notification policy ${policy?.policyId ?? '(none)'}`,
      order: orderOf.get(r.streamId) ?? LAST,
    })),
  }
}

/**
 * The streams split into `n` ranges of about equal events (by their stored heads, in stream order),
 * which together cover every stream id (the first has no lower bound, the last no upper one), each
 * with the heads that lie in it.
 */
export const streamRanges = (heads: ReadonlyArray<StoredStreamHead>, n: number): Array<{ readonly range: StreamRange; readonly heads: StoredStreamHead[] }> => {
  const total = heads.reduce((sum, h) => sum + Math.max(h.version, 1), 0)
  const bounds: string[] = []
  let sum = 0
  for (const h of heads) {
    // a bound is the first stream of the next range: once a range holds its share, the next starts
    if (bounds.length < n - 1 && sum >= (total * (bounds.length + 1)) / n) bounds.push(h.streamId)
    sum += Math.max(h.version, 1)
  }
  return Array.from({ length: bounds.length + 1 }, (_, i) => {
    const range: StreamRange = { ...(i === 0 ? {} : { from: bounds[i - 1]! }), ...(i === bounds.length ? {} : { to: bounds[i]! }) }
    return { range, heads: heads.filter((h) => inStreamRange(h.streamId, range)) }
  })
}
