/**
 * Fault injection (issue 5's "done when"): the relay over a real SQLite-file outbox delivers to a
 * real HTTP receiver that is away for a while, answers 500, answers 429 with Retry-After, and stalls
 * past the timeout; then a relay process killed with SIGKILL mid-delivery and started again. Each run
 * reports sent / delivered / lost / duplicates and asserts nothing was lost and every duplicate
 * carried a key already seen (so the receiver drops it).
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createRelay } from '@talent-ledger/core'
import { createSqliteEventStore } from '@talent-ledger/store-sqlite'
import { deliveryReport, quickRelaySettings, seedNotices } from '@talent-ledger/testing'
import { cleanupsAfterEach } from '@talent-ledger/testing/vitest'
import { startChild, tempStoreFile, waitFor } from '@talent-ledger/testing/node'
import { createWebhookChannel } from '../src/index.js'
import { startReceiver, type Receiver } from './receiver.js'

const SECRET = `whsec_${Buffer.from('fault-suite-secret-0123456789abcdef').toString('base64')}`
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures')
const cleanups = cleanupsAfterEach()
const storeFile = (): string => tempStoreFile('talent-ledger-webhook-', cleanups)
const receiver = async (...args: Parameters<typeof startReceiver>): Promise<Receiver> => {
  const r = await startReceiver(...args)
  cleanups.push(r.close)
  return r
}

describe('webhook relay under faults', () => {
  it('receiver away, 500s, 429 with Retry-After, timeouts: all delivered, none lost, duplicates keyed', async () => {
    const path = storeFile()
    const store = createSqliteEventStore({ path })
    cleanups.push(() => store.close())
    const entries = await seedNotices(store, { channel: 'webhook', events: 15, recipients: ['bureau', 'employer:org-7'] })
    const r = await receiver([SECRET], (n) =>
      n < 6 ? { status: 500 } : n < 10 ? { status: 429, headers: { 'retry-after': '1' } } : n < 13 ? { status: 204, delayMs: 600 } : { status: 204 },
    )
    await r.down()
    const relay = createRelay({
      outbox: store.outbox,
      channels: [createWebhookChannel({ endpoints: () => r.url, secrets: [SECRET], timeoutMs: 250 })],
      ...quickRelaySettings,
      maxAttempts: 50,
      batchSize: 10,
    })
    const running = relay.run({ untilIdle: true, idleMs: 10 })
    await new Promise((resolve) => setTimeout(resolve, 300)) // away: connection refused
    await r.up()
    const totals = await running
    const okArrivals = r.arrivals.filter((a) => a.oursOk && a.standardOk && a.bodyOk)
    const report = deliveryReport(
      entries.map((e) => e.id),
      r.accepted(),
    )
    console.info('webhook faults:', JSON.stringify({ ...report, requests: r.requests(), relay: totals }))
    expect(okArrivals).toHaveLength(r.arrivals.length)
    expect(await store.outbox.counts()).toEqual({ pending: 0, delivered: 30, parked: 0 })
    expect(report).toMatchObject({ sent: 30, delivered: 30, lost: 0, duplicatesDedupable: true })
    expect(totals.retried).toBeGreaterThanOrEqual(13) // 6 × 500, 4 × 429, 3 timeouts, plus the refused connections
    expect(report.duplicates).toBeGreaterThanOrEqual(3) // the timed-out requests were accepted, late
  })

  it('a relay process killed with SIGKILL mid-delivery and restarted: every notice arrives, with the same key', async () => {
    const path = storeFile()
    const seeding = createSqliteEventStore({ path })
    const entries = await seedNotices(seeding, { channel: 'webhook', events: 20 })
    await seeding.close()
    const r = await receiver([SECRET], () => ({ status: 204, delayMs: 400 })) // slow: requests are in flight when the kill comes
    const script = join(fixtures, 'relay-child.mjs')
    const first = startChild(script, [path, r.url, SECRET, '800'])
    cleanups.push(async () => void first.proc.kill('SIGKILL'))
    await waitFor(() => r.arrivals.length >= 3, `three arrivals (stderr: ${first.stderr()})`)
    first.proc.kill('SIGKILL')
    expect(await first.ended).toEqual({ code: null, signal: 'SIGKILL' })
    const receivedBeforeKill = r.arrivals.length
    r.setAnswer(() => ({ status: 204 }))
    const second = startChild(script, [path, r.url, SECRET, '800'])
    expect(await second.ended, second.stderr()).toEqual({ code: 0, signal: null })
    const report = deliveryReport(
      entries.map((e) => e.id),
      r.accepted(),
    )
    console.info('webhook SIGKILL:', JSON.stringify({ ...report, receivedBeforeKill, restarted: second.stdout().trim().split('\n').at(-1) }))
    expect(report).toMatchObject({ sent: 20, delivered: 20, lost: 0, duplicatesDedupable: true })
    expect(report.duplicates).toBeGreaterThanOrEqual(1) // the in-flight ones were sent again, with their key
    expect(r.arrivals.every((a) => a.oursOk && a.standardOk)).toBe(true)
    const after = createSqliteEventStore({ path })
    expect(await after.outbox.counts()).toEqual({ pending: 0, delivered: 20, parked: 0 })
    await after.close()
  })
})
