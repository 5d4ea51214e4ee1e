/**
 * Fault injection for e-mail (issue 5's "done when"): the relay over a real SQLite-file outbox sends
 * to a real SMTP server that is away for a while, answers 451 (temporary) for a while, and stalls
 * past the socket timeout; then a relay process killed with SIGKILL mid-delivery and started again.
 * Each run reports sent / delivered / lost / duplicates and asserts nothing was lost and every
 * duplicate carries a Message-ID and key already seen.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createRelay } from '@talent-ledger/core'
import { createSqliteEventStore } from '@talent-ledger/store-sqlite'
import { deliveryReport, quickRelaySettings, seedNotices } from '@talent-ledger/testing'
import { cleanupsAfterEach } from '@talent-ledger/testing/vitest'
import { startChild, tempStoreFile, waitFor } from '@talent-ledger/testing/node'
import { createEmailChannel, messageIdFor } from '../src/index.js'
import { startSmtpReceiver, type SmtpReceiver } from './smtp-receiver.js'

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures')
const cleanups = cleanupsAfterEach()
const storeFile = (): string => tempStoreFile('talent-ledger-email-', cleanups)
const receiver = async (...args: Parameters<typeof startSmtpReceiver>): Promise<SmtpReceiver> => {
  const r = await startSmtpReceiver(...args)
  cleanups.push(r.close)
  return r
}
/** Every copy of a notice has the Message-ID its key gives, so dedupe by Message-ID works too. */
const messageIdsMatchKeys = (r: SmtpReceiver): boolean => r.arrivals.every((a) => a.mail.messageId === messageIdFor(a.key, 'hr.example.gov.cn'))

describe('e-mail relay under faults', () => {
  it('server away, 451 for a while, a stalled DATA: all delivered, none lost, duplicates keyed', async () => {
    const path = storeFile()
    const store = createSqliteEventStore({ path })
    cleanups.push(() => store.close())
    const entries = await seedNotices(store, { channel: 'email', events: 12, recipients: ['bureau', 'talent:42'] })
    const r = await receiver((n) => (n < 8 ? { code: 451 } : n < 10 ? { delayMs: 1_500 } : {}))
    await r.down()
    const channel = createEmailChannel({
      smtp: { host: '127.0.0.1', port: r.port, secure: false, ignoreTLS: true, socketTimeout: 400 },
      from: 'notices@hr.example.gov.cn',
      addressBook: (recipient) => `${recipient.replace(':', '-')}@example.cn`,
    })
    cleanups.push(async () => channel.close?.())
    const relay = createRelay({
      outbox: store.outbox,
      channels: [channel],
      ...quickRelaySettings,
      maxAttempts: 50,
    })
    const running = relay.run({ untilIdle: true, idleMs: 10 })
    await new Promise((resolve) => setTimeout(resolve, 300)) // away: connection refused
    await r.up()
    const totals = await running
    const report = deliveryReport(
      entries.map((e) => e.id),
      r.accepted(),
    )
    console.info('email faults:', JSON.stringify({ ...report, messages: r.messages(), relay: totals }))
    expect(await store.outbox.counts()).toEqual({ pending: 0, delivered: 24, parked: 0 })
    expect(report).toMatchObject({ sent: 24, delivered: 24, lost: 0, duplicatesDedupable: true })
    expect(totals.retried).toBeGreaterThanOrEqual(10) // 8 × 451, 2 stalls, plus the refused connections
    expect(messageIdsMatchKeys(r)).toBe(true)
  })

  it('a relay process killed with SIGKILL mid-delivery and restarted: every notice arrives, with the same key', async () => {
    const path = storeFile()
    const seeding = createSqliteEventStore({ path })
    const entries = await seedNotices(seeding, { channel: 'email', events: 16 })
    await seeding.close()
    const r = await receiver(() => ({ delayMs: 400 })) // slow: messages are in flight when the kill comes
    const script = join(fixtures, 'relay-child.mjs')
    const first = startChild(script, [path, String(r.port), '800'])
    cleanups.push(async () => void first.proc.kill('SIGKILL'))
    await waitFor(() => r.arrivals.length >= 3, `three arrivals (stderr: ${first.stderr()})`)
    first.proc.kill('SIGKILL')
    expect(await first.ended).toEqual({ code: null, signal: 'SIGKILL' })
    const receivedBeforeKill = r.arrivals.length
    r.setAnswer(() => ({}))
    const second = startChild(script, [path, String(r.port), '800'])
    expect(await second.ended, second.stderr()).toEqual({ code: 0, signal: null })
    const report = deliveryReport(
      entries.map((e) => e.id),
      r.accepted(),
    )
    console.info('email SIGKILL:', JSON.stringify({ ...report, receivedBeforeKill, restarted: second.stdout().trim().split('\n').at(-1) }))
    expect(report).toMatchObject({ sent: 16, delivered: 16, lost: 0, duplicatesDedupable: true })
    expect(report.duplicates).toBeGreaterThanOrEqual(1)
    expect(messageIdsMatchKeys(r)).toBe(true)
    const after = createSqliteEventStore({ path })
    expect(await after.outbox.counts()).toEqual({ pending: 0, delivered: 16, parked: 0 })
    await after.close()
  })
})
