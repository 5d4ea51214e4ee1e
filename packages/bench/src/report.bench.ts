/**
 * `bench:report --db FILE`: the CLI's `report --json` over the whole log of a ledger file, as an
 * operator runs it (a process of its own, start-up included), against issue 15's aim of under a
 * second per 100,000 events. Each run's wall time and CPU time (user + system of the child) are
 * shown; the summary judges the rate per CPU second, as for every absolute aim. The file is only read.
 * Usage: node dist/report.bench.js --db FILE [--runs R] [--json FILE]
 */
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { CLI } from './ledger-file.js'
import { median } from './measure.js'
import { childCpu } from './shared/child-cpu.js'
import { fmt } from './shared/report.js'
import { writeRecord } from './summary/record.js'

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '3' }, json: { type: 'string' } } })
const runs = Number(values.runs)
if (values.db === undefined || !(runs >= 1)) {
  console.error('usage: report.bench.js --db FILE [--runs R ≥ 1] [--json FILE]')
  process.exit(2)
}
const db = values.db
const reader = new Database(db, { readonly: true, fileMustExist: true })
const events = reader.prepare('SELECT COUNT(*) FROM events').pluck().get() as number
reader.close()

const walls: number[] = []
const cpus: number[] = []
for (let i = 0; i < runs; i++) {
  const [t0, c0] = [performance.now(), childCpu()]
  const r = spawnSync(process.execPath, [CLI, '--store', `sqlite:${db}`, 'report', '--json'], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) throw new Error(`talent-ledger report exited with ${r.status ?? r.signal}`)
  walls.push((performance.now() - t0) / 1000)
  cpus.push(childCpu() - c0)
}
const [wall, cpu] = [median(walls), median(cpus)]
console.log(`report --json over ${fmt(events)} events, ${runs} run(s): wall ${walls.map((s) => s.toFixed(2)).join(', ')} s; CPU ${cpus.map((s) => s.toFixed(2)).join(', ')} s`)
console.log(`median: ${((wall * 100_000) / events).toFixed(2)} s wall, ${((cpu * 100_000) / events).toFixed(2)} s CPU per 100,000 events (aim: under 1 s)`)
writeRecord(values.json, { phase: 'report', label: `CLI \`report --json\` of the whole log, ${fmt(events)} events`, unit: 'events/s', ours: events / wall, cpu: { ours: events / cpu }, events, bench: 'bench:report' })
