/**
 * The verifier (核验): one algorithm for the CLI's `verify`, the audit example and the stores'
 * tests. It reads the store twice, through the two doors every reader uses:
 * 1. the tables themselves (`store.audit`, `streamHeads`), every row whatever its position. Per
 *    stream: the hash chain (`verifyStream`: versions 1…n, each prevHash, each hash); positions
 *    above 0 and rising with the version (a row outside the log's order is seen by `show`, which
 *    reads by stream, but not by `export`, `report` or the digests, which read in position order);
 *    the stored head (version and hash: a chain cannot see its own tail cut off, the head can);
 *    and the outbox rows its events imply (`impliedOutboxEntries`), each present and unaltered (a
 *    row compacted by retention through the hash of its payload, and only if it was delivered).
 *    Heads left without events and outbox rows left without an event are reported after.
 * 2. the log in its order (`readAll` after 0): every row found in step 1 must be reached, so
 *    `show`, `export`, `report` and `verify` read one and the same set of rows; the stored ledger
 *    digests are recomputed at their positions (which catches a cut made together with a rewritten
 *    head row), and the digest of the log as it stands now is computed.
 * Pure but for the ports it is handed: hashing is passed in (a native SHA-256 in adapters).
 * NOTE: it holds one stream's rows at a time and a few numbers per stream. A store that lists its
 * outbox by stream (`audit.outboxByStream`) has it matched stream by stream beside the events, one
 * stream's rows at a time; otherwise every outbox row is held (a row is matched when its event's
 * stream comes by, in whatever order the store lists the outbox). A store that offers
 * `audit.logKeys` (the rows `readAll` reaches, keys only) is followed in the log's order without
 * parsing every event again.
 */
import { CorruptEventError } from '../kernel/corrupt-event.js'
import { decodeStored } from '../domain/decode.js'
import type { LedgerEvent } from '../domain/events.js'
import type { RecordedEvent } from '../kernel/envelope.js'
import { jsonEqual } from '../kernel/json-equal.js'
import { sha256Hex, verifyStream, type Sha256Function, type StreamHead } from '../kernel/hash-chain.js'
import { merkleRoot, type LedgerDigest, type Sha256BytesFunction } from '../kernel/ledger-digest.js'
import type { OutboxEntry, OutboxRecord } from '../kernel/outbox.js'
import { payloadSha256Of } from '../kernel/outbox-compaction.js'
import type { EventKey, EventStore, LogKey, StoredStreamHead } from '../kernel/ports.js'
import { OutboxUnreadable, outboxByStream, pages, wholeOutbox, type OutboxSource } from './verify-outbox.js'
import { defaultNotificationPolicy } from '../notifications/default-notification-policy.js'
import { impliedOutboxEntries } from '../notifications/implied-outbox.js'
import type { NotificationPolicy } from '../notifications/notification-policy.js'

/** One thing found wrong: the stream and version it concerns (null where none applies). */
export interface VerifyFinding {
  readonly stream: string | null
  readonly version: number | null
  readonly reason: string
}

/** The verifier's answer: intact (with what was read), or every finding, the first bad stream in commit order first. */
export type LedgerVerification =
  | {
      readonly ok: true
      readonly streams: number
      readonly events: number
      readonly outboxRows: number
      readonly digestsChecked: number
      /** The digest of the log as read now. */
      readonly digest: LedgerDigest
    }
  | { readonly ok: false; readonly findings: ReadonlyArray<VerifyFinding> }

/** Progress of the per-stream pass (the CLI's progress bar fits it). */
export interface VerifyProgress {
  readonly start: (total: number) => void
  readonly update: (done: number) => void
  readonly stop: () => void
}

/** What `verifyLedger` reads: the store's ports. */
export type VerifiableStore = Pick<EventStore, 'readAll' | 'streamHeads' | 'audit'>

/** Options of `verifyLedger`. */
export interface VerifyLedgerOptions {
  /** SHA-256 (default: the core's pure one; adapters pass a native one). */
  readonly sha256?: Sha256Function
  /** SHA-256 of bytes for the ledger digests' Merkle roots (default: the core's pure one; adapters pass a native one). */
  readonly sha256Bytes?: Sha256BytesFunction
  /** The ledger's notification policy (default: the shipped one; null: the ledger writes no notices). */
  readonly notifications?: NotificationPolicy | null
  /** An event's data after upcasting (default: the current codecs after the domain's own upcasters). */
  readonly decode?: (row: RecordedEvent) => LedgerEvent
  /** Digests stored with the log (e.g. `ledgerDigests()` of a store that keeps them). */
  readonly digests?: ReadonlyArray<LedgerDigest>
  readonly progress?: VerifyProgress
  /** Rows per page read (default 5,000). */
  readonly pageSize?: number
  /**
   * Outbox rows per page of `audit.outboxByStream` (default 20,000): a store without an index in
   * that order sorts the whole outbox for each page, so its pages are larger than the events'.
   */
  readonly outboxPageSize?: number
}

/** A finding with the position of its stream's first row: findings are reported in commit order. */
type Found = VerifyFinding & { readonly order: number }

/** Where the log's order reached a stream: rows counted, and the first version it skipped. */
interface Reach {
  count: number
  next: number
  gap: number | null
}

const LAST = Number.MAX_SAFE_INTEGER

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

const differences = (want: OutboxEntry, got: OutboxRecord, sha: Sha256Function): string[] => [
  ...CONTENT.filter((k) => want[k] !== got[k]),
  ...((got.payloadSha256 === undefined ? samePayload(want.payload, got.payload) : sameCompactedPayload(want.payload, got, sha)) ? [] : ['payload']),
]

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


/** Verifies every stored row of `store`; see the module comment for what is checked. */
export const verifyLedger = async (store: VerifiableStore, options: VerifyLedgerOptions = {}): Promise<LedgerVerification> => {
  const sha = options.sha256 ?? sha256Hex
  const policy = options.notifications === undefined ? defaultNotificationPolicy : options.notifications
  const decodeRow = decodeStored()
  const decode = options.decode ?? ((row: RecordedEvent) => decodeRow(row).event)
  const size = options.pageSize ?? 5000
  const found: Found[] = []
  const add = (order: number, f: VerifyFinding | null): void => void (f === null || found.push({ ...f, order }))
  const failed = (): LedgerVerification => ({
    ok: false,
    findings: [...found].sort((a, b) => a.order - b.order).map(({ stream, version, reason }) => ({ stream, version, reason })),
  })
  const corrupt = (order: number, error: unknown): void => {
    if (!(error instanceof CorruptEventError)) throw error
    add(order, { stream: error.streamId, version: error.version, reason: error.message })
  }

  const heads = new Map((await store.streamHeads()).map((h) => [h.streamId, h]))
  const unreadableOutbox = (error: unknown): LedgerVerification => {
    // a row that does not decode (an unknown channel or status, a payload that is not JSON)
    add(LAST, { stream: null, version: null, reason: `the outbox cannot be read: ${error instanceof Error ? error.message : String(error)}` })
    return failed()
  }
  let outbox: OutboxSource
  try {
    const byStream = store.audit.outboxByStream
    outbox = byStream === undefined ? await wholeOutbox(store.audit.outbox, size) : outboxByStream(byStream, options.outboxPageSize ?? 20_000)
  } catch (error) {
    return unreadableOutbox(error)
  }
  const strays: OutboxRecord[] = []
  const stray = (r: OutboxRecord): void => void strays.push(r)

  // 1. the tables, stream by stream
  const audited = new Map<string, { readonly count: number; readonly last: number; readonly order: number }>()
  let events = 0
  const checkStream = (streamId: string, rows: ReadonlyArray<RecordedEvent>, outboxRows: Map<string, OutboxRecord>): void => {
    const order = rows[0]!.globalPosition
    const last = rows[rows.length - 1]!
    audited.set(streamId, { count: rows.length, last: last.version, order })
    events += rows.length
    const broken = verifyStream(streamId, rows, sha)
    add(order, broken === null ? null : { stream: broken.streamId, version: broken.version, reason: broken.reason })
    rows.forEach((e, i) => {
      const before = rows[i - 1]
      if (e.globalPosition <= 0)
        add(order, { stream: streamId, version: e.version, reason: `version ${e.version} is stored at position ${e.globalPosition}, outside the log's order (positions start at 1): show reads it, export, report and the ledger digests do not` })
      else if (before !== undefined && before.globalPosition > 0 && e.globalPosition <= before.globalPosition)
        add(order, { stream: streamId, version: e.version, reason: `version ${e.version} is stored at position ${e.globalPosition}, not after version ${before.version} (position ${before.globalPosition}): outside the log's order` })
    })
    add(order, headFinding(streamId, last, heads.get(streamId)))
    heads.delete(streamId)
    let implied: OutboxEntry[]
    try {
      implied = impliedOutboxEntries(policy, rows, decode)
    } catch (error) {
      return corrupt(order, error)
    }
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
  const settleStream = async (streamId: string, rows: ReadonlyArray<RecordedEvent>): Promise<void> => {
    const outboxRows = await outbox.take(streamId, stray)
    checkStream(streamId, rows, outboxRows)
    outbox.untaken(outboxRows, stray)
  }
  options.progress?.start(heads.size)
  try {
    let streamId: string | null = null
    let rows: RecordedEvent[] = []
    for await (const page of pages<EventKey, RecordedEvent>(
      (after) => store.audit.events(after === undefined ? { limit: size } : { after, limit: size }),
      (e) => ({ streamId: e.streamId, version: e.version }),
      size,
    ))
      for (const e of page) {
        if (e.streamId !== streamId) {
          if (streamId !== null) await settleStream(streamId, rows)
          options.progress?.update(audited.size)
          streamId = e.streamId
          rows = []
        }
        rows.push(e)
      }
    if (streamId !== null) await settleStream(streamId, rows)
  } catch (error) {
    if (error instanceof OutboxUnreadable) return unreadableOutbox(error.reason)
    corrupt(-Infinity, error)
    return failed()
  } finally {
    options.progress?.stop()
  }
  try {
    await outbox.rest(stray)
  } catch (error) {
    if (error instanceof OutboxUnreadable) return unreadableOutbox(error.reason)
    throw error
  }
  const outboxRows = outbox.read()
  for (const [streamId, head] of heads) add(LAST, headFinding(streamId, undefined, head))
  for (const r of strays)
    add(audited.get(r.streamId)?.order ?? LAST, { stream: r.streamId, version: null, reason: `the outbox row ${r.id} has no event behind it: no stored event implies it under notification policy ${policy?.policyId ?? '(none)'}` })

  // 2. the log in its order: reach every audited row, recompute the digests
  const reach = new Map<string, Reach>()
  const logHeads = new Map<string, StreamHead>()
  // the root is recomputed only when a head moved since the last one (a digest at the log's end is the final root)
  let moved = 0
  let rooted: { readonly at: number; readonly root: string } | null = null
  const root = (): string => {
    if (rooted?.at !== moved) rooted = { at: moved, root: merkleRoot([...logHeads.values()], options.sha256Bytes) }
    return rooted.root
  }
  const logKeys = store.audit.logKeys ?? store.readAll
  const digests = [...(options.digests ?? [])].sort((a, b) => a.globalPosition - b.globalPosition)
  const rootsAt = new Map<number, { streamCount: number; root: string }>()
  let position = 0
  const settleUpTo = (p: number): void => {
    while (digests.length > 0 && digests[0]!.globalPosition < p) {
      const d = digests.shift()!
      rootsAt.set(d.globalPosition, { streamCount: logHeads.size, root: root() })
    }
  }
  const readLog = async (): Promise<void> => {
    for await (const page of pages<number, LogKey>((after) => logKeys({ after: after ?? position, limit: size }), (e) => e.globalPosition, size))
      for (const e of page) {
        settleUpTo(e.globalPosition)
        position = e.globalPosition
        const head = logHeads.get(e.streamId)
        if (head === undefined || e.version > head.version) {
          logHeads.set(e.streamId, { streamId: e.streamId, version: e.version, hash: e.hash })
          moved++
        }
        const a = audited.get(e.streamId)
        // rows appended since the audit read the tables are not its to count
        if (a === undefined || e.version > a.last) continue
        const r = reach.get(e.streamId) ?? { count: 0, next: 1, gap: null }
        r.count++
        if (e.version !== r.next && r.gap === null) r.gap = r.next
        r.next = e.version + 1
        reach.set(e.streamId, r)
      }
  }
  const unreached = () => [...audited].filter(([id, a]) => (reach.get(id)?.count ?? 0) < a.count)
  try {
    await readLog()
    // PostgreSQL: an append still running may hold readAll below rows committed after it; look once more
    if (unreached().length > 0) await readLog()
  } catch (error) {
    corrupt(-Infinity, error)
    return failed()
  }
  for (const [streamId, a] of unreached()) {
    const r = reach.get(streamId)
    const version = r?.gap ?? r?.next ?? 1
    add(a.order, { stream: streamId, version, reason: `${a.count - (r?.count ?? 0)} of the stream's ${a.count} stored events (from version ${version}) are not reached by readAll: export, report and the ledger digests do not see them` })
  }
  settleUpTo(Infinity)
  for (const d of options.digests ?? []) {
    const now = rootsAt.get(d.globalPosition)
    if (now === undefined || now.root !== d.root || now.streamCount !== d.streamCount)
      add(Infinity, {
        stream: null,
        version: null,
        reason: `ledger digest at position ${d.globalPosition} (root ${d.root}, ${d.streamCount} streams) does not match the log (${now === undefined ? 'position not reached' : `root ${now.root}, ${now.streamCount} streams`}): events up to that position were removed or rewritten`,
      })
  }
  if (found.length > 0) return failed()
  return {
    ok: true,
    streams: audited.size,
    events,
    outboxRows,
    digestsChecked: options.digests?.length ?? 0,
    digest: { globalPosition: position, streamCount: logHeads.size, root: root() },
  }
}
