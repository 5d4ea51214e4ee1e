/**
 * The outbox port in memory. Rows are added by the store's append (same step as the events, so
 * all or nothing) and changed only through the port, as a durable store would.
 */
import { payloadSha256Of, type DeliveryStatus, type Outbox, type OutboxEntry, type OutboxQuery, type OutboxRecord } from '@talent-ledger/core'

/** The in-memory outbox, plus the hook the store's append uses. */
export interface MemoryOutbox extends Outbox {
  /** Adds entries (an id already present is kept as it is); called by the append. */
  readonly add: (entries: ReadonlyArray<OutboxEntry>, createdAt: string) => void
  /** Every row (copies), in no particular order: what the store's audit reads. */
  readonly rows: () => OutboxRecord[]
}

type Row = OutboxRecord & { readonly leaseUntil: string | null }

/** Creates an empty in-memory outbox. */
export const createMemoryOutbox = (): MemoryOutbox => {
  const rows = new Map<string, Row>()
  const update = (id: string, change: Partial<Row>): void => {
    const row = rows.get(id)
    if (row !== undefined) rows.set(id, { ...row, ...change })
  }
  const matches = (q: OutboxQuery) => (r: Row): boolean =>
    (q.status === undefined || r.status === q.status) && (q.channel === undefined || r.channel === q.channel)
  const publicRow = ({ leaseUntil: _lease, ...record }: Row): OutboxRecord => structuredClone(record)

  return {
    rows: () => [...rows.values()].map(publicRow),
    add: (entries, createdAt) => {
      for (const e of entries)
        if (!rows.has(e.id))
          rows.set(e.id, {
            ...structuredClone(e),
            status: 'pending',
            attempts: 0,
            nextAttemptAt: null,
            lastError: null,
            createdAt,
            deliveredAt: null,
            leaseUntil: null,
          })
    },
    claim: async (now, limit, leaseUntil, channels) => {
      const due = [...rows.values()].filter(
        (r) =>
          r.status === 'pending' &&
          (r.nextAttemptAt === null || r.nextAttemptAt <= now) &&
          (r.leaseUntil === null || r.leaseUntil <= now) &&
          (channels === undefined || channels.includes(r.channel)),
      )
      const taken = due.slice(0, limit)
      for (const r of taken) update(r.id, { leaseUntil })
      return taken.map(publicRow)
    },
    markDelivered: async (id, at) => {
      const row = rows.get(id)
      if (row !== undefined && row.status !== 'delivered')
        update(id, { status: 'delivered', attempts: row.attempts + 1, deliveredAt: at, nextAttemptAt: null, leaseUntil: null })
    },
    markRetry: async (id, error, nextAttemptAt) => {
      const row = rows.get(id)
      if (row !== undefined && row.status === 'pending')
        update(id, { attempts: row.attempts + 1, lastError: error, nextAttemptAt, leaseUntil: null })
    },
    park: async (id, reason) => {
      const row = rows.get(id)
      if (row !== undefined && row.status === 'pending')
        update(id, { status: 'parked', attempts: row.attempts + 1, lastError: reason, nextAttemptAt: null, leaseUntil: null })
    },
    requeue: async (ids) => {
      const chosen = [...rows.values()].filter((r) => (ids === undefined ? r.status === 'parked' : ids.includes(r.id) && r.status !== 'delivered'))
      for (const r of chosen) update(r.id, { status: 'pending', nextAttemptAt: null, leaseUntil: null })
      return chosen.length
    },
    list: async (query = {}) => [...rows.values()].filter(matches(query)).slice(0, query.limit).map(publicRow),
    counts: async () => {
      const counts: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, parked: 0 }
      for (const r of rows.values()) counts[r.status]++
      return counts
    },
    compact: async (before, limit) => {
      // oldest delivery first, as the SQL stores take them; insertion order breaks ties
      const due = [...rows.values()]
        .filter((r) => r.status === 'delivered' && r.payloadSha256 === undefined && r.deliveredAt !== null && r.deliveredAt < before)
        .sort((a, b) => (a.deliveredAt! < b.deliveredAt! ? -1 : a.deliveredAt! > b.deliveredAt! ? 1 : 0))
        .slice(0, limit)
      for (const r of due) update(r.id, { payload: {}, payloadSha256: payloadSha256Of(r.payload) })
      return due.length
    },
  }
}
