/**
 * Fault injection for NATS (issue 5's "done when"): the relay over a real SQLite-file outbox publishes
 * through a proxy to the JetStream server; the server is unreachable at first (connection refused),
 * then reachable, then the connection drops mid-run; then a relay process killed with SIGKILL while
 * publishes are in flight (the proxy holds them) and started again. Each run reports sent / delivered
 * / lost / re-sent and what a real consumer reads: every notice stored exactly once, keyed.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createRelay } from '@talent-ledger/core'
import { createSqliteEventStore } from '@talent-ledger/store-sqlite'
import { deliveryReport, quickRelaySettings, seedNotices } from '@talent-ledger/testing'
import { cleanupsAfterEach } from '@talent-ledger/testing/vitest'
import { startChild, tempStoreFile, waitFor } from '@talent-ledger/testing/node'
import { createNatsChannel } from '../src/index.js'
import { streamReader, uniqueStream } from './stream-reader.js'
import { startProxy } from './tcp-proxy.js'

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures')
const cleanups = cleanupsAfterEach()
const storeFile = (): string => tempStoreFile('talent-ledger-nats-', cleanups)
const setup = async () => {
  const reader = await streamReader()
  cleanups.push(reader.close)
  const proxy = await startProxy(4222)
  cleanups.push(proxy.close)
  const stream = uniqueStream()
  reader.own(stream.name)
  return { reader, proxy, stream }
}
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('NATS relay under faults', () => {
  it('server unreachable, then reachable, then the connection drops: all stored once, none lost', async () => {
    const { reader, proxy, stream } = await setup()
    const path = storeFile()
    const store = createSqliteEventStore({ path })
    cleanups.push(() => store.close())
    const entries = await seedNotices(store, { channel: 'nats', events: 20, recipients: ['bureau', 'employer:org-7'] })
    await proxy.down()
    const channel = createNatsChannel({
      servers: proxy.url,
      stream: { name: stream.name },
      subjectPrefix: stream.prefix,
      publishTimeoutMs: 500,
      connection: { timeout: 500, reconnectTimeWait: 50, maxReconnectAttempts: -1 },
    })
    cleanups.push(async () => channel.close?.())
    const relay = createRelay({
      outbox: store.outbox,
      channels: [channel],
      ...quickRelaySettings,
      maxAttempts: 50,
      batchSize: 4,
    })
    const running = relay.run({ untilIdle: true, idleMs: 10 })
    await pause(300) // unreachable: connection refused
    await proxy.up()
    await waitFor(async () => (await store.outbox.counts()).delivered >= 10, 'ten deliveries')
    await proxy.down() // the connection drops mid-run
    await pause(150)
    await proxy.up()
    const totals = await running
    const stored = await reader.readAll(stream.name)
    const rows = await store.outbox.list()
    const report = deliveryReport(
      entries.map((e) => e.id),
      stored.map((s) => s.msgId),
    )
    const resent = rows.reduce((n, r) => n + r.attempts, 0) - rows.length
    console.info('nats faults:', JSON.stringify({ ...report, attemptsBeyondFirst: resent, relay: totals }))
    expect(await store.outbox.counts()).toEqual({ pending: 0, delivered: 40, parked: 0 })
    expect(report).toMatchObject({ sent: 40, delivered: 40, lost: 0, duplicates: 0, unexpected: 0 })
    expect(totals.retried).toBeGreaterThanOrEqual(1)
  })

  it('a relay process killed with SIGKILL mid-publish and restarted: every notice stored once, with its key', async () => {
    const { reader, proxy, stream } = await setup()
    const path = storeFile()
    const seeding = createSqliteEventStore({ path })
    const entries = await seedNotices(seeding, { channel: 'nats', events: 24 })
    await seeding.close()
    proxy.setLatency(250) // slow: publishes are in flight when the kill comes
    const script = join(fixtures, 'relay-child.mjs')
    const args = [path, proxy.url, stream.name, stream.prefix, '800']
    const first = startChild(script, args)
    cleanups.push(async () => void first.proc.kill('SIGKILL'))
    await waitFor(async () => (await reader.count(stream.name)) >= 3, `three stored (stderr: ${first.stderr()})`)
    first.proc.kill('SIGKILL')
    expect(await first.ended).toEqual({ code: null, signal: 'SIGKILL' })
    const storedBeforeKill = await reader.count(stream.name)
    proxy.setLatency(0)
    const second = startChild(script, args)
    expect(await second.ended, second.stderr()).toEqual({ code: 0, signal: null })
    const stored = await reader.readAll(stream.name)
    const report = deliveryReport(
      entries.map((e) => e.id),
      stored.map((s) => s.msgId),
    )
    const after = createSqliteEventStore({ path })
    const rows = await after.outbox.list()
    const resent = rows.reduce((n, r) => n + r.attempts, 0) - rows.length
    console.info('nats SIGKILL:', JSON.stringify({ ...report, storedBeforeKill, attemptsBeyondFirst: resent, restarted: second.stdout().trim().split('\n').at(-1) }))
    expect(report).toMatchObject({ sent: 24, delivered: 24, lost: 0, duplicates: 0, unexpected: 0 })
    // the restarted relay published all 24 again, those stored before the kill included: the stream dropped the repeats
    expect(storedBeforeKill).toBeGreaterThanOrEqual(3)
    expect(JSON.parse(second.stdout().trim().split('\n').at(-1)!)).toMatchObject({ delivered: 24 })
    expect(await after.outbox.counts()).toEqual({ pending: 0, delivered: 24, parked: 0 })
    await after.close()
  })
})
