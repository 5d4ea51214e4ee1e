/**
 * Outbox rows of one append that carry the same payload share one `outbox_payloads` row (migration
 * 7): they read back whole, compaction deletes the shared payload once no row reads it (and not
 * before), the file refuses deleting one a row still reads, and a file written before the
 * migration (fixtures/outbox-v6, made by the release before it) opens and reads as it did.
 */
import { copyFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { payloadSha256Of, type OutboxEntry } from '@talent-ledger/core'
import { cleanupsAfterEach, storeProbes } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore, LATEST_SCHEMA_VERSION, type SqliteEventStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups = cleanupsAfterEach()
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'outbox-v6', 'outbox-v6.db')

const open = (path: string): SqliteEventStore => {
  const store = createSqliteEventStore({ path })
  cleanups.push(() => store.close())
  return store
}

const fresh = (): SqliteEventStore => {
  const { path, cleanup } = tempStorePath()
  cleanups.push(cleanup)
  return open(path)
}

/** One notice per channel for `eventId`, all with one payload, and one to the bureau with a payload of its own. */
const notices = (eventId: string, streamId: string): OutboxEntry[] => [
  ...['email', 'nats', 'webhook'].map((channel) => ({
    id: `${eventId}:${channel}:talent:${streamId}`, eventId, streamId, channel, recipient: `talent:${streamId}`, template: 'probe', locale: 'zh-CN' as const,
    payload: { eventType: 'Probe', n: 1, personal: { alg: 'xchacha20poly1305', keyId: streamId, ciphertext: 'cd'.repeat(40) } },
  })),
  { id: `${eventId}:email:bureau`, eventId, streamId, channel: 'email', recipient: 'bureau', template: 'probe', locale: 'zh-CN', payload: { eventType: 'Probe', n: 1 } },
]

const count = (store: SqliteEventStore, table: string): number => store.database.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

describe('shared outbox payloads', () => {
  it('stores a payload that several rows of an append carry once, and reads every row whole, in the order written', async () => {
    const store = fresh()
    const [event] = storeProbes(1)
    const entries = notices(event!.eventId, 'probe-1')
    expect((await store.append('probe-1', [event!], 'no-stream', { outbox: entries })).ok).toBe(true)
    expect(count(store, 'outbox_payloads')).toBe(1)
    const own = store.database.prepare("SELECT count(*) FROM outbox WHERE payload <> ''").pluck().get()
    expect(own).toBe(1)
    expect((await store.outbox.list()).map(({ id, payload }) => ({ id, payload }))).toEqual(entries.map(({ id, payload }) => ({ id, payload })))
    expect((await store.outbox.claim('2026-01-01T00:00:00.000Z', 10, '2026-01-01T00:01:00.000Z')).map((r) => r.payload)).toEqual(entries.map((e) => e.payload))
  })

  it('keeps a shared payload while a row reads it, and deletes it with the last row compacted', async () => {
    const store = fresh()
    const [event] = storeProbes(1)
    const entries = notices(event!.eventId, 'probe-1')
    await store.append('probe-1', [event!], 'no-stream', { outbox: entries })
    await store.outbox.markDelivered(entries[0]!.id, '2026-01-01T00:00:00.000Z')
    await store.outbox.markDelivered(entries[1]!.id, '2026-01-01T00:00:00.000Z')
    expect(await store.outbox.compact('2026-02-01T00:00:00.000Z')).toBe(2)
    expect(count(store, 'outbox_payloads')).toBe(1)
    expect(() => store.database.prepare('DELETE FROM outbox_payloads').run()).toThrow(/never deleted while a row reads it/)
    expect(() => store.database.prepare("UPDATE outbox_payloads SET payload = '{}'").run()).toThrow(/never changed/)
    const webhook = (await store.outbox.list()).find((r) => r.id === entries[2]!.id)
    expect(webhook?.payload).toEqual(entries[2]!.payload)
    await store.outbox.markDelivered(entries[2]!.id, '2026-01-01T00:00:00.000Z')
    expect(await store.outbox.compact('2026-02-01T00:00:00.000Z')).toBe(1)
    expect(count(store, 'outbox_payloads')).toBe(0)
    const compacted = (await store.outbox.list({ status: 'delivered' })).map((r) => ({ payload: r.payload, sha: r.payloadSha256 }))
    expect(compacted).toEqual(entries.slice(0, 3).map((e) => ({ payload: {}, sha: payloadSha256Of(e.payload) })))
  })

  it('stores nothing shared when every row of an append is already stored', async () => {
    const store = fresh()
    const [first, second] = storeProbes(2)
    const entries = notices(first!.eventId, 'probe-1')
    await store.append('probe-1', [first!], 'no-stream', { outbox: entries })
    // a later append naming the same notices (ids already stored): they are kept as they are
    await store.append('probe-1', [second!], 1, { outbox: entries })
    expect(count(store, 'outbox_payloads')).toBe(1)
    expect(count(store, 'outbox')).toBe(4)
  })

  it('opens a file written before the migration: its rows read as they did, and new rows share', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    copyFileSync(FIXTURE, path)
    const store = open(path)
    expect(store.database.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(LATEST_SCHEMA_VERSION)
    const rows = await store.outbox.list()
    expect(rows).toHaveLength(18)
    expect(rows.filter((r) => r.payloadSha256 !== undefined).map((r) => r.id)).toEqual(['e-1:email:talent:probe-2'])
    for (const r of rows.filter((r) => r.payloadSha256 === undefined))
      expect(r.payload).toEqual({ eventType: 'ProbeHappened', n: Number(r.eventId.slice(2)), personal: { alg: 'xchacha20poly1305', keyId: r.streamId, ciphertext: 'ab'.repeat(40) } })
    // the delivered row of the old layout compacts as before
    expect(await store.outbox.compact('2026-02-01T00:00:00.000Z')).toBe(1)
    expect((await store.outbox.list({ status: 'delivered' })).every((r) => r.payloadSha256 !== undefined)).toBe(true)
    const [event] = storeProbes(1, 7)
    expect((await store.append('probe-3', [event!], 'no-stream', { outbox: notices(event!.eventId, 'probe-3') })).ok).toBe(true)
    expect(count(store, 'outbox_payloads')).toBe(1)
    expect(await store.outbox.list()).toHaveLength(22)
  })
})
