// `notifications`: the notices the ledger wrote with its events, listed by the binary — as JSON with
// the delivery-status summary, filtered by status or channel, as text; exit 2 for a bad filter or
// no ledger. Rows are moved to delivered and parked through the store's outbox port, as a relay would.
// A row's sealed `personal` (ciphertext for the relay) is not listed: the payload keeps its old shape.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OutboxRecord } from '@talent-ledger/core'
import { createSqliteEventStore } from '@talent-ledger/store-sqlite'
import { assess, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'
import { PG_SERVER as SERVER, dropSchemas } from './pg-test-schemas.js'

const dir = tempDir()
const path = join(dir.path, 'notices.db')
const store = `sqlite:${path}`
const notifications = (...args: string[]) => runCli(['--store', store, 'notifications', ...args], { cwd: dir.path })

interface Listing {
  readonly summary: {
    readonly total: number
    readonly counts: Record<string, number>
    readonly byChannel: Record<string, Record<string, number>>
    readonly oldestPending: { id: string; ageSeconds: number } | null
    readonly parkedReasons: Array<{ reason: string; count: number }>
  }
  readonly notices: Array<{ id: string; eventId: string; channel: string; recipient: string; status: string; template: string; payload: Record<string, unknown> }>
}
const listing = (...args: string[]): Listing => {
  const run = notifications('--json', ...args)
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  const out = run.json()
  expect(out).toHaveLength(1)
  return out[0] as Listing
}

/** The rows as the store holds them, payloads with `personal`, read before the listing runs. */
let stored: ReadonlyArray<OutboxRecord> = []

beforeAll(async () => {
  // t-1: intermediate, then senior (promotion + talent pool entry); a refused line writes no notice
  const input = jsonl(registerEmployer, registerTalent('t-1'), assess('t-1', 'a-1', 'intermediate', '2026-03-01'), assess('t-1', 'a-9', 'technician', '2026-03-02'), assess('t-1', 'a-2', 'senior', '2026-04-01'))
  expect(runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input }).code).toBe(1)
  const s = createSqliteEventStore({ path })
  const rows = await s.outbox.list()
  await s.outbox.markDelivered(rows[0]!.id, '2026-04-01T09:00:00.000Z')
  await s.outbox.park(rows[1]!.id, 'HTTP 410: gone', '2026-04-01T09:00:00.000Z')
  stored = await s.outbox.list()
  await s.close()
})
const schema = `tl_cli_notices_${Math.random().toString(36).slice(2, 10)}`
afterAll(async () => {
  await dropSchemas([schema])
  dir.remove()
})

describe('talent-ledger notifications', () => {
  it('lists every notice with the delivery status as JSON', () => {
    const { summary, notices } = listing()
    expect(notices.map((n) => `${n.payload['eventType'] as string} ${n.channel} ${n.recipient} ${n.status}`)).toEqual([
      'LevelCertified email talent:t-1 delivered',
      'LevelCertified webhook employer:port-co parked',
      'LevelCertified nats bureau pending',
      'LevelCertified email talent:t-1 pending',
      'LevelCertified webhook employer:port-co pending',
      'LevelCertified nats bureau pending',
      'TalentPoolEntered email talent:t-1 pending',
      'TalentPoolEntered webhook employer:port-co pending',
      'TalentPoolEntered nats bureau pending',
    ])
    for (const n of notices) expect(n.id).toBe(`${n.eventId}:${n.channel}:${n.recipient}`)
    expect(JSON.stringify(notices)).not.toContain('王芳')
    expect(summary).toMatchObject({ total: 9, counts: { pending: 7, delivered: 1, parked: 1 }, parkedReasons: [{ reason: 'HTTP 410: gone', count: 1 }] })
    expect(summary.byChannel['webhook']).toEqual({ pending: 2, delivered: 0, parked: 1 })
    expect(summary.oldestPending?.id).toBe(notices[2]!.id)
    expect(summary.oldestPending?.ageSeconds).toBeGreaterThanOrEqual(0)
  })

  it('lists each payload without the sealed personal data the row carries for the relay', () => {
    const { notices } = listing()
    // the rows do carry it: without it this test would prove nothing
    expect(stored.every((r) => typeof r.payload['personal'] === 'object' && r.payload['personal'] !== null)).toBe(true)
    expect(notices).toHaveLength(stored.length)
    for (const n of notices) {
      const { personal, ...facts } = stored.find((r) => r.id === n.id)!.payload
      expect(n.payload).toEqual(facts)
      expect(n).not.toHaveProperty('payload.personal')
      expect(JSON.stringify(n)).not.toContain((personal as { ciphertext: string }).ciphertext)
    }
    for (const status of ['pending', 'delivered', 'parked']) expect(JSON.stringify(listing('--status', status).notices)).not.toContain('"personal"')
  })

  it('filters by status and channel; the summary still covers the whole outbox', () => {
    expect(listing('--status', 'parked').notices.map((n) => n.recipient)).toEqual(['employer:port-co'])
    expect(listing('--status', 'pending', '--channel', 'nats').notices).toHaveLength(3)
    expect(listing('--status', 'delivered').summary.total).toBe(9)
  })

  it('prints text: a header, one line per notice, then the summary', () => {
    const run = notifications('--status', 'parked')
    expect(run.code).toBe(0)
    const [header, ...lines] = run.stdout.trim().split('\n')
    expect(header).toMatch(/^status +try +channel +recipient +template +id {2}\(last error\)$/)
    // the columns line up with the notice below the header
    expect(lines[0]!.indexOf('webhook')).toBe(header!.indexOf('channel'))
    expect(lines[0]).toMatch(/^parked +1 +webhook employer:port-co +level-certified +\S+:webhook:employer:port-co {2}\(HTTP 410: gone\)$/)
    expect(lines[1]).toBe('9 notices: 7 pending (0 retrying), 1 delivered, 1 parked — per channel pending/delivered/parked: webhook 2/0/1, email 2/1/0, nats 3/0/0')
    expect(lines[2]).toMatch(/^oldest pending: \S+:nats:bureau, written \S+ \(\d+ s ago\)$/)
    expect(lines[3]).toBe('parked ×1: HTTP 410: gone')
  })

  it('requeues parked notices: back to pending, due now', () => {
    const parked = listing('--status', 'parked').notices
    expect(parked).toHaveLength(1)
    const run = notifications('--requeue')
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(run.json()).toEqual([{ requeued: 1 }])
    expect(listing().summary.counts).toEqual({ pending: 8, delivered: 1, parked: 0 })
    const again = notifications('--requeue', parked[0]!.id, 'no-such-id')
    expect(again.json()).toEqual([{ requeued: 1 }])
  })

  it.each([
    [['--requeue', '--json'], 'talent-ledger: notifications --requeue takes no --status, --channel or --json'],
    [['--status', 'sent'], 'talent-ledger: --status "sent" is not one of pending, delivered, parked'],
    [['--channel', 'sms'], 'talent-ledger: --channel "sms" is not one of webhook, email, nats'],
  ])('exits 2 for %j', (args, message) => {
    const run = notifications(...args)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim()).toBe(message)
  })

  it('exits 2 when there is no ledger at the path', () => {
    const run = runCli(['--store', `sqlite:${join(dir.path, 'none.db')}`, 'notifications'], { cwd: dir.path })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/no ledger at .*none\.db/)
  })
})

describe('talent-ledger notifications on PostgreSQL', () => {
  it('lists the notices written with the events, and reads them through --read-store', () => {
    const store = `${SERVER}?schema=${schema}`
    const input = jsonl(registerEmployer, registerTalent('t-1'), assess('t-1', 'a-1', 'intermediate', '2026-03-01'))
    expect(runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input }).code).toBe(0)
    for (const args of [['--store', store], ['--store', 'memory:', '--read-store', store]]) {
      const run = runCli([...args, 'notifications', '--json'], { cwd: dir.path })
      expect([run.code, run.stderr]).toEqual([0, ''])
      const { summary, notices } = run.json()[0] as Listing
      expect(notices.map((n) => `${n.channel} ${n.recipient} ${n.template}`)).toEqual(['email talent:t-1 level-certified', 'webhook employer:port-co level-certified', 'nats bureau level-certified'])
      expect(summary.counts).toEqual({ pending: 3, delivered: 0, parked: 0 })
    }
  })
})
