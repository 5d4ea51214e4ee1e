/**
 * `pnpm bench`: how fast the pure core folds a realistic log. The city simulator writes talent
 * histories, the pure deciders turn them into about a million sealed events (no store), and we time
 * decoding the envelopes, folding every talent stream with the talent decider's `evolve`, folding
 * the whole log into the city dashboard (plus its report), and verifying every hash chain.
 * Quick by default (200,000 events), sized for a small shared machine; `--full` folds about a million.
 * The report's replay is also timed against its floor (one dictionary update per event, no
 * projection), with CPU time, and with `--json FILE` appended to FILE as a phase record for the
 * summary of `pnpm bench`.
 * Usage: node dist/fold.bench.js [--full] [--events N] [--runs R] [--seed S] [--workers W] [--json FILE]
 */
import os from 'node:os'
import { parseArgs } from 'node:util'
import {
  benefitsLedgerProjection,
  cityDashboardProjection,
  cityReportProjection,
  fullCityReport,
  type CityReportState,
  dashboardReport,
  decodeRecorded,
  foldEvents,
  talentCategory,
  talentPoolProjection,
  verifyStream,
  type LedgerEvent,
  type RecordedEvent,
  type TalentEvent,
} from '@talent-ledger/core'
import { simulateCity } from '@talent-ledger/testing'
import { driveCity } from './drive.js'
import { measure, rate, table, type Measurement } from './measure.js'
import { withCpu } from './summary/cpu.js'
import { writeRecord } from './summary/record.js'
import { runPure } from './pure-ledger.js'

const full = process.argv.includes('--full')
const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    events: { type: 'string', default: full ? '1000000' : '200000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '2026' },
    workers: { type: 'string', default: String(Math.min(2, os.availableParallelism())) },
    json: { type: 'string' },
  },
})
const [target, runs, seed, workers] = [Number(values.events), Number(values.runs), Number(values.seed), Number(values.workers)]
if (!(target >= 1000) || !(runs >= 3) || !Number.isInteger(seed) || !(workers >= 1)) {
  console.error('usage: fold.bench.js [--events N ≥ 1000] [--runs R ≥ 3] [--seed S] [--workers W ≥ 1]')
  process.exit(2)
}
const count = (n: number): string => Math.round(n).toLocaleString('en-US')
let sink = 0 // keeps the folds' results alive so nothing is optimised away

// size the city from a pilot of the same seed (a talent's history does not depend on how many are simulated)
const pilotTalents = 1000
const pilot = (await runPure(simulateCity({ talents: pilotTalents, seed }).commands)).log
const shared = pilot.filter((e) => !e.streamId.startsWith('talent-')).length
const talents = Math.max(1, Math.ceil((target - shared) / ((pilot.length - shared) / pilotTalents)))
const city = await driveCity(talents, seed, workers)
const { log, streams } = city

const decode = decodeRecorded()
const decoded: LedgerEvent[] = log.map((row) => decode(row).event)
const talentStreams = new Map<string, TalentEvent[]>()
log.forEach((row, i) => {
  if (!row.streamId.startsWith('talent-')) return
  const stream = talentStreams.get(row.streamId)
  if (stream === undefined) talentStreams.set(row.streamId, [decoded[i] as TalentEvent])
  else stream.push(decoded[i] as TalentEvent)
})
const talentEvents = decoded.filter((_, i) => log[i]!.streamId.startsWith('talent-')).length
// verifying is slow: every stream is verified once, in three disjoint thirds timed separately
const thirds: Array<Array<[string, ReadonlyArray<RecordedEvent>]>> = [[], [], []]
let i = 0
for (const entry of streams) thirds[i++ % 3]!.push(entry)
const verify = (part: ReadonlyArray<[string, ReadonlyArray<RecordedEvent>]>) => () => {
  for (const [id, rows] of part) if (verifyStream(id, rows) !== null) throw new Error(`stream ${id} does not verify`)
}
const warmSlice = Math.min(log.length, 50_000)

// what `report` folds: core's whole city report, every part in one pass, then the report
const reportFold = cityReportProjection
type ReportState = CityReportState
const reportOf = (s: ReportState): number => {
  const r = fullCityReport(s, city.to)
  return r.highSkilledTotal + r.benefits.length + r.honours.length + r.services.length + r.seniorPosts.length + r.featuredCertificates.length + r.carrierOutputs.length + r.agreements.length
}
const reportTypes = reportFold.eventTypes!

// measure calls its work once to warm up, then once per run
const replay = withCpu(runs + 1, () => measure('report replay from memory: the report\'s projections over the decoded log + the report', decoded.length, () => {
  let state = reportFold.initialState()
  for (const e of decoded) state = reportFold.apply(state, e)
  sink += reportOf(state)
}, runs))
// the least a replay can do: look at every event once and update one dictionary entry (its type's count)
const replayFloor = withCpu(runs + 1, () => measure('replay floor: one dictionary update per event, no projection', decoded.length, () => {
  const counts: Record<string, number> = {}
  for (const e of decoded) counts[e.type] = (counts[e.type] ?? 0) + 1
  sink += Object.keys(counts).length
}, runs))
const rows: Measurement[] = [
  replay.result,
  replayFloor.result,
  measure('report replay from envelopes: decode the types it reads + fold + report', log.length, () => {
    let state = reportFold.initialState()
    for (const row of log) if (reportTypes.has(row.type)) state = reportFold.apply(state, decode(row).event)
    sink += reportOf(state)
  }, runs),
  measure('decodeRecorded (envelope + data codecs)', log.length, () => {
    for (const row of log) sink += decode(row).envelope.version
  }, runs, () => {
    for (let k = 0; k < warmSlice; k++) sink += decode(log[k]!).envelope.version
  }),
  measure('talent evolve, per stream', talentEvents, () => {
    for (const events of talentStreams.values()) sink += foldEvents(talentCategory, events).certificates.length
  }, runs),
  measure('city dashboard apply (whole log) + report', decoded.length, () => {
    let state = cityDashboardProjection.initialState()
    for (const e of decoded) state = cityDashboardProjection.apply(state, e)
    sink += dashboardReport(state, city.to).highSkilledTotal
  }, runs),
  measure('talent pool apply (immer per talent entry)', decoded.length, () => {
    let state = talentPoolProjection.initialState()
    for (const e of decoded) state = talentPoolProjection.apply(state, e)
    sink += Object.keys(state.members).length
  }, runs),
  measure('benefits ledger apply', decoded.length, () => {
    let state = benefitsLedgerProjection.initialState()
    for (const e of decoded) state = benefitsLedgerProjection.apply(state, e)
    sink += Object.keys(state.grants).length
  }, runs),
]
const thirdRows = thirds.map((part, k) => {
  if (k === 0) verify(part.slice(0, 2000))()
  const events = part.reduce((n, [, rows]) => n + rows.length, 0)
  return measure(`verifyStream, streams ${k + 1}/3`, events, verify(part), 1, () => undefined)
})
const verifyMs = thirdRows.reduce((ms, r) => ms + r.runsMs[0]!, 0)
rows.push(...thirdRows, { name: 'verifyStream, every stream', events: log.length, runsMs: [verifyMs], note: 'the three thirds together: one pass' })

const memory = process.memoryUsage()
const cpus = os.cpus()
console.log(`talent-ledger fold benchmark — Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${os.platform()} ${os.arch()}`)
console.log(`simulated ${count(talents)} talents (seed ${seed}): ${count(city.commands)} commands in ${(city.simulateMs / 1000).toFixed(1)} s (${count((city.commands / city.simulateMs) * 1000)} commands/s, one worker)`)
console.log(`pure deciders + sealing on ${workers} worker(s): ${count(log.length)} events in ${count(streams.size)} streams in ${(city.driveMs / 1000).toFixed(1)} s; refused ${JSON.stringify(city.refused)}`)
console.log(`memory: rss ${(memory.rss / 2 ** 30).toFixed(2)} GiB, heap used ${(memory.heapUsed / 2 ** 30).toFixed(2)} GiB`)
console.log(`${runs} timed runs after a warm-up, median shown; verifyStream one pass in thirds\n`)
console.log(table(rows))
if (sink === -1) console.log('')
const perCpuSecond = (cpuMs: number): number => (decoded.length / cpuMs) * 1000
writeRecord(values.json, {
  phase: 'replay',
  label: `replay into the report from memory, ${count(decoded.length)} events`,
  unit: 'events/s',
  ours: rate(replay.result) ?? 0,
  floor: rate(replayFloor.result) ?? 0,
  cpu: { ours: perCpuSecond(replay.cpuMsPerCall), floor: perCpuSecond(replayFloor.cpuMsPerCall) },
  events: decoded.length,
  bench: 'bench:fold',
})
