/**
 * Conformance: every stored row is the verifier's. `store.audit` lists every events row (by stream
 * id in code-point order, then version) and every outbox row, page by page; core `verifyLedger`
 * finds a ledger written through the port intact. With a `StoredRowWriter` (an adapter with tables
 * someone could write behind its back: SQLite, PostgreSQL), each forged write of issue 10 is either
 * refused by the store's constraints or reported by `verifyLedger`: a row at position 0 or below,
 * an event moved there, an event without a head, a head without events, an outbox row altered,
 * deleted or added, a compacted one given another payload hash.
 */
import { describe, expect, it } from 'vitest'
import {
  compareCodePoints,
  createTalentLedger,
  payloadSha256Of,
  sealEvents,
  verifyLedger,
  type EventStore,
  type OutboxEntry,
  type RecordedEvent,
  type StoredStreamHead,
} from '@talent-ledger/core'
import { assessmentScenario } from '../stores/assessment-scenario.js'
import { createMemoryKeyStore } from '@talent-ledger/store-memory'
import { expectAppended, probes, uniqueStream, withStore, type EventStoreFactory } from './fixtures.js'

/**
 * Writes straight into an adapter's tables, as someone with the file or the database would: what
 * the stored-row checks forge. Each method may throw when the store's constraints refuse the write.
 */
export interface StoredRowWriter {
  readonly insertEvent: (store: EventStore, row: RecordedEvent) => Promise<void>
  readonly moveEvent: (store: EventStore, streamId: string, version: number, position: number) => Promise<void>
  readonly deleteEvent: (store: EventStore, streamId: string, version: number) => Promise<void>
  readonly insertHead: (store: EventStore, head: StoredStreamHead) => Promise<void>
  readonly deleteHead: (store: EventStore, streamId: string) => Promise<void>
  readonly setOutboxRecipient: (store: EventStore, id: string, recipient: string) => Promise<void>
  readonly setOutboxPayload: (store: EventStore, id: string, payloadJson: string) => Promise<void>
  readonly deleteOutbox: (store: EventStore, id: string) => Promise<void>
  readonly insertOutbox: (store: EventStore, entry: OutboxEntry) => Promise<void>
  /** Sets the payload hash a compacted outbox row keeps (retention); without it that forgery is not tried. */
  readonly setOutboxPayloadSha256?: (store: EventStore, id: string, payloadSha256: string) => Promise<void>
  /**
   * Removes the store's stored-row constraints, as in a file or schema written before them (or by
   * someone who dropped them): the checks then run again and `verifyLedger` alone must report each.
   */
  readonly dropConstraints?: (store: EventStore) => Promise<void>
}

const clock = { now: () => '2026-03-01T08:00:00.000Z' }

/** Runs the assessment scenario through the ledger on `store` (notices under the shipped policy). */
const scenario = async (store: EventStore): Promise<void> => {
  const ledger = createTalentLedger({ store, keys: createMemoryKeyStore(), clock })
  for (const c of assessmentScenario.commands) expect(await ledger.execute(c)).toMatchObject({ ok: true })
}

/** A copy of a stored event under a new id (event ids are unique across the log). */
const fresh = (e: RecordedEvent): RecordedEvent => ({ ...e, eventId: globalThis.crypto.randomUUID() })

/** True when `write` was refused (threw). */
const refused = (write: Promise<void>): Promise<boolean> => write.then(() => false, () => true)

/**
 * Asserts `write` was refused or `verifyLedger` names what it forged (`stream`, `reason`); with
 * `mustReport` (no constraints left), that the write was stored and reported.
 */
const refusedOrReported = async (store: EventStore, write: Promise<void>, stream: string | null, reason: RegExp, mustReport: boolean): Promise<void> => {
  const wasRefused = await refused(write)
  if (mustReport) expect(wasRefused, 'the write was refused with the constraints dropped').toBe(false)
  if (wasRefused) return
  const verified = await verifyLedger(store)
  if (verified.ok) expect.fail(`the forged write was stored and verifyLedger found the store intact (expected ${String(reason)})`)
  expect(verified.findings).toContainEqual(expect.objectContaining({ stream, reason: expect.stringMatching(reason) }))
}

/** Registers the audit tests, and the stored-row checks when the adapter gives a writer. */
export const storedRowConformance = (factory: EventStoreFactory, writer?: StoredRowWriter): void => {
  describe('audit reads and the verifier', () => {
    it('lists every events row by stream id in code-point order, then version, page by page', async () => {
      await withStore(factory, async (store) => {
        // U+FF5E sorts before U+1F600 by code point, after it by UTF-16 code unit
        const streams = [uniqueStream('audit-b'), uniqueStream('audit-a'), `audit-\u{1F600}-${globalThis.crypto.randomUUID()}`, `audit-\uFF5E-${globalThis.crypto.randomUUID()}`]
        for (const s of streams) expectAppended(await store.append(s, probes(3), 'no-stream'))
        const all = await store.readAll()
        const listed: RecordedEvent[] = []
        for (let page = await store.audit.events({ limit: 2 }); page.length > 0; ) {
          listed.push(...page)
          const last = page[page.length - 1]!
          page = await store.audit.events({ after: { streamId: last.streamId, version: last.version }, limit: 2 })
        }
        const order = [streams[1]!, streams[0]!, streams[3]!, streams[2]!]
        expect(listed.map((e) => [e.streamId, e.version])).toEqual(order.flatMap((s) => [1, 2, 3].map((v) => [s, v])))
        expect([...listed].sort((a, b) => a.globalPosition - b.globalPosition)).toEqual(all)
      })
    })

    it('lists the events rows of a range of streams (code-point bounds, from inclusive, to exclusive), page by page', async () => {
      await withStore(factory, async (store) => {
        const tag = globalThis.crypto.randomUUID()
        // in code-point order; U+FF5E sorts before U+1F600 by code point, after it by UTF-16 code unit
        const order = [`range-${tag}-a`, `range-${tag}-b`, `range-${tag}-\uFF5E`, `range-${tag}-\u{1F600}`]
        for (const s of [...order].reverse()) expectAppended(await store.append(s, probes(2), 'no-stream'))
        const listed = async (streams: { from?: string; to?: string }, limit: number) => {
          const rows: RecordedEvent[] = []
          for (let page = await store.audit.events({ limit, streams }); page.length > 0; ) {
            rows.push(...page)
            const last = page[page.length - 1]!
            page = page.length < limit ? [] : await store.audit.events({ after: { streamId: last.streamId, version: last.version }, limit, streams })
          }
          return rows.map((e) => [e.streamId, e.version])
        }
        const of = (ids: string[]) => ids.flatMap((s) => [1, 2].map((v) => [s, v]))
        expect(await listed({ from: order[1]!, to: order[3]! }, 1)).toEqual(of(order.slice(1, 3)))
        expect(await listed({ from: order[2]!, to: order[3]! }, 5)).toEqual(of([order[2]!]))
        expect((await listed({ from: order[3]! }, 3)).filter(([s]) => String(s).startsWith(`range-${tag}`))).toEqual(of([order[3]!]))
        expect((await listed({ to: order[1]! }, 3)).filter(([s]) => String(s).startsWith(`range-${tag}`))).toEqual(of([order[0]!]))
      })
    })

    it('lists every outbox row, delivered ones too, page by page', async () => {
      await withStore(factory, async (store) => {
        await scenario(store)
        const rows = await store.outbox.list()
        expect(rows.length).toBeGreaterThan(1)
        await store.outbox.markDelivered(rows[0]!.id, '2026-03-01T09:00:00.000Z')
        const listed = []
        for (let page = await store.audit.outbox({ limit: 1 }); page.length > 0; page = await store.audit.outbox({ after: page[0]!.id, limit: 1 })) listed.push(...page)
        expect(listed.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort())
        expect(listed.find((r) => r.id === rows[0]!.id)?.status).toBe('delivered')
      })
    })

    it('lists the outbox by stream and the log as keys, where the store offers those reads', async () => {
      await withStore(factory, async (store) => {
        await scenario(store)
        const { outboxByStream, logKeys } = store.audit
        if (outboxByStream !== undefined) {
          const listed = []
          for (let page = await outboxByStream({ limit: 1 }); page.length > 0; page = await outboxByStream({ after: { streamId: page[0]!.streamId, id: page[0]!.id }, limit: 1 }))
            listed.push(...page)
          const rows = await store.outbox.list()
          expect(listed.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort())
          const byStream = (a: { streamId: string; id: string }, b: { streamId: string; id: string }) => compareCodePoints(a.streamId, b.streamId) || compareCodePoints(a.id, b.id)
          expect(listed).toEqual([...listed].sort(byStream))
          expect(listed).toEqual([...rows].sort(byStream))
          // a range of streams: the rows of its streams only, in the same order, page by page
          const ids = [...new Set(listed.map((r) => r.streamId))]
          expect(ids.length).toBeGreaterThan(0)
          const streams = ids.length > 1 ? { from: ids[1]!, ...(ids.length > 2 ? { to: ids[ids.length - 1]! } : {}) } : { from: ids[0]! }
          expect(await outboxByStream({ limit: 10, streams: { to: ids[0]! } })).toEqual([])
          const inRange = listed.filter((r) => compareCodePoints(r.streamId, streams.from) >= 0 && (streams.to === undefined || compareCodePoints(r.streamId, streams.to) < 0))
          const ranged = []
          for (let page = await outboxByStream({ limit: 1, streams }); page.length > 0; page = await outboxByStream({ after: { streamId: page[0]!.streamId, id: page[0]!.id }, limit: 1, streams }))
            ranged.push(...page)
          expect(ranged).toEqual(inRange)
        }
        if (logKeys !== undefined) {
          const keys = (events: ReadonlyArray<RecordedEvent>) => events.map(({ globalPosition, streamId, version, hash }) => ({ globalPosition, streamId, version, hash }))
          const all = await store.readAll()
          expect(all.length).toBeGreaterThan(2)
          expect(await logKeys({})).toEqual(keys(all))
          const after = all[1]!.globalPosition
          expect(await logKeys({ after, limit: 2 })).toEqual(keys(await store.readAll({ after, limit: 2 })))
        }
      })
    })

    it('finds a ledger intact after retention compacted its delivered notices: each checked by the hash of its payload', async () => {
      await withStore(factory, async (store) => {
        await scenario(store)
        const rows = await store.outbox.list()
        for (const r of rows) await store.outbox.markDelivered(r.id, '2026-03-01T09:00:00.000Z')
        expect(await store.outbox.compact('2026-03-02T00:00:00.000Z')).toBe(rows.length)
        const compacted = await store.outbox.list()
        expect(compacted.every((r) => r.payloadSha256 !== undefined && Object.keys(r.payload).length === 0)).toBe(true)
        expect(JSON.stringify(compacted)).not.toContain('"personal"')
        expect(await verifyLedger(store)).toMatchObject({ ok: true, outboxRows: rows.length })
      })
    })

    it('finds a ledger written through the port intact: every row reached, every notice as its event implies', async () => {
      await withStore(factory, async (store) => {
        await scenario(store)
        const verified = await verifyLedger(store)
        expect(verified).toMatchObject({ ok: true, streams: 2, events: (await store.readAll()).length, outboxRows: (await store.outbox.list()).length })
      })
    })
  })

  if (writer === undefined) return
  forgeries(factory, writer, false)
  if (writer.dropConstraints !== undefined) forgeries(factory, writer, true)
}

/** The forged writes; `bare`: on a store whose constraints were dropped first, so each must be reported. */
const forgeries = (factory: EventStoreFactory, writer: StoredRowWriter, bare: boolean): void => {
  /** A fresh store holding the scenario (constraints dropped when `bare`). */
  const withScenario = (body: (store: EventStore) => Promise<void>) =>
    withStore(factory, async (store) => {
      await scenario(store)
      if (bare) await writer.dropConstraints!(store)
      await body(store)
    })
  const title = bare ? 'stored rows written behind a store without its constraints: reported by verifyLedger' : 'stored rows written behind the store: refused, or reported by verifyLedger'
  describe(title, () => {
    /** The scenario's talent stream, read back. */
    const talent = async (store: EventStore) => store.readStream('talent-t-1')

    it('a whole forged stream with valid hashes at position 0 and below', async () => {
      await withScenario(async (store) => {
        const source = await talent(store)
        const forged = sealEvents({ streamId: 'talent-forged', version: 0, hash: '' }, source.map(fresh), (i) => -i)
        const write = (async () => {
          await writer.insertHead(store, { streamId: 'talent-forged', version: forged.length, hash: forged[forged.length - 1]!.hash })
          for (const e of forged) await writer.insertEvent(store, e)
        })()
        await refusedOrReported(store, write, 'talent-forged', /outside the log's order|not reached by readAll/, bare)
      })
    })

    it('an event moved to a negative position', async () => {
      await withScenario(async (store) => {
        await refusedOrReported(store, writer.moveEvent(store, 'talent-t-1', 2, -5), 'talent-t-1', /position -5/, bare)
      })
    })

    it('an event without a head', async () => {
      await withScenario(async (store) => {
        const [first] = sealEvents({ streamId: 'org-headless', version: 0, hash: '' }, (await store.readStream('org-port-co')).slice(0, 1).map(fresh), () => 1e9)
        await refusedOrReported(store, writer.insertEvent(store, first!), 'org-headless', /no stored head/, bare)
      })
    })

    it('a head without events, and a head whose events are deleted', async () => {
      await withScenario(async (store) => {
        const stream = uniqueStream('headless')
        await refusedOrReported(store, writer.insertHead(store, { streamId: stream, version: 2, hash: 'a'.repeat(64) }), stream, /missing/, bare)
      })
      await withScenario(async (store) => {
        const last = (await talent(store)).length
        await refusedOrReported(store, writer.deleteEvent(store, 'talent-t-1', last), 'talent-t-1', /missing/, bare)
      })
      await withScenario(async (store) => {
        await refusedOrReported(store, writer.deleteHead(store, 'talent-t-1'), 'talent-t-1', /no stored head/, bare)
      })
    })

    it('an outbox row whose recipient or payload was changed', async () => {
      await withScenario(async (store) => {
        const [row] = await store.outbox.list()
        await refusedOrReported(store, writer.setOutboxRecipient(store, row!.id, 'employer:someone-else'), row!.streamId, new RegExp(`${row!.id}.*recipient`), bare)
      })
      await withScenario(async (store) => {
        const [row] = await store.outbox.list()
        const payload = JSON.stringify({ ...row!.payload, level: 'chief-technician' })
        await refusedOrReported(store, writer.setOutboxPayload(store, row!.id, payload), row!.streamId, new RegExp(`${row!.id}.*payload`), bare)
      })
    })

    if (writer.setOutboxPayloadSha256 !== undefined) {
      const setHash = writer.setOutboxPayloadSha256
      it('a compacted outbox row given the hash of another payload', async () => {
        await withScenario(async (store) => {
          const [row] = await store.outbox.list()
          await store.outbox.markDelivered(row!.id, '2026-03-01T09:00:00.000Z')
          expect(await store.outbox.compact('2026-03-02T00:00:00.000Z')).toBe(1)
          const forged = payloadSha256Of({ ...row!.payload, level: 'chief-technician' })
          await refusedOrReported(store, setHash(store, row!.id, forged), row!.streamId, new RegExp(`${row!.id}.*payload`), bare)
        })
      })
    }

    it('an outbox row deleted, and one added with no event behind it', async () => {
      await withScenario(async (store) => {
        const [row] = await store.outbox.list()
        await refusedOrReported(store, writer.deleteOutbox(store, row!.id), row!.streamId, new RegExp(`${row!.id} .*missing`), bare)
      })
      await withScenario(async (store) => {
        const [row] = await store.outbox.list()
        // a recipient no rule of the shipped policy reaches, so the id cannot be one the event implies
        const added = { ...row!, id: `${row!.eventId}:webhook:employer:forged-co`, channel: 'webhook' as const, recipient: 'employer:forged-co' }
        await refusedOrReported(store, writer.insertOutbox(store, added), row!.streamId, new RegExp(`${added.id} has no event behind it`), bare)
      })
    })
  })
}
