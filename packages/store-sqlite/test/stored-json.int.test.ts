/**
 * What an append stores as an event's JSON: the canonical texts of its data and metadata that the
 * hash covered (sealing writes each value once), keys sorted, values as JSON.stringify writes them.
 * They read back as the values appended, and the stored hash is the SHA-256 of the stored texts.
 */
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { canonicalJson, verifyStream, type NewEvent } from '@talent-ledger/core'
import { createSqliteEventStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const event: NewEvent = {
  eventId: '0193a1b2-0000-7000-8000-000000000001',
  type: 'Probe',
  schemaVersion: 1,
  // keys out of code-point order, nested, a number JSON writes in exponent form, text beyond the BMP
  data: { zeta: 1e21, alpha: { y: [3, { b: true, a: null }], x: '人才 𝄞' }, mid: -0 },
  metadata: { actor: { id: 'hr-1', role: 'hr-bureau' }, correlationId: 'c-1', causationId: null, occurredOn: '2026-12-07', recordedAt: '2026-12-07T08:00:00.000Z' },
}

describe('stored event JSON on SQLite', () => {
  it('keeps the canonical texts the hash covered, which read back as the appended values', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const store = createSqliteEventStore({ path })
    cleanups.push(() => store.close())
    expect((await store.append('probe-1', [event], 'no-stream')).ok).toBe(true)
    const row = store.database.prepare('SELECT data, metadata, prev_hash, hash FROM events').get() as Record<string, string>
    expect(row.data).toBe(canonicalJson(event.data))
    expect(row.metadata).toBe(canonicalJson(event.metadata))
    expect(row.data).toBe('{"alpha":{"x":"人才 𝄞","y":[3,{"a":null,"b":true}]},"mid":0,"zeta":1e+21}')
    const hashed = `{"data":${row.data},"eventId":"${event.eventId}","metadata":${row.metadata},"schemaVersion":1,"streamId":"probe-1","type":"Probe","version":1}`
    expect(row.hash).toBe(createHash('sha256').update(row.prev_hash + hashed, 'utf8').digest('hex'))
    const [read] = await store.readStream('probe-1')
    expect(read!.data).toEqual(JSON.parse(JSON.stringify(event.data)))
    expect(read!.metadata).toEqual(event.metadata)
    expect(verifyStream('probe-1', await store.readStream('probe-1'))).toBeNull()
  })
})
