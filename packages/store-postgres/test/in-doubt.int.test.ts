/**
 * In-doubt commits: the connection breaks around an append's commit. When the server committed and
 * the answer was lost, the store retries the same append, finds its events by id and reports the
 * original result — never a failure, never a second copy. When the statement never reached the
 * server, the retry stores it once. When no server takes the retry, the outcome is reported as
 * unknown (`PostgresInDoubtError`), not as a refusal. A TCP proxy breaks the connection at the
 * chosen moment (`cutting-proxy.ts`); `pg_terminate_backend` kills a backend holding its commit.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { verifyStream } from '@talent-ledger/core'
import { storeProbes } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore, PostgresInDoubtError, type InlineProjection } from '../src/index.js'
import { startCuttingProxy, type CuttingProxy } from './cutting-proxy.js'
import { TEST_URL, dropSchema, rawClient, uniqueSchema } from './pg-schemas.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const server = new URL(TEST_URL)

/** A proxy to the test server and the store URL through it. */
const proxied = async (): Promise<{ proxy: CuttingProxy; url: string }> => {
  const proxy = await startCuttingProxy({ host: server.hostname, port: Number(server.port || 5432) })
  cleanups.push(() => proxy.close())
  const url = new URL(TEST_URL)
  url.port = String(proxy.port)
  return { proxy, url: url.toString() }
}

/** An inline projection counting events (the probes are not ledger events: taken as they are). */
const counting: InlineProjection<{ n: number }> = {
  projection: { name: 'count', initialState: () => ({ n: 0 }), apply: (s) => ({ n: s.n + 1 }) },
  decode: (row) => row as unknown as ReturnType<NonNullable<InlineProjection['decode']>>,
}

describe('an append whose connection breaks at its commit', () => {
  it('reports the original result when the server committed and the answer was lost, storing nothing twice', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const { proxy, url } = await proxied()
    const settled: string[] = []
    const store = await createPostgresEventStore({ connectionString: url, schema, poolSize: 2, onInDoubt: (d) => void settled.push(`${d.streamId} ${d.outcome}`) })
    cleanups.push(() => store.close())
    expect((await store.append('talent-1', storeProbes(1), 'no-stream')).ok).toBe(true)
    const batch = storeProbes(3, 10)
    proxy.arm('tl-append-', 'after-commit')
    const outcome = await store.append('talent-1', batch, 1)
    expect(proxy.cuts()).toBe(1)
    expect(outcome).toMatchObject({ ok: true, result: { streamId: 'talent-1', version: 4 } })
    const stream = await store.readStream('talent-1')
    expect(stream.map((e) => e.version)).toEqual([1, 2, 3, 4])
    expect(stream.slice(1).map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId))
    expect(outcome.ok && outcome.result.lastPosition).toBe(stream[3]!.globalPosition)
    expect(verifyStream('talent-1', stream)).toBeNull()
    expect(settled).toEqual(['talent-1 found'])
  })

  it('stores the batch once when the statement never reached the server', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const { proxy, url } = await proxied()
    const settled: string[] = []
    const store = await createPostgresEventStore({ connectionString: url, schema, poolSize: 2, onInDoubt: (d) => void settled.push(d.outcome) })
    cleanups.push(() => store.close())
    const batch = storeProbes(2)
    proxy.arm('tl-append-', 'before-send')
    const outcome = await store.append('talent-2', batch, 'no-stream')
    expect(proxy.cuts()).toBe(1)
    expect(outcome).toMatchObject({ ok: true, result: { streamId: 'talent-2', version: 2 } })
    expect((await store.readAll()).map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId))
    expect(settled).toEqual(['stored'])
  })

  it('reports the original result when an explicit COMMIT committed and its answer was lost (inline projections)', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const { proxy, url } = await proxied()
    const store = await createPostgresEventStore({ connectionString: url, schema, poolSize: 2, inlineProjections: [counting] })
    cleanups.push(() => store.close())
    const batch = storeProbes(2)
    proxy.arm('COMMIT', 'after-commit')
    const outcome = await store.append('talent-3', batch, 'no-stream')
    expect(proxy.cuts()).toBe(1)
    expect(outcome).toMatchObject({ ok: true, result: { streamId: 'talent-3', version: 2 } })
    expect((await store.readAll()).map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId))
  })

  it('reports the original results of a group commit (appendMany) whose COMMIT answer was lost', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const { proxy, url } = await proxied()
    const settled: string[] = []
    const store = await createPostgresEventStore({ connectionString: url, schema, poolSize: 2, onInDoubt: (d) => void settled.push(`${d.streamId} ${d.outcome}`) })
    cleanups.push(() => store.close())
    const [a, b] = [storeProbes(2), storeProbes(1, 10)]
    proxy.arm('COMMIT', 'after-commit')
    const outcome = await store.appendMany([
      { streamId: 'talent-6', events: a, expected: 'no-stream' },
      { streamId: 'talent-7', events: b, expected: 'no-stream' },
    ])
    expect(proxy.cuts()).toBe(1)
    expect(outcome).toMatchObject({ ok: true, results: [{ streamId: 'talent-6', version: 2 }, { streamId: 'talent-7', version: 1 }] })
    const log = await store.readAll()
    expect(log.map((e) => e.eventId).sort()).toEqual([...a, ...b].map((e) => e.eventId).sort())
    expect(outcome.ok && outcome.results.map((r) => r.lastPosition)).toEqual([log.find((e) => e.eventId === a[1]!.eventId)!.globalPosition, log.find((e) => e.eventId === b[0]!.eventId)!.globalPosition])
    expect(settled).toEqual(['talent-6, talent-7 found'])
  })

  it('stores the batch once after pg_terminate_backend killed the backend waiting in its COMMIT', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 2 })
    cleanups.push(() => store.close())
    expect((await store.append('talent-4', storeProbes(1), 'no-stream')).ok).toBe(true)
    // a deferred trigger makes the COMMIT wait for a lock the test holds: the backend is in its commit
    const key = Math.floor(Math.random() * 2 ** 30)
    const holder = await rawClient()
    cleanups.push(() => holder.end())
    await holder.query(`CREATE FUNCTION "${schema}".hold() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock(7, ${key}); RETURN NULL; END $$`)
    await holder.query(`CREATE CONSTRAINT TRIGGER hold AFTER INSERT ON "${schema}".events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "${schema}".hold()`)
    await holder.query('SELECT pg_advisory_lock(7, $1)', [key])
    const batch = storeProbes(2, 10)
    const appending = store.append('talent-4', batch, 1)
    let pid: number | undefined
    while (pid === undefined) {
      const { rows } = await holder.query<{ pid: number }>(
        `SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.classid = 7 AND l.objid = $1 AND NOT l.granted`,
        [key],
      )
      pid = rows[0]?.pid
    }
    expect((await holder.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [pid])).rows[0]!.ok).toBe(true)
    await holder.query('SELECT pg_advisory_unlock(7, $1)', [key])
    const outcome = await appending
    expect(outcome).toMatchObject({ ok: true, result: { version: 3 } })
    const stream = await store.readStream('talent-4')
    expect(stream.map((e) => e.version)).toEqual([1, 2, 3])
    expect(stream.slice(1).map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId))
  })

  it('reports the outcome as unknown, not refused, when no server takes the retry', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const { proxy, url } = await proxied()
    const store = await createPostgresEventStore({ connectionString: url, schema, poolSize: 1, failoverTimeoutMs: 300 })
    cleanups.push(() => store.close())
    expect((await store.append('talent-5', storeProbes(1), 'no-stream')).ok).toBe(true)
    // the server commits, the answer is lost and the host is gone for the retries
    proxy.arm('tl-append-', 'after-commit', true)
    const attempt = store.append('talent-5', storeProbes(1, 10), 1)
    await expect(attempt).rejects.toBeInstanceOf(PostgresInDoubtError)
    await expect(attempt).rejects.toThrow('the append to talent-5 may or may not be stored')
    expect(proxy.cuts()).toBe(1)
    const raw = await rawClient()
    cleanups.push(() => raw.end())
    // it was in fact stored: in doubt, not refused
    expect((await raw.query(`SELECT version FROM "${schema}".events WHERE stream_id = 'talent-5' ORDER BY version`)).rows).toEqual([{ version: 1 }, { version: 2 }])
  })
})
