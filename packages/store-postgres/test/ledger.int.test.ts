/**
 * The ledger service on PostgreSQL with keys in the same schema: a short scenario end to end,
 * ledger digests equal to core's recomputation, ForgetTalent deleting the key row; a stored row that
 * is not a valid event reported with its stream and version; the unique (stream, version) backstop
 * answering Conflict; a subscriber in one process woken by
 * an append in another through NOTIFY alone (its safety-net poll set far beyond the test's length).
 */
import { describe, expect, it } from 'vitest'
import { createTalentLedger, ledgerDigest, verifyStream } from '@talent-ledger/core'
import { manualClock } from '@talent-ledger/store-memory'
import { assessmentScenario, cleanupsAfterEach, storeProbes } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore, createPostgresKeyStore } from '../src/index.js'
import { TEST_URL, dropSchema, rawClient, uniqueSchema } from './pg-schemas.js'

const cleanups = cleanupsAfterEach()

const { bureau, commands: scenario } = assessmentScenario

/** A store in a fresh schema, closed and dropped after the test. */
const open = async (schema = uniqueSchema(), pollMs?: number) => {
  cleanups.push(() => dropSchema(schema))
  const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 2, clock: manualClock('2026-03-01T08:00:00.000Z'), ...(pollMs === undefined ? {} : { pollMs }) })
  cleanups.push(() => store.close())
  return store
}

describe('the ledger service on PostgreSQL', () => {
  it('runs a scenario, records digests equal to core, and forgets a talent by deleting its key', async () => {
    const store = await open()
    const keys = createPostgresKeyStore(store)
    const ledger = createTalentLedger({ store, keys, clock: manualClock('2026-03-01T08:00:00.000Z') })
    const results = []
    for (const command of scenario) results.push(await ledger.execute(command))
    expect(results[2]).toEqual({ ok: true, stream: 'talent-t-1', version: 3, events: ['AssessmentPassed', 'LevelCertified'] })
    const digest = await store.recordLedgerDigest()
    expect(digest).toMatchObject(ledgerDigest(await store.readAll()))
    expect(digest.createdAt).toMatch(/^2026-03-01T08:00:00/)
    expect(await store.recordLedgerDigest()).toEqual(digest)
    expect(await keys.find('t-1')).toHaveLength(32)
    expect(await createPostgresKeyStore({ pool: store.pool, schema: store.schema }).keyFor('t-1')).toEqual(await keys.find('t-1'))

    expect((await ledger.execute({ type: 'ForgetTalent', actor: bureau, data: { talentId: 't-1' } })).ok).toBe(true)
    expect(await keys.find('t-1')).toBeUndefined()
    const raw = await rawClient()
    cleanups.push(() => raw.end())
    expect((await raw.query(`SELECT * FROM "${store.schema}".keys WHERE subject_id = 't-1'`)).rows).toEqual([])
    expect((await ledger.profile('t-1'))?.name).toBeNull()

    const later = await store.recordLedgerDigest()
    const all = await store.readAll()
    expect(later).toMatchObject(ledgerDigest(all))
    expect((await store.ledgerDigests()).map((d) => d.globalPosition)).toEqual([digest.globalPosition, later.globalPosition])
    for (const s of new Set(all.map((e) => e.streamId))) expect(verifyStream(s, await store.readStream(s))).toBeNull()
  })

  it('reports a stored row that is not a valid event with its stream and version', async () => {
    const store = await open()
    expect((await store.append('talent-1', storeProbes(2), 'no-stream')).ok).toBe(true)
    const raw = await rawClient()
    cleanups.push(() => raw.end())
    await raw.query(`UPDATE "${store.schema}".events SET metadata = '{"actor":null}' WHERE stream_id = 'talent-1' AND version = 2`)
    await expect(store.readStream('talent-1')).rejects.toThrow(/corrupt event in talent-1 at version 2/)
    await expect(store.readAll()).rejects.toThrow(/talent-1 at version 2/)
  })

  it('answers Conflict, not an exception, when the unique (stream, version) backstop fires', async () => {
    const store = await open()
    expect((await store.append('talent-1', storeProbes(2), 'no-stream')).ok).toBe(true)
    const raw = await rawClient()
    cleanups.push(() => raw.end())
    // a head row that disagrees with the events: the head check passes, the insert hits the constraint
    // the stored-row-integrity migration refuses a head deleted under its events: its foreign key is dropped to reach the backstop all the same
    await raw.query(`ALTER TABLE "${store.schema}".events DROP CONSTRAINT events_stream_head`)
    await raw.query(`DELETE FROM "${store.schema}".streams WHERE stream_id = 'talent-1'`)
    expect(await store.append('talent-1', storeProbes(1, 3), 'no-stream')).toMatchObject({ ok: false, conflict: { code: 'Conflict', streamId: 'talent-1' } })
    expect(await store.readStream('talent-1')).toHaveLength(2)
  })

  it('wakes a subscriber of another process through NOTIFY', async () => {
    const schema = uniqueSchema()
    const writer = await open(schema)
    const reader = await open(schema, 600_000)
    const arrived = new Promise<string>((resolve) => {
      reader.subscribe('listener', (e) => resolve(e.streamId))
    })
    // the subscriber's first read finds nothing; only the notification can bring it the event
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect((await writer.append('talent-notified', storeProbes(1), 'no-stream')).ok).toBe(true)
    expect(await arrived).toBe('talent-notified')
  })
})
