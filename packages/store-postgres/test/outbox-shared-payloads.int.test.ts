/**
 * Outbox rows of one append that carry the same payload share one `outbox_payloads` row (migration
 * 8), whichever path wrote them (the one-statement append, `append_events` inside a transaction, a
 * group): they read back whole, compaction deletes the shared payload once no row reads it (and not
 * before), the schema refuses deleting one a row still reads, and a schema written before the
 * migration (taken back to it here) keeps reading its rows as it did.
 */
import { describe, expect, it } from 'vitest'
import { payloadSha256Of, type InlineProjection, type OutboxEntry } from '@talent-ledger/core'
import { cleanupsAfterEach, storeProbes } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore, type PostgresEventStore } from '../src/index.js'
import { TEST_URL, dropSchema, rawClient, uniqueSchema } from './pg-schemas.js'

const cleanups = cleanupsAfterEach()

/** An inline projection makes every append go through `append_events` in a transaction of its own. */
const counting: InlineProjection<{ n: number }> = {
  projection: { name: 'count', initialState: () => ({ n: 0 }), apply: (s) => ({ n: s.n + 1 }) },
  decode: (row) => row as unknown as ReturnType<NonNullable<InlineProjection['decode']>>,
}

const open = async (schema = uniqueSchema(), inline: ReadonlyArray<InlineProjection> = []): Promise<PostgresEventStore> => {
  cleanups.push(() => dropSchema(schema))
  const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 2, inlineProjections: inline })
  cleanups.push(() => store.close())
  return store
}

/** One notice per channel for `eventId`, all with one payload, and one to the bureau with a payload of its own. */
const notices = (eventId: string, streamId: string): OutboxEntry[] => [
  ...['email', 'nats', 'webhook'].map((channel) => ({
    id: `${eventId}:${channel}:talent:${streamId}`, eventId, streamId, channel, recipient: `talent:${streamId}`, template: 'probe', locale: 'zh-CN' as const,
    payload: { eventType: 'Probe', n: 1, personal: { alg: 'xchacha20poly1305', keyId: streamId, ciphertext: 'cd'.repeat(40) } },
  })),
  { id: `${eventId}:email:bureau`, eventId, streamId, channel: 'email', recipient: 'bureau', template: 'probe', locale: 'zh-CN', payload: { eventType: 'Probe', n: 1 } },
]

const scalar = async (store: PostgresEventStore, sql: string): Promise<unknown> => (await store.pool.query(sql.replaceAll('$S', `"${store.schema}"`))).rows[0]?.v

describe('shared outbox payloads', () => {
  it('are stored once per append by every append path, and every row reads whole, in the order written', async () => {
    const schema = uniqueSchema()
    const store = await open(schema)
    const withFunction = await open(schema, [counting])
    const [a, b, c, d] = storeProbes(4)
    const written = [...notices(a!.eventId, 's-1'), ...notices(b!.eventId, 's-1'), ...notices(c!.eventId, 's-2'), ...notices(d!.eventId, 's-3')]
    expect((await store.append('s-1', [a!], 'no-stream', { outbox: written.slice(0, 4) })).ok).toBe(true)
    expect((await withFunction.append('s-1', [b!], 1, { outbox: written.slice(4, 8) })).ok).toBe(true)
    expect(
      (await store.appendMany([
        { streamId: 's-2', events: [c!], expected: 'no-stream', outbox: written.slice(8, 12) },
        { streamId: 's-3', events: [d!], expected: 'no-stream', outbox: written.slice(12) },
      ])).ok,
    ).toBe(true)
    // one per append for the talent's three notices; the group's two bureau notices carry one payload too
    expect(await scalar(store, 'SELECT count(*)::integer AS v FROM $S.outbox_payloads')).toBe(5)
    expect(await scalar(store, 'SELECT count(*)::integer AS v FROM $S.outbox WHERE payload IS NOT NULL')).toBe(2)
    expect((await store.outbox.list()).map(({ id, payload }) => ({ id, payload }))).toEqual(written.map(({ id, payload }) => ({ id, payload })))
    const claimed = await store.outbox.claim('2026-01-01T00:00:00.000Z', 100, '2026-01-01T00:01:00.000Z')
    expect(claimed.map((r) => r.payload)).toEqual(written.map((e) => e.payload))
  })

  it('keeps a shared payload while a row reads it, and deletes it with the last row compacted', async () => {
    const store = await open()
    const [event] = storeProbes(1)
    const entries = notices(event!.eventId, 's-1')
    await store.append('s-1', [event!], 'no-stream', { outbox: entries })
    await store.outbox.markDelivered(entries[0]!.id, '2026-01-01T00:00:00.000Z')
    await store.outbox.markDelivered(entries[1]!.id, '2026-01-01T00:00:00.000Z')
    expect(await store.outbox.compact('2026-02-01T00:00:00.000Z')).toBe(2)
    expect(await scalar(store, 'SELECT count(*)::integer AS v FROM $S.outbox_payloads')).toBe(1)
    await expect(store.pool.query(`DELETE FROM "${store.schema}".outbox_payloads`)).rejects.toThrow(/never deleted while a row reads it/)
    await expect(store.pool.query(`UPDATE "${store.schema}".outbox_payloads SET payload = '{}'`)).rejects.toThrow(/never changed/)
    await store.outbox.markDelivered(entries[2]!.id, '2026-01-01T00:00:00.000Z')
    expect(await store.outbox.compact('2026-02-01T00:00:00.000Z')).toBe(1)
    expect(await scalar(store, 'SELECT count(*)::integer AS v FROM $S.outbox_payloads')).toBe(0)
    const compacted = (await store.outbox.list({ status: 'delivered' })).map((r) => ({ payload: r.payload, sha: r.payloadSha256 }))
    expect(compacted).toEqual(entries.slice(0, 3).map((e) => ({ payload: {}, sha: payloadSha256Of(e.payload) })))
  })

  it('leave no shared payload behind when two stores compact the rows that read it at once', async () => {
    const schema = uniqueSchema()
    const [a, b] = [await open(schema), await open(schema)]
    const events = storeProbes(10)
    const entries = events.flatMap((e, i) => notices(e.eventId, `s-${i}`).slice(0, 3))
    for (const [i, e] of events.entries()) await a.append(`s-${i}`, [e], 'no-stream', { outbox: entries.slice(3 * i, 3 * i + 3) })
    for (const e of entries) await a.outbox.markDelivered(e.id, '2026-01-01T00:00:00.000Z')
    // small batches from both sides, so that the two split the rows of one payload between them
    const run = async (store: PostgresEventStore): Promise<number> => {
      let done = 0
      for (let n = -1; n !== 0; done += n) n = await store.outbox.compact('2026-02-01T00:00:00.000Z', 1)
      return done
    }
    const [byA, byB] = await Promise.all([run(a), run(b)])
    expect(byA + byB).toBe(30)
    expect(await scalar(a, 'SELECT count(*)::integer AS v FROM $S.outbox_payloads')).toBe(0)
    expect((await a.outbox.list()).every((r) => r.payloadSha256 !== undefined)).toBe(true)
  })

  it('reads the rows of a schema written before the migration as they were, and shares from then on', async () => {
    const schema = uniqueSchema()
    const first = await open(schema)
    const [a, b] = storeProbes(2)
    await first.append('s-1', [a!], 'no-stream', { outbox: notices(a!.eventId, 's-1') })
    // the schema as the release before wrote it: every row holds its payload, no shared table
    const raw = await rawClient()
    cleanups.push(() => raw.end())
    const s = `"${schema}"`
    for (const statement of [
      `UPDATE ${s}.outbox o SET payload = p.payload, payload_ref = NULL FROM ${s}.outbox_payloads p WHERE p.id = o.payload_ref`,
      `DROP TABLE ${s}.outbox_payloads`,
      `DROP FUNCTION ${s}.refuse_read_payload_delete()`,
      `ALTER TABLE ${s}.outbox DROP COLUMN payload_ref, ALTER COLUMN payload SET NOT NULL`,
      // and the migrations after it
      `ALTER TABLE ${s}.events DROP CONSTRAINT events_position_safe`,
      `DROP INDEX ${s}.outbox_by_stream`,
      `DELETE FROM ${s}.schema_migrations WHERE name IN ('outbox-shared-payloads', 'position-base-inline', 'outbox-by-stream')`,
    ])
      await raw.query(statement)
    const store = await open(schema)
    expect((await store.outbox.list()).map((r) => r.payload)).toEqual(notices(a!.eventId, 's-1').map((e) => e.payload))
    expect((await store.append('s-1', [b!], 1, { outbox: notices(b!.eventId, 's-1') })).ok).toBe(true)
    expect(await scalar(store, 'SELECT count(*)::integer AS v FROM $S.outbox_payloads')).toBe(1)
    expect((await store.outbox.list()).map((r) => r.payload)).toEqual([...notices(a!.eventId, 's-1'), ...notices(b!.eventId, 's-1')].map((e) => e.payload))
  })
})
