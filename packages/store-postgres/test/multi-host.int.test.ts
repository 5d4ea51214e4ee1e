/**
 * A store over a hosts list (libpq's meaning): it connects past a dead host to the first that fits
 * `target_session_attrs`, and when the server it uses goes away it finds the next one — for the
 * pool, the notify connection and the LISTEN connection alike, so appends, subscriptions and the
 * outbox carry on. The "hosts" here are TCP proxies to the one test server; one is closed to play a
 * dead primary. The CLI's binding takes the same URLs.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { storeProbes } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore, NoSuitableServerError, PostgresUrlError } from '../src/index.js'
import { postgresStoreBinding } from '../src/postgres-store-binding.js'
import { startCuttingProxy, type CuttingProxy } from './cutting-proxy.js'
import { TEST_URL, dropSchema, uniqueSchema } from './pg-schemas.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const server = new URL(TEST_URL)
const target = { host: server.hostname, port: Number(server.port || 5432) }

/** `postgres://user@127.0.0.1:p1,127.0.0.1:p2/db?…` over the given ports. */
const listUrl = (ports: ReadonlyArray<number>, query = 'target_session_attrs=read-write'): string =>
  `postgres://${server.username}@${ports.map((p) => `127.0.0.1:${p}`).join(',')}${server.pathname}?${query}`

const proxy = async (): Promise<CuttingProxy> => {
  const p = await startCuttingProxy(target)
  cleanups.push(() => p.close())
  return p
}

/** A loopback port nobody listens on. */
const deadPort = async (): Promise<number> => {
  const p = await startCuttingProxy(target)
  await p.close()
  return p.port
}

describe('a store over a hosts list', () => {
  it('connects past a dead host to the server that takes writes', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const store = await createPostgresEventStore({ connectionString: listUrl([await deadPort(), target.port]), schema, poolSize: 2 })
    cleanups.push(() => store.close())
    const batch = storeProbes(2)
    expect((await store.append('talent-1', batch, 'no-stream')).ok).toBe(true)
    expect((await store.readAll()).map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId))
  })

  it('follows the server to the next host when the one in use goes away: appends, subscription and outbox carry on', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const [first, second] = [await proxy(), await proxy()]
    const store = await createPostgresEventStore({ connectionString: listUrl([first.port, second.port]), schema, poolSize: 2, pollMs: 50 })
    cleanups.push(() => store.close())
    const seen: string[] = []
    const sub = store.subscribe('watcher', (e) => void seen.push(e.eventId))
    const before = storeProbes(1)
    const outbox = [{ id: 'n-1', eventId: before[0]!.eventId, streamId: 'talent-2', channel: 'test', recipient: 'r', template: 't', locale: 'en' as const, payload: {} }]
    expect((await store.append('talent-2', before, 'no-stream', { outbox })).ok).toBe(true)
    await sub.caughtUp()

    await first.close()
    const after = storeProbes(2, 10)
    expect(await store.append('talent-2', after, 1)).toMatchObject({ ok: true, result: { version: 3 } })
    await sub.caughtUp()
    expect(seen).toEqual([...before, ...after].map((e) => e.eventId))
    const now = new Date().toISOString()
    expect((await store.outbox.claim(now, 10, now, ['test'])).map((r) => r.id)).toEqual(['n-1'])
    await sub.stop()
  })

  it('names every host and what was wrong with it when none fits', async () => {
    const [a, b] = [await deadPort(), await deadPort()]
    const opening = createPostgresEventStore({ connectionString: listUrl([a, b]), schema: uniqueSchema(), failoverTimeoutMs: 200 })
    await expect(opening).rejects.toBeInstanceOf(NoSuitableServerError)
    await expect(opening).rejects.toThrow(`cannot connect to PostgreSQL at 127.0.0.1:${a},127.0.0.1:${b}${server.pathname}: no server fits target_session_attrs=read-write`)
    await expect(opening).rejects.toThrow(`127.0.0.1:${b}: connect ECONNREFUSED`)
  })

  it('refuses a URL it cannot use, naming the parameter', async () => {
    await expect(createPostgresEventStore({ connectionString: listUrl([1, 2], 'target_session_attrs=writable') })).rejects.toThrow(PostgresUrlError)
    expect(postgresStoreBinding.parse(listUrl([1, 2], 'target_session_attrs=writable'))).toMatchObject({
      kind: 'invalid',
      problem: 'store URL postgres://… is not usable: target_session_attrs: expected one of any, read-write, read-only, primary, standby, prefer-standby, not "writable"',
    })
  })

  it('opens through the CLI binding with a hosts list and a schema', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const dead = await deadPort()
    const parsed = postgresStoreBinding.parse(`${listUrl([dead, target.port])}&schema=${schema}`)
    if (parsed === null || parsed.kind !== 'parsed') throw new Error(`not parsed: ${JSON.stringify(parsed)}`)
    expect(parsed.url).toMatchObject({ schema, server: `${server.username}@127.0.0.1:${dead},127.0.0.1:${target.port}${server.pathname}` })
    const opened = await postgresStoreBinding.open(parsed.url, {})
    cleanups.push(() => opened.close())
    expect((await opened.store.append('talent-3', storeProbes(1), 'no-stream')).ok).toBe(true)
    expect(await opened.store.readAll()).toHaveLength(1)
  })
})
