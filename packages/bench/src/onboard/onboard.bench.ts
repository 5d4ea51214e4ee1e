/**
 * `pnpm --dir packages/bench bench:onboard`: onboarding a generated registry export through the
 * built CLI (`talent-ledger onboard`), as an operator runs it, on a fresh SQLite file per size.
 * For each size it writes the GB18030 CSV (registry-file.ts), registers the employers with `apply`,
 * then times `onboard` and samples the process's peak resident memory (VmHWM from /proc, read every
 * 100 ms, so growth in the last 100 ms before exit may be missed). It also times reading alone
 * (decode + CSV parse of the same file, no ledger) to show what the parsers cost, and the floor
 * (floor.ts: the same rows read the same way, inserted 500 a transaction by raw better-sqlite3 with
 * no checks), and reports onboard's rows/s as a ratio to the floor's from the same run. Each
 * process's CPU time (user + system, from getrusage of the child) is shown next to its wall time:
 * on a shared, loaded machine the CPU seconds move less than the wall seconds.
 * The schema floor (schema-floor.ts), right after onboard: the rows onboard wrote, written again by
 * raw better-sqlite3 into a fresh file of our own schema in onboard's chunks, while the same file
 * is read the same way; its process time less its untimed preparation (reading the rows back).
 * With `--postgres` it then does the same on PostgreSQL (TL_BENCH_PG_URL, default the test server):
 * the floor (floor-pg.ts) and onboard, each in a fresh schema dropped afterwards.
 * With `--json FILE`, each SQLite size appends a record for `pnpm bench`'s summary (the last one shown).
 * Usage: node dist/onboard/onboard.bench.js [--rows 100000,700000] [--durability FULL|NORMAL] [--dir DIR] [--skip-ledger] [--postgres] [--json FILE]
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { employersJsonl, writeRegistryFile } from './registry-file.js'
import { connectionString, describeServer, dropSchema, schemaName } from '../postgres/connection.js'
import { childCpu } from '../shared/child-cpu.js'
import { writeRecord } from '../summary/record.js'

// `pnpm … bench:onboard -- --rows N` hands node the `--` too, after which parseArgs reads only positionals
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    rows: { type: 'string', default: '100000,700000' },
    durability: { type: 'string', default: 'FULL' },
    dir: { type: 'string', default: join(os.tmpdir(), 'talent-ledger-onboard-bench') },
    'skip-ledger': { type: 'boolean', default: false },
    postgres: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
})

const FLOOR = join(dirname(fileURLToPath(import.meta.url)), 'floor.js')
const SCHEMA_FLOOR = join(dirname(fileURLToPath(import.meta.url)), 'schema-floor.js')
const FLOOR_PG = join(dirname(fileURLToPath(import.meta.url)), 'floor-pg.js')
const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'cli', 'dist', 'main.js')
const ROW_SOURCE = pathToFileURL(join(dirname(CLI), 'onboard', 'row-source.js')).href

/** Peak resident set (VmHWM) of a running process, in MiB; null once it has gone. */
const peakRss = (pid: number): number | null => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m === null ? null : Number(m[1]) / 1024
  } catch {
    return null
  }
}

interface Timed {
  readonly seconds: number
  /** CPU seconds (user + system) of the child. */
  readonly cpu: number
  readonly peakMiB: number
  readonly code: number | null
  readonly stdout: string
}

/** Runs node with `args`, timing it and sampling its peak memory. */
const timedNode = async (args: ReadonlyArray<string>, cwd: string): Promise<Timed> => {
  const started = performance.now()
  const cpuBefore = childCpu()
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] })
  let stdout = ''
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, peakRss(child.pid!) ?? peak)), 100)
  const [code] = (await once(child, 'close')) as [number | null]
  clearInterval(sampler)
  // the child has been reaped by now, so its CPU time is in this process's cutime + cstime
  return { seconds: (performance.now() - started) / 1000, cpu: childCpu() - cpuBefore, peakMiB: peak, code, stdout }
}


const readOnly = `const { openRows } = await import(${JSON.stringify(ROW_SOURCE)}); let n = 0; for await (const r of openRows(process.argv[1]).rows) n += r.cells.length > 0 ? 1 : 0; console.log(n - 1)`

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')

/** The floor, then onboard, on PostgreSQL: each in a fresh schema, dropped after. */
const onPostgres = async (rows: number, file: string, orgs: string): Promise<void> => {
  const floorSchema = schemaName('onboard_floor')
  const floor = await timedNode([FLOOR_PG, file, floorSchema, '500'], values.dir)
  if (floor.code !== 0 || Number(floor.stdout.trim()) !== rows) throw new Error(`PostgreSQL floor failed: ${floor.stdout}`)
  lines.push(row(rows, 'floor: raw node-postgres inserts, PostgreSQL', floor))
  console.log(lines[lines.length - 1])
  const schema = schemaName('onboard')
  const url = `${connectionString}${connectionString.includes('?') ? '&' : '?'}schema=${schema}`
  try {
    const applied = await timedNode([CLI, '--store', url, 'apply', orgs], values.dir)
    if (applied.code !== 0) throw new Error(`apply employers failed: ${applied.stdout}`)
    const run = await timedNode([CLI, '--store', url, 'onboard', file, '--json', '--rejects', join(values.dir, `rejected-pg-${rows}.csv`)], values.dir)
    if (run.code !== 0) throw new Error(`onboard on PostgreSQL failed: ${run.stdout}`)
    lines.push(row(rows, 'onboard, PostgreSQL', run, `${(floor.seconds / run.seconds).toFixed(3)}× floor (CPU of our process ${(floor.cpu / run.cpu).toFixed(3)}×)`))
    console.log(lines[lines.length - 1])
  } finally {
    await dropSchema(schema)
  }
}

mkdirSync(values.dir, { recursive: true })
const sizes = values.rows.split(',').map(Number)
const lines: string[] = []
const row = (rows: number, what: string, t: Timed, extra = ''): string =>
  `| ${fmt(rows)} | ${what} | ${t.seconds.toFixed(1)} | ${t.cpu.toFixed(1)} | ${fmt(rows / t.seconds)} | ${t.peakMiB.toFixed(0)} | ${extra} |`
const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ')
if (values.postgres) console.log(await describeServer())
console.log(`onboarding bench: ${os.cpus().length} cores, node ${process.version}, SQLite synchronous=${values.durability}, rows committed 500 at a time (group commit, onboard --batch), load ${load()}`)
for (const rows of sizes) {
  const file = join(values.dir, `registry-${rows}.csv`)
  const made = await writeRegistryFile(file, rows)
  console.log(`${fmt(made.rows)} rows, ${fmt(made.people)} people, ${(made.bytes / 2 ** 20).toFixed(1)} MiB GB18030 CSV`)
  const parse = await timedNode(['--input-type=module', '-e', readOnly, file], values.dir)
  lines.push(row(rows, 'read only (iconv-lite + csv-parse)', parse))
  console.log(lines[lines.length - 1])
  if (values['skip-ledger']) continue
  // the floor right before onboard, so both see the same load
  const floor = await timedNode([FLOOR, file, join(values.dir, `floor-${rows}.db`), values.durability, '500'], values.dir)
  if (floor.code !== 0 || Number(floor.stdout.trim()) !== rows) throw new Error(`floor failed: ${floor.stdout}`)
  lines.push(row(rows, `floor: raw better-sqlite3 inserts, SQLite ${values.durability}`, floor))
  console.log(lines[lines.length - 1])
  const db = join(values.dir, `onboard-${rows}.db`)
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true })
  const orgs = join(values.dir, 'employers.jsonl')
  writeFileSync(orgs, employersJsonl())
  const applied = await timedNode([CLI, '--store', `sqlite:${db}`, 'apply', orgs], values.dir)
  if (applied.code !== 0) throw new Error(`apply employers failed: ${applied.stdout}`)
  const employers = new Database(db, { readonly: true })
  const after = employers.prepare('SELECT COALESCE(MAX(global_position), 0) FROM events').pluck().get() as number
  employers.close()
  const before = load()
  const run = await timedNode([CLI, '--store', `sqlite:${db}`, 'onboard', file, '--json', '--durability', values.durability, '--rejects', join(values.dir, `rejected-${rows}.csv`)], values.dir)
  if (run.code !== 0) throw new Error(`onboard failed: ${run.stdout}`)
  const summary = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string }).find((l) => l.type === 'summary')
  const ratio = `${(floor.seconds / run.seconds).toFixed(3)}× floor (CPU ${(floor.cpu / run.cpu).toFixed(3)}×)`
  lines.push(row(rows, `onboard, SQLite ${values.durability}`, run, ratio))
  console.log(lines[lines.length - 1])
  console.log(`load before onboard ${before}, after ${load()}`)
  console.log(JSON.stringify(summary))
  const schema = await timedNode([SCHEMA_FLOOR, db, String(after), file, join(values.dir, `schema-floor-${rows}.db`), values.durability, '500'], values.dir)
  if (schema.code !== 0) throw new Error(`schema floor failed: ${schema.stdout}`)
  const sf = JSON.parse(schema.stdout) as { prepMs: number; prepCpuMs: number; ms: number; insertMs: number; commits: number; events: number; rows: Record<string, number> }
  const schemaFloor = { ...schema, seconds: schema.seconds - sf.prepMs / 1000, cpu: schema.cpu - sf.prepCpuMs / 1000 }
  lines.push(row(rows, `schema floor: onboard's rows in our schema, raw better-sqlite3, SQLite ${values.durability}`, schemaFloor, `${(floor.seconds / schemaFloor.seconds).toFixed(3)}× floor (CPU ${(floor.cpu / schemaFloor.cpu).toFixed(3)}×)`))
  console.log(lines[lines.length - 1])
  console.log(
    `schema floor: ${fmt(sf.commits)} transactions, ${fmt(sf.events)} events (rows written: ${Object.entries(sf.rows).map(([k, n]) => `${fmt(n)} ${k}`).join(', ')}), ${(sf.insertMs / 1000).toFixed(1)} s in them; schema floor ÷ floor ${(floor.seconds / schemaFloor.seconds).toFixed(3)}× (the best onboard ÷ floor can be), onboard ÷ schema floor ${(schemaFloor.seconds / run.seconds).toFixed(3)}× (what our code costs); ${fmt(rows / schemaFloor.cpu)} rows per CPU second`,
  )
  // the issue's aims: rows per second (judged per CPU second of onboard's process) and the floor's share
  writeRecord(values.json, {
    phase: 'onboard',
    label: `onboarding ${fmt(rows)} rows, SQLite ${values.durability}`,
    unit: 'rows/s',
    ours: rows / run.seconds,
    floor: rows / floor.seconds,
    schemaFloor: rows / schemaFloor.seconds,
    cpu: { ours: rows / run.cpu, floor: rows / floor.cpu, schemaFloor: rows / schemaFloor.cpu },
    events: rows,
    bench: 'bench:onboard',
  })
  if (values.postgres) await onPostgres(rows, file, orgs)
}
console.log('\n| rows | what | wall s | CPU s | rows/s | peak RSS MiB | ratio |\n|---:|---|---:|---:|---:|---:|---|')
for (const l of lines) console.log(l)
