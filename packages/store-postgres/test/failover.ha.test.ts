/**
 * The failover suite (issue 17): the ledger on a Patroni cluster (3 etcd members, 3 PostgreSQL nodes,
 * synchronous_mode + synchronous_mode_strict) under load — three `talent-ledger apply -` writer
 * processes on the hosts-list URL, a subscriber and the outbox relay — while the primary's postmaster
 * is SIGKILLed five times and a whole node once. After each failover: every acknowledged command is
 * in the log exactly once (in-doubt ones resolved by reading it), `verify` passes on the new primary,
 * positions only increase, the subscriber's projection equals a rebuild, and the outbox lost nothing.
 * It reports failover times and commits/s against a single server, then runs the cluster
 * asynchronously with replication stalled and reports the acknowledged commands a failover lost (a
 * figure, not a pass/fail). Run with `pnpm test:ha` (minutes; not part of `pnpm test`).
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRelay, type RecordedEvent, type Subscription } from '@talent-ledger/core'
import { plainRender } from '@talent-ledger/testing'
import { storeProbes } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore, type PostgresEventStore } from '../src/index.js'
import { CliWriter, EMPLOYER, type Sent } from './ha/cli-writer.js'
import { startPatroniCluster, startStandalone, type PatroniCluster, type PatroniNode } from './ha/patroni-cluster.js'

const CLI = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url))
const SCHEMA = 'tl_ha'
const WRITERS = 3
const PRIMARY_KILLS = 5
const RATE_WINDOW_MS = 5_000
const APPENDERS = 8
/** The library writers' schema: appends of probe events beside the CLI's ledger, to count in-doubt commits the store settled. */
const LIB_SCHEMA = 'tl_ha_lib'
const LIB_WRITERS = 4

/** An append a library writer had acknowledged: its stream, event ids and reported last position. */
interface LibAck {
  readonly stream: string
  readonly ids: ReadonlyArray<string>
  readonly lastPosition: number
}

/** Acknowledged library appends missing from `log`, not there exactly once, or reported at another position than stored. */
const auditLib = (acked: ReadonlyArray<LibAck>, log: ReadonlyArray<RecordedEvent>) => {
  const byStream = new Map<string, RecordedEvent[]>()
  for (const e of log) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e])
  const wrong = acked.filter((a) => {
    const events = byStream.get(a.stream) ?? []
    return events.map((e) => e.eventId).join() !== a.ids.join() || events[events.length - 1]?.globalPosition !== a.lastPosition
  })
  const twice = [...byStream].filter(([, events]) => events.length !== 2).map(([id]) => id)
  return { wrong, twice }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const storeArg = (url: string): string => `${url}${url.includes('?') ? '&' : '?'}schema=${SCHEMA}`

/** Runs the CLI to completion (asynchronously: the writers, subscriber and relay share this process). */
const cli = (url: string, args: ReadonlyArray<string>, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, '--store', storeArg(url), ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin)
  })

/** Commits acknowledged per second by `writers` over a window (after each has answered once). */
const commitsPerSecond = async (writers: ReadonlyArray<CliWriter>): Promise<number> => {
  while (writers.some((w) => w.acked().length === 0)) await sleep(100)
  const count = () => writers.reduce((n, w) => n + w.acked().length, 0)
  const [from, t0] = [count(), Date.now()]
  await sleep(RATE_WINDOW_MS)
  return ((count() - from) * 1_000) / (Date.now() - t0)
}

/**
 * Appends per second through the library alone (no CLI, no decision): `APPENDERS` concurrent
 * one-event appends to new streams for a window, in a schema of their own — the commit path that
 * synchronous replication slows.
 */
const appendsPerSecond = async (url: string, schema: string): Promise<number> => {
  const store = await createPostgresEventStore({ connectionString: url, schema, poolSize: APPENDERS, notifyWindowMs: 'off' })
  try {
    let n = 0
    const until = Date.now() + RATE_WINDOW_MS
    const t0 = Date.now()
    await Promise.all(
      Array.from({ length: APPENDERS }, async () => {
        while (Date.now() < until) {
          const i = n++
          const outcome = await store.append(`rate-${i}`, storeProbes(1, i), 'no-stream')
          if (!outcome.ok) throw new Error(`rate append ${i} refused`)
        }
      }),
    )
    return (n * 1_000) / (Date.now() - t0)
  } finally {
    await store.close()
  }
}

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

/** What the log says of each talent stream: its event types in version order. */
const streamsOf = (log: ReadonlyArray<RecordedEvent>): Map<string, string[]> => {
  const streams = new Map<string, string[]>()
  for (const e of log) {
    const list = streams.get(e.streamId) ?? []
    list[e.version - 1] = e.type
    streams.set(e.streamId, list)
  }
  return streams
}

/** The events each command type stores in a talent stream, at its version. */
const EXPECTED = { RegisterTalent: ['TalentRegistered', 1], RecordAssessment: ['AssessmentFailed', 2] } as const

/** Acknowledged commands missing from the log, commands stored more than once, and in-doubt ones found stored. */
const audit = (sent: ReadonlyArray<Sent>, log: ReadonlyArray<RecordedEvent>) => {
  const streams = streamsOf(log)
  const missing: Sent[] = []
  let inDoubt = 0
  let inDoubtStored = 0
  for (const s of sent) {
    const [type, version] = EXPECTED[s.command.type as keyof typeof EXPECTED]
    const stored = streams.get(`talent-${s.talentId}`)?.[version - 1] === type
    if (s.result === undefined) {
      inDoubt++
      if (stored) inDoubtStored++
    } else if (s.result.ok && !stored) missing.push(s)
  }
  // exactly once: each talent stream holds a registration and at most one assessment, nothing more
  const malformed = [...streams].filter(([id, types]) => id.startsWith('talent-') && !(types.length <= 2 && types[0] === 'TalentRegistered' && (types.length === 1 || types[1] === 'AssessmentFailed')))
  return { missing, malformed, inDoubt, inDoubtStored }
}

describe('the ledger on a Patroni cluster', () => {
  let cluster: PatroniCluster
  let watcher: PostgresEventStore
  let writers: CliWriter[] = []
  const seen: RecordedEvent[] = []
  const seenIds = new Set<string>()
  let redelivered = 0
  let watcherSub: Subscription | undefined
  const orderViolations: string[] = []
  const received = new Map<string, number>()
  const relayErrors: string[] = []
  const relayStop = new AbortController()
  let relayRun: Promise<void> = Promise.resolve()
  const report: Record<string, unknown> = {}
  let inDoubtSoFar = { inDoubt: 0, inDoubtStored: 0 }
  // library writers: appends through the store on the hosts list, in doubt or not, settled by the store
  let lib: PostgresEventStore | undefined
  const libAcked: LibAck[] = []
  const libFailures: string[] = []
  const settledInDoubt = { found: 0, stored: 0, conflict: 0 }
  let libRunning = true
  let libPaused = false
  let libLoops: Promise<void> = Promise.resolve()
  const startLib = async (): Promise<void> => {
    lib = await createPostgresEventStore({
      connectionString: cluster.url, schema: LIB_SCHEMA, poolSize: LIB_WRITERS, notifyWindowMs: 'off',
      onInDoubt: (d) => void settledInDoubt[d.outcome]++,
    })
    libLoops = Promise.all(
      Array.from({ length: LIB_WRITERS }, async (_, k) => {
        for (let n = 0; libRunning; n++) {
          while (libPaused && libRunning) await sleep(50)
          const stream = `lib-${k}-${n}`
          const events = storeProbes(2, n)
          try {
            const outcome = await lib!.append(stream, events, 'no-stream')
            if (outcome.ok) libAcked.push({ stream, ids: events.map((e) => e.eventId), lastPosition: outcome.result.lastPosition })
            else libFailures.push(`${stream}: conflict`)
          } catch (error) {
            libFailures.push(`${stream}: ${String(error)}`)
          }
          await sleep(20)
        }
      }),
    ).then(() => undefined)
  }

  beforeAll(async () => {
    // the single-server baseline: the same writers on one server with the nodes' settings
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const dir = mkdtempSync(join(tmpdir(), 'talent-ledger-single-'))
    const single = await startStandalone(dir)
    try {
      expect((await cli(single.url, ['apply', '-'], `${JSON.stringify(EMPLOYER)}\n`)).code).toBe(0)
      const baseline = Array.from({ length: WRITERS }, (_, i) => new CliWriter(100 + i, [CLI, '--store', storeArg(single.url)]))
      baseline.forEach((w) => w.start())
      report['singleServerCommitsPerSecond'] = Math.round(await commitsPerSecond(baseline))
      await Promise.all(baseline.map((w) => w.stop()))
      report['singleServerAppendsPerSecond'] = Math.round(await appendsPerSecond(single.url, 'tl_ha_rate'))
    } finally {
      single.stop()
      rmSync(dir, { recursive: true, force: true })
    }

    const booted = Date.now()
    cluster = await startPatroniCluster('synchronous')
    report['bootstrapSeconds'] = Math.round((Date.now() - booted) / 100) / 10
    expect((await cli(cluster.url, ['apply', '-'], `${JSON.stringify(EMPLOYER)}\n`)).code).toBe(0)

    watcher = await createPostgresEventStore({ connectionString: cluster.url, schema: SCHEMA, poolSize: 3, pollMs: 200 })
    // the subscriber's projection: the events it was handed, in its order; at least once, so a repeat is dropped by event id
    watcherSub = watcher.subscribe('ha-watcher', (e) => {
      if (seenIds.has(e.eventId)) return void redelivered++
      const last = seen[seen.length - 1]
      if (last !== undefined && e.globalPosition <= last.globalPosition) orderViolations.push(`${e.eventId} at ${e.globalPosition} after ${last.globalPosition}`)
      seen.push(e)
      seenIds.add(e.eventId)
    })
    const channel = (name: 'email' | 'webhook' | 'nats') => ({
      name,
      send: async (n: { idempotencyKey: string }) => {
        received.set(n.idempotencyKey, (received.get(n.idempotencyKey) ?? 0) + 1)
        return { kind: 'delivered' as const }
      },
    })
    const relay = createRelay({
      outbox: watcher.outbox,
      channels: [channel('email'), channel('webhook'), channel('nats')],
      render: plainRender,
      clock: { now: () => new Date().toISOString() },
      backoff: { baseMs: 50, capMs: 500 },
      leaseMs: 5_000,
    })
    // the relay resumes on its own; should a round still fail, it is counted and the loop goes on
    relayRun = (async () => {
      while (!relayStop.signal.aborted) {
        try {
          await relay.run({ signal: relayStop.signal, idleMs: 100 })
        } catch (error) {
          relayErrors.push(String(error))
          await sleep(200)
        }
      }
    })()
    writers = Array.from({ length: WRITERS }, (_, i) => new CliWriter(i + 1, [CLI, '--store', storeArg(cluster.url)]))
    writers.forEach((w) => w.start())
  })

  afterAll(async () => {
    libRunning = false
    await libLoops
    await lib?.close().catch(() => undefined)
    relayStop.abort()
    await Promise.all(writers.map((w) => w.stop()))
    await relayRun
    await watcher?.close().catch(() => undefined)
    cluster?.stop()
    report['patroniRestarts'] = cluster?.patroniRestarts()
    report['logs'] = cluster?.dir
    console.log(`failover suite report\n${JSON.stringify(report, null, 2)}`)
  })

  /** Pauses the writers, runs the checks of one failover on the new primary, and resumes them. */
  const checkAfterFailover = async (round: string): Promise<void> => {
    await Promise.all(writers.map((w) => w.pause()))
    try {
      const checker = await createPostgresEventStore({ connectionString: cluster.url, schema: SCHEMA, poolSize: 2, notifyWindowMs: 'off' })
      try {
        const log = await checker.readAll()
        const sent = writers.flatMap((w) => w.sent)
        const { missing, malformed, inDoubt, inDoubtStored } = audit(sent, log)
        expect(missing.map((s) => s.talentId), `${round}: acknowledged commands missing from the log`).toEqual([])
        expect(malformed, `${round}: streams holding a command twice`).toEqual([])
        const before = inDoubtSoFar
        inDoubtSoFar = { inDoubt, inDoubtStored }
        report[`${round}.inDoubt`] = `${inDoubt - before.inDoubt} (${inDoubtStored - before.inDoubtStored} found stored)`
        // positions strictly increasing in the log and in what the subscriber saw
        expect(log.every((e, i) => i === 0 || e.globalPosition > log[i - 1]!.globalPosition)).toBe(true)
        expect(orderViolations).toEqual([])
        const verify = await cli(cluster.url, ['verify'])
        expect(verify.code, `${round}: verify on the new primary: ${verify.stdout}${verify.stderr}`).toBe(0)
        // the subscriber's projection (its events, in its order) equals a rebuild from the log
        await watcherSub!.caughtUp()
        expect(seen.map((e) => e.eventId), `${round}: the subscriber's events against the log`).toEqual(log.map((e) => e.eventId))
        expect(streamsOf(seen)).toEqual(streamsOf(log))
        report[`${round}.subscriberRedelivered`] = redelivered
        // outbox: every row the acknowledged commands implied is there (verify checked that) and is delivered, once or more
        const pending = await checker.outbox.list({ status: 'pending' })
        report[`${round}.outboxPending`] = pending.length
        // the library writers: every acknowledged append there once, at the position it was reported at
        const acked = [...libAcked]
        const libChecker = await createPostgresEventStore({ connectionString: cluster.url, schema: LIB_SCHEMA, poolSize: 1, notifyWindowMs: 'off' })
        try {
          const libLog = await libChecker.readAll()
          const { wrong, twice } = auditLib(acked, libLog)
          expect(wrong.map((a) => a.stream), `${round}: library appends missing or reported at another position`).toEqual([])
          expect(twice, `${round}: library streams not holding their batch exactly once`).toEqual([])
          expect(libLog.every((e, i) => i === 0 || e.globalPosition > libLog[i - 1]!.globalPosition)).toBe(true)
        } finally {
          await libChecker.close()
        }
        report[`${round}.libraryAppends`] = { acknowledged: acked.length, failed: libFailures.length, inDoubtSettled: { ...settledInDoubt } }
      } finally {
        await checker.close()
      }
    } finally {
      writers.forEach((w) => w.unpause())
    }
  }

  it('loses no acknowledged command across five primary kills and one node kill (synchronous_mode_strict)', async () => {
    report['syncCommitsPerSecond'] = Math.round(await commitsPerSecond(writers))
    await Promise.all(writers.map((w) => w.pause()))
    report['syncAppendsPerSecond'] = Math.round(await appendsPerSecond(cluster.url, 'tl_ha_rate_sync'))
    writers.forEach((w) => w.unpause())
    await startLib()
    const failovers: number[] = []
    const failoversSeenByWriters: number[] = []
    for (let round = 1; round <= PRIMARY_KILLS + 1; round++) {
      const wholeNode = round === PRIMARY_KILLS + 1
      await sleep(2_000)
      const old = await cluster.primary()
      const killedAt = Date.now()
      if (wholeNode) cluster.killNode(old)
      else cluster.killPostmaster(old)
      const next = await newPrimary(cluster, old)
      expect(next).not.toBe(old)
      failovers.push(Date.now() - killedAt)
      // writer-seen: from the kill to the first acknowledgement of a command sent after it
      for (const deadline = Date.now() + 180_000; ; ) {
        if (Date.now() > deadline) throw new Error(`no writer was acknowledged within 180 s of kill ${round}: ${writers.map((w) => w.lastError).join(' | ')}`)
        const first = writers.flatMap((w) => w.sent).filter((s) => s.sentAt > killedAt && s.at !== undefined && s.result?.ok === true)
        if (first.length > 0) {
          failoversSeenByWriters.push(Math.min(...first.map((s) => s.at!)) - killedAt)
          break
        }
        await sleep(50)
      }
      if (wholeNode) cluster.restartNode(old)
      await cluster.healthy(180_000)
      await checkAfterFailover(wholeNode ? 'node-kill' : `kill-${round}`)
    }
    report['failoverSeconds'] = { patroni: summary(failovers), writers: summary(failoversSeenByWriters) }
    report['writerRestarts'] = writers.reduce((n, w) => n + w.restarts, 0)
    report['writerCrashes'] = writers.flatMap((w) => w.crashes)
    report['libraryAppendFailures'] = libFailures.slice(0, 5)
    // a library append never failed: the store waited through each failover and settled every doubt
    expect(libFailures).toEqual([])
    report['acknowledged'] = writers.reduce((n, w) => n + w.acked().length, 0)

    // the relay drains the outbox: every row delivered, each received at least once
    const checker = await createPostgresEventStore({ connectionString: cluster.url, schema: SCHEMA, poolSize: 2, notifyWindowMs: 'off' })
    try {
      await Promise.all(writers.map((w) => w.pause()))
      for (;;) {
        const pending = await checker.outbox.list({ status: 'pending', limit: 1 })
        if (pending.length === 0) break
        await sleep(200)
      }
      const rows = await checker.outbox.list({})
      expect(rows.length).toBeGreaterThan(0)
      expect(rows.filter((r) => r.status !== 'delivered').map((r) => r.id)).toEqual([])
      expect(rows.filter((r) => !received.has(r.id)).map((r) => r.id)).toEqual([])
      report['outbox'] = { rows: rows.length, redelivered: [...received.values()].filter((n) => n > 1).length, relayRoundErrors: relayErrors.length }
    } finally {
      await checker.close()
      writers.forEach((w) => w.unpause())
    }
    expect(failovers).toHaveLength(PRIMARY_KILLS + 1)
  })

  it('reports the acknowledged commands an asynchronous cluster loses when replication lags (a figure, not a pass/fail)', async () => {
    await cluster.patchConfig({ synchronous_mode: false, synchronous_mode_strict: false, maximum_lag_on_failover: 1_073_741_824 })
    await sleep(5_000)
    libPaused = true
    report['asyncCommitsPerSecond'] = Math.round(await commitsPerSecond(writers))
    await Promise.all(writers.map((w) => w.pause()))
    report['asyncAppendsPerSecond'] = Math.round(await appendsPerSecond(cluster.url, 'tl_ha_rate_async'))
    writers.forEach((w) => w.unpause())
    libPaused = false
    const old = await cluster.primary()
    const receivers = cluster.walReceivers()
    expect(receivers.length).toBeGreaterThan(0)
    for (const pid of receivers) process.kill(pid, 'SIGSTOP')
    const stalledAt = Date.now()
    await sleep(3_000)
    cluster.killServer(old)
    // the stalled walreceivers die too (their standbys restart from the WAL they had written), so
    // WAL still in their socket buffers is not applied after the primary is gone
    for (const pid of receivers) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // gone already
      }
    }
    expect(await newPrimary(cluster, old)).not.toBe(old)
    await Promise.all(writers.map((w) => w.pause()))
    const checker = await createPostgresEventStore({ connectionString: cluster.url, schema: SCHEMA, poolSize: 2, notifyWindowMs: 'off' })
    try {
      const log = await checker.readAll()
      const sent = writers.flatMap((w) => w.sent)
      const { missing } = audit(sent, log)
      const ackedDuringStall = sent.filter((s) => s.result?.ok === true && s.at !== undefined && s.at >= stalledAt).length
      const present = new Set(log.map((e) => e.eventId))
      report['async'] = {
        acknowledgedWhileStalled: ackedDuringStall,
        acknowledgedLost: missing.length,
        subscriberSawEventsNowGone: seen.filter((e) => !present.has(e.eventId)).length,
      }
      // asynchronous replication keeps acknowledging while no standby receives anything
      expect(ackedDuringStall).toBeGreaterThan(0)
    } finally {
      await checker.close()
    }
  })
})

/** The primary once it is no longer `old` (Patroni's REST API of the old node may say primary for a loop or so). */
const newPrimary = async (cluster: PatroniCluster, old: PatroniNode): Promise<PatroniNode> => {
  const deadline = Date.now() + 120_000
  for (;;) {
    const node = await cluster.primary(120_000)
    if (node !== old || Date.now() > deadline) return node
    await sleep(200)
  }
}

const summary = (ms: ReadonlyArray<number>) => ({
  min: Math.round(Math.min(...ms) / 100) / 10,
  median: Math.round(median(ms) / 100) / 10,
  max: Math.round(Math.max(...ms) / 100) / 10,
})
