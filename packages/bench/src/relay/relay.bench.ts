/**
 * `pnpm bench:relay`: throughput of the outbox relay (notices/s) per channel against local receivers.
 * Each run seeds a fresh SQLite file (WAL, synchronous = FULL) with N notices written through the
 * store's append, as the ledger writes them, then times `relay.run({ untilIdle: true })` until every
 * row is marked delivered — claim, render, send, and one durable outbox update per notice. A `null`
 * channel (answers delivered at once) shows the relay and outbox cost without a receiver.
 * Usage: node dist/relay/relay.bench.js [--notices N] [--runs R] [--concurrency C] [--batch B] [--only WORD (channels whose name has it)]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createRelay, type NotificationChannel, type ChannelName } from '@talent-ledger/core'
import { createSqliteEventStore } from '@talent-ledger/store-sqlite'
import { plainRender, seedNotices } from '@talent-ledger/testing'
import { createWebhookChannel } from '@talent-ledger/notify-webhook'
import { createEmailChannel } from '@talent-ledger/notify-email'
import { createNatsChannel } from '@talent-ledger/notify-nats'
import { connect } from '@nats-io/transport-node'
import { jetstreamManager } from '@nats-io/jetstream'
import { median } from '../measure.js'
import { httpReceiver, smtpReceiver, type Receiver } from './receivers.js'

const { values } = parseArgs({
  options: {
    notices: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '8' },
    batch: { type: 'string', default: '50' },
    only: { type: 'string', default: '' },
  },
})
const [notices, runs, concurrency, batchSize] = [Number(values.notices), Number(values.runs), Number(values.concurrency), Number(values.batch)]
if (!(notices >= 10) || !(runs >= 1) || !(concurrency >= 1) || !(batchSize >= 1)) {
  console.error('usage: relay.bench.js [--notices N ≥ 10] [--runs R ≥ 1] [--concurrency C ≥ 1] [--batch B ≥ 1]')
  process.exit(2)
}
const cpus = os.cpus()
console.log(`talent-ledger relay benchmark — Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${os.platform()} ${os.arch()}`)
console.log(`${notices} notices per run, ${runs} runs per channel, concurrency ${concurrency}, batch ${batchSize}, SQLite outbox (WAL, FULL)`)

const SECRET = `whsec_${Buffer.from('relay-benchmark-secret-0123456789').toString('base64')}`
const streamName = `TL_BENCH_${process.pid}`
const nc = await connect({ servers: 'nats://127.0.0.1:4222' })
const jsm = await jetstreamManager(nc)

interface Contender {
  readonly name: string
  readonly channel: ChannelName
  /** Opens the receiver (if any) and the channel for one run. */
  readonly open: () => Promise<{ readonly channel: NotificationChannel; readonly receiver?: Receiver }>
}

const nullChannel = (name: ChannelName): NotificationChannel => ({ name, send: async () => ({ kind: 'delivered' }) })
const email = (pool: boolean) => async () => {
  const receiver = await smtpReceiver()
  const channel = createEmailChannel({
    smtp: { host: '127.0.0.1', port: receiver.port, secure: false, ignoreTLS: true, ...(pool ? { pool: true, maxConnections: concurrency, maxMessages: Infinity } : {}) },
    from: 'notices@hr.example.gov.cn',
    addressBook: (r) => `${r.replace(':', '-')}@example.cn`,
  })
  return { channel, receiver }
}
const contenders: ReadonlyArray<Contender> = [
  { name: 'null channel (relay + SQLite outbox only)', channel: 'webhook', open: async () => ({ channel: nullChannel('webhook') }) },
  {
    name: 'webhook (HTTP POST, signed)',
    channel: 'webhook',
    open: async () => {
      const receiver = await httpReceiver()
      return { channel: createWebhookChannel({ endpoints: () => `http://127.0.0.1:${receiver.port}/hooks`, secrets: [SECRET] }), receiver }
    },
  },
  { name: 'email (SMTP, a connection per message)', channel: 'email', open: email(false) },
  { name: `email (SMTP, pool of ${concurrency})`, channel: 'email', open: email(true) },
  {
    name: 'nats (JetStream publish, acked)',
    channel: 'nats',
    open: async () => {
      await jsm.streams.delete(streamName).catch(() => false)
      return { channel: createNatsChannel({ servers: 'nats://127.0.0.1:4222', stream: { name: streamName }, subjectPrefix: `tl-bench.${process.pid}` }) }
    },
  },
]

const runOnce = async (c: Contender): Promise<number> => {
  const dir = mkdtempSync(join(os.tmpdir(), 'talent-ledger-relay-bench-'))
  const store = createSqliteEventStore({ path: join(dir, 'ledger.db') })
  const { channel, receiver } = await c.open()
  try {
    for (let seeded = 0; seeded < notices; seeded += 500) await seedNotices(store, { channel: c.channel, events: Math.min(500, notices - seeded) })
    const relay = createRelay({ outbox: store.outbox, channels: [channel], render: plainRender, clock: { now: () => new Date().toISOString() }, concurrency, batchSize })
    const t0 = performance.now()
    const totals = await relay.run({ untilIdle: true, idleMs: 5 })
    const ms = performance.now() - t0
    if (totals.delivered !== notices) throw new Error(`${c.name}: delivered ${totals.delivered} of ${notices} (${JSON.stringify(totals)})`)
    if (receiver !== undefined && receiver.received() < notices) throw new Error(`${c.name}: the receiver got ${receiver.received()} of ${notices}`)
    return ms
  } finally {
    await channel.close?.()
    await receiver?.close()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')
console.log('\n| channel | notices | median ms | notices/s | runs (ms) |\n|---|---:|---:|---:|---|')
for (const c of contenders.filter((c) => c.name.includes(values.only))) {
  await runOnce(c) // warm-up
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await runOnce(c))
  console.log(`| ${c.name} | ${fmt(notices)} | ${fmt(median(times))} | ${fmt((notices / median(times)) * 1000)} | ${times.map((t) => t.toFixed(0)).join(', ')} |`)
}
await jsm.streams.delete(streamName).catch(() => false)
await nc.close()
