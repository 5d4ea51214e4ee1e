/**
 * The outbox as `verifyLedger`'s per-stream pass reads it (发件箱核对): page by page beside the
 * events when the store lists its outbox by stream (`audit.outboxByStream`, the same code-point
 * order as `audit.events`), so one stream's rows are held at a time; else the whole outbox first,
 * every row held until its event's stream comes by.
 */
import { compareCodePoints } from '../kernel/code-point-order.js'
import type { OutboxRecord } from '../kernel/outbox.js'
import type { AuditPage, OutboxKey, StoreAudit, StreamRange } from '../kernel/ports.js'

/** True when stream `id` lies in `range` (code-point order, `from` inclusive, `to` exclusive). */
export const inStreamRange = (id: string, range: StreamRange): boolean =>
  (range.from === undefined || compareCodePoints(id, range.from) >= 0) && (range.to === undefined || compareCodePoints(id, range.to) < 0)

/** The page options of a read over `range` (the whole key space: none). */
export const rangePage = <K>(after: K | undefined, limit: number, range: StreamRange): AuditPage<K> => ({
  ...(after === undefined ? {} : { after }),
  limit,
  ...(range.from === undefined && range.to === undefined ? {} : { streams: range }),
})

/** Pages of `read` until one comes back short, each read after the key of the last row. */
export async function* pages<K, R>(read: (after: K | undefined) => Promise<ReadonlyArray<R>>, keyOf: (row: R) => K, size: number): AsyncGenerator<ReadonlyArray<R>> {
  let after: K | undefined
  for (;;) {
    const page = await read(after)
    if (page.length > 0) yield page
    if (page.length < size) return
    after = keyOf(page[page.length - 1]!)
  }
}

/**
 * The outbox as the per-stream pass takes it: `take(streamId)` gives the rows of that stream by id
 * (streams come in code-point order), after handing every row of a stream before it that no
 * stream took to `stray`; `rest` gives the rows no stream took. Read page by page beside the
 * events when the store lists its outbox by stream, else read whole first.
 */
export interface OutboxSource {
  readonly take: (streamId: string, stray: (r: OutboxRecord) => void) => Map<string, OutboxRecord> | Promise<Map<string, OutboxRecord>>
  /** Called with what `take` gave once the stream is checked: the rows no event of it implied. */
  readonly untaken: (rows: Map<string, OutboxRecord>, stray: (r: OutboxRecord) => void) => void
  readonly rest: (stray: (r: OutboxRecord) => void) => Promise<void>
  /** Rows read so far. */
  readonly read: () => number
}

/** The outbox could not be read (a row that does not decode): reported as such, not as the events' corruption. */
export class OutboxUnreadable extends Error {
  constructor(readonly reason: unknown) {
    super('the outbox cannot be read')
  }
}

const outboxRead = async <T>(read: () => Promise<T>): Promise<T> => {
  try {
    return await read()
  } catch (error) {
    throw new OutboxUnreadable(error)
  }
}

/** Every outbox row of the streams in `range` (the store lists the whole outbox: the rows of other streams are left). */
export const wholeOutbox = async (list: StoreAudit['outbox'], size: number, range: StreamRange = {}): Promise<OutboxSource> => {
  const rows = new Map<string, OutboxRecord>()
  for await (const page of pages<string, OutboxRecord>((after) => list(after === undefined ? { limit: size } : { after, limit: size }), (r) => r.id, size))
    for (const r of page) if (inStreamRange(r.streamId, range)) rows.set(r.id, r)
  const read = rows.size
  return {
    // every row is a candidate for every stream: a row is matched by id, and leaves the map when matched
    take: () => rows,
    // a row not matched by this stream may be another's: it stays until the end
    untaken: () => undefined,
    rest: async (stray) => rows.forEach(stray),
    read: () => read,
  }
}

/** What `take` gives a stream with no outbox row: never written to (a stream's check only deletes from what it is given). */
const NO_ROWS: Map<string, OutboxRecord> = new Map()

/** The outbox rows of the streams in `range`, page by page beside the events (a row a store returns outside the range is left). */
export const outboxByStream = (list: (page: AuditPage<OutboxKey>) => Promise<ReadonlyArray<OutboxRecord>>, size: number, range: StreamRange = {}): OutboxSource => {
  const next = pages<OutboxKey, OutboxRecord>((after) => list(rangePage(after, size, range)), (r) => ({ streamId: r.streamId, id: r.id }), size)
  const whole = range.from === undefined && range.to === undefined
  let page: ReadonlyArray<OutboxRecord> = []
  let at = 0
  let done = false
  let read = 0
  /** Reads pages until one has a row not yet taken, or the outbox ends (false). */
  const more = async (): Promise<boolean> => {
    while (at >= page.length && !done) {
      const n = await outboxRead(() => next.next())
      if (n.done === true) done = true
      else {
        page = whole ? n.value : n.value.filter((r) => inStreamRange(r.streamId, range))
        at = 0
        read += page.length
      }
    }
    return at < page.length
  }
  return {
    // WHY a promise only when a page runs out: most streams have no row, or a few in the page in hand,
    // and a promise per stream (and per row, as once) was a tenth of the per-stream pass's own time
    take: (streamId, stray) => {
      let rows: Map<string, OutboxRecord> | undefined
      /** Takes the stream's rows from the page in hand; true when they end within it (or the outbox ends). */
      const within = (): boolean => {
        for (; at < page.length; at++) {
          const r = page[at]!
          const order = compareCodePoints(r.streamId, streamId)
          if (order > 0) return true
          if (order < 0) stray(r)
          else (rows ??= new Map()).set(r.id, r)
        }
        return done
      }
      if (within()) return rows ?? NO_ROWS
      return (async () => {
        while ((await more()) && !within());
        return rows ?? NO_ROWS
      })()
    },
    untaken: (rows, stray) => rows.forEach(stray),
    rest: async (stray) => {
      while (at < page.length || (await more())) {
        stray(page[at]!)
        at++
      }
    },
    read: () => read,
  }
}

