/**
 * The verifier (核验): one algorithm for the CLI's `verify`, the audit example and the stores'
 * tests. It reads the store twice, through the two doors every reader uses:
 * 1. the tables themselves (`store.audit`, `streamHeads`), every row whatever its position, stream
 *    by stream (`verifyStreamRange`, verify-streams.ts): the hash chains, positions, stored heads
 *    and the outbox rows the events imply. A caller may split the streams into ranges and run
 *    that pass over each side by side (`streamPass`: the CLI runs them in worker threads); the
 *    findings are merged as one pass over every stream would have made them.
 * 2. the log in its order (`readAll` after 0): every row found in step 1 must be reached, so
 *    `show`, `export`, `report` and `verify` read one and the same set of rows; the stored ledger
 *    digests are recomputed at their positions (which catches a cut made together with a rewritten
 *    head row), and the digest of the log as it stands now is computed.
 * Pure but for the ports it is handed: hashing is passed in (a native SHA-256 in adapters).
 * NOTE: it holds one stream's rows at a time per range and a few numbers per stream. A store that
 * lists its outbox by stream (`audit.outboxByStream`) has it matched stream by stream beside the
 * events; otherwise every outbox row of the range is held until its event's stream comes by. A
 * store that offers `audit.logKeys` (the rows `readAll` reaches, keys only) is followed in the
 * log's order without parsing every event again.
 */
import { CorruptEventError } from '../kernel/corrupt-event.js'
import { merkleRoot, type LedgerDigest, type Sha256BytesFunction } from '../kernel/ledger-digest.js'
import type { EventStore, LogKey, StoredStreamHead } from '../kernel/ports.js'
import { pages } from './verify-outbox.js'
import { verifyStreamRange, type OrderedFinding, type StreamPassOptions, type StreamRangeVerification, type VerifyFinding } from './verify-streams.js'

export { headFinding, streamRanges, verifyStreamRange, type StreamPassOptions, type StreamRangeVerification, type VerifyFinding } from './verify-streams.js'

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

/**
 * Runs the first pass over every stream, given the stored heads (in stream order) and a progress
 * callback (streams checked so far, over all ranges): `verifyStreamRange` over ranges that together
 * cover every stream id, answered in range order — side by side in worker threads, say.
 */
export type StreamPassRunner = (heads: ReadonlyArray<StoredStreamHead>, progress: (done: number) => void) => Promise<ReadonlyArray<StreamRangeVerification>>

/** Options of `verifyLedger`. */
export interface VerifyLedgerOptions extends Omit<StreamPassOptions, 'onStreams'> {
  /** SHA-256 of bytes for the ledger digests' Merkle roots (default: the core's pure one; adapters pass a native one). */
  readonly sha256Bytes?: Sha256BytesFunction
  /** Digests stored with the log (e.g. `ledgerDigests()` of a store that keeps them). */
  readonly digests?: ReadonlyArray<LedgerDigest>
  readonly progress?: VerifyProgress
  /** The first pass (default: `verifyStreamRange` over every stream, here, with these options). */
  readonly streamPass?: StreamPassRunner
}

/**
 * A stream as the log's order has reached it so far: its head there (`streamId`, `version`, `hash`:
 * a `StreamHead` for the ledger digest), and of the rows the first pass audited, how many were
 * reached and the first version skipped. One record per stream, so a row costs one lookup.
 */
interface Reached {
  readonly streamId: string
  version: number
  hash: string
  /** What the first pass read of the stream (undefined: none, the stream began after it). */
  readonly audited: { readonly count: number; readonly last: number; readonly order: number } | undefined
  count: number
  next: number
  gap: number | null
}

/** Verifies every stored row of `store`; see the module comment for what is checked. */
export const verifyLedger = async (store: VerifiableStore, options: VerifyLedgerOptions = {}): Promise<LedgerVerification> => {
  const size = options.pageSize ?? 5000
  const found: OrderedFinding[] = []
  const add = (order: number, f: VerifyFinding | null): void => void (f === null || found.push({ ...f, order }))
  const failed = (): LedgerVerification => ({
    ok: false,
    findings: [...found].sort((a, b) => a.order - b.order).map(({ stream, version, reason }) => ({ stream, version, reason })),
  })
  const corrupt = (order: number, error: unknown): void => {
    if (!(error instanceof CorruptEventError)) throw error
    add(order, { stream: error.streamId, version: error.version, reason: error.message })
  }

  // 1. the tables, stream by stream (over one range here, or over several by the caller's runner)
  const heads = await store.streamHeads()
  const streamPass: StreamPassRunner = options.streamPass ?? (async (all, onStreams) => [await verifyStreamRange(store.audit, all, {}, { ...options, onStreams })])
  options.progress?.start(heads.length)
  let ranges: ReadonlyArray<StreamRangeVerification>
  try {
    ranges = await streamPass(heads, (done) => options.progress?.update(done))
  } finally {
    options.progress?.stop()
  }
  // every stream id in exactly one range: a runner that left a gap would leave its rows unread
  const covered = ranges.every((r, i) => (i === 0 ? r.range.from === undefined : r.range.from === ranges[i - 1]!.range.to) && (i < ranges.length - 1 || r.range.to === undefined))
  if (ranges.length === 0 || !covered) throw new Error('the stream pass must answer for ranges that cover every stream, in order')
  const audited = new Map<string, { readonly count: number; readonly last: number; readonly order: number }>()
  let events = 0
  let outboxRows = 0
  for (const r of ranges) {
    found.push(...r.findings)
    // as one pass over every stream would: it stops at the first row it cannot read
    if (!r.complete) return failed()
    for (const [streamId, count, last, order] of r.streams) audited.set(streamId, { count, last, order })
    events += r.events
    outboxRows += r.outboxRows
  }
  for (const r of ranges) found.push(...r.heads)
  for (const r of ranges) found.push(...r.strays)

  // 2. the log in its order: reach every audited row, recompute the digests
  const reached = new Map<string, Reached>()
  // the root is recomputed only when a head moved since the last one (a digest at the log's end is the final root)
  let moved = 0
  let rooted: { readonly at: number; readonly root: string } | null = null
  const root = (): string => {
    if (rooted?.at !== moved) rooted = { at: moved, root: merkleRoot([...reached.values()], options.sha256Bytes) }
    return rooted.root
  }
  const logKeys = store.audit.logKeys ?? store.readAll
  const digests = [...(options.digests ?? [])].sort((a, b) => a.globalPosition - b.globalPosition)
  const rootsAt = new Map<number, { streamCount: number; root: string }>()
  let position = 0
  const settleUpTo = (p: number): void => {
    while (digests.length > 0 && digests[0]!.globalPosition < p) {
      const d = digests.shift()!
      rootsAt.set(d.globalPosition, { streamCount: reached.size, root: root() })
    }
  }
  const readLog = async (): Promise<void> => {
    for await (const page of pages<number, LogKey>((after) => logKeys({ after: after ?? position, limit: size }), (e) => e.globalPosition, size))
      for (const e of page) {
        if (digests.length > 0) settleUpTo(e.globalPosition)
        position = e.globalPosition
        let r = reached.get(e.streamId)
        if (r === undefined) {
          r = { streamId: e.streamId, version: e.version, hash: e.hash, audited: audited.get(e.streamId), count: 0, next: 1, gap: null }
          reached.set(e.streamId, r)
          moved++
        } else if (e.version > r.version) {
          r.version = e.version
          r.hash = e.hash
          moved++
        }
        const a = r.audited
        // rows appended since the audit read the tables are not its to count
        if (a === undefined || e.version > a.last) continue
        r.count++
        if (e.version !== r.next && r.gap === null) r.gap = r.next
        r.next = e.version + 1
      }
  }
  const unreached = () => [...audited].filter(([id, a]) => (reached.get(id)?.count ?? 0) < a.count)
  try {
    await readLog()
    // PostgreSQL: an append still running may hold readAll below rows committed after it; look once more
    if (unreached().length > 0) await readLog()
  } catch (error) {
    corrupt(-Infinity, error)
    return failed()
  }
  for (const [streamId, a] of unreached()) {
    const r = reached.get(streamId)
    const version = r?.gap ?? (r === undefined ? 1 : r.next)
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
    digest: { globalPosition: position, streamCount: reached.size, root: root() },
  }
}
