/**
 * Eight clients, each with its own pool (as eight processes would be), race on one stream: each
 * reads the stream, appends one event with the version it read, and tries again on `Conflict`.
 * Exactly one append wins each version; the stream ends as versions 1..N without gaps or
 * duplicates, and its hash chain verifies.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { verifyStream } from '@talent-ledger/core'
import { storeProbes } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore, type PostgresEventStore } from '../src/index.js'
import { TEST_URL, dropSchema, uniqueSchema } from './pg-schemas.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const CLIENTS = 8
const TARGET = 60

/** Appends until the stream reaches `TARGET`; returns the versions this client won. */
const race = async (store: PostgresEventStore, streamId: string, client: number): Promise<number[]> => {
  const won: number[] = []
  for (let attempt = 0; ; attempt++) {
    const version = (await store.readStream(streamId)).length
    if (version >= TARGET) return won
    const outcome = await store.append(streamId, storeProbes(1, client * 10_000 + attempt), version)
    if (outcome.ok) won.push(outcome.result.version)
    else expect(outcome.conflict.actual).toBeGreaterThan(version)
  }
}

describe('eight clients racing on one stream', () => {
  it('let exactly one append win each version', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const stores = await Promise.all(Array.from({ length: CLIENTS }, () => createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 1 })))
    cleanups.push(async () => void (await Promise.all(stores.map((s) => s.close()))))
    const wins = await Promise.all(stores.map((store, i) => race(store, 'talent-contested', i)))
    const versions = wins.flat().sort((a, b) => a - b)
    expect(versions).toEqual(Array.from({ length: TARGET }, (_, i) => i + 1))
    expect(wins.filter((w) => w.length > 0).length).toBeGreaterThan(1)
    const stream = await stores[0]!.readStream('talent-contested')
    expect(stream.map((e) => e.version)).toEqual(versions)
    expect(verifyStream('talent-contested', stream)).toBeNull()
    expect(await stores[3]!.readAll()).toHaveLength(TARGET)
    expect(await stores[5]!.streamHeads()).toEqual([{ streamId: 'talent-contested', version: TARGET, hash: stream.at(-1)!.hash }])
  })
})
