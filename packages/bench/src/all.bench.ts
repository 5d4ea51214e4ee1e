/**
 * `pnpm bench`: every bench behind the phases of issues 15 and 14 in one run, each in its own
 * process printing its own tables, then one summary table (summary/): the pure core's fold (the
 * report's replay), SQLite and PostgreSQL against their floors and Emmett, PostgreSQL writer
 * processes (8 against 1, with the 2 ms modelled commit), the ledger's command path, then
 * a demo-sized ledger file made by the CLI's `demo` for storage (file against export), `verify`
 * and the CLI's `report`, then group commit and onboarding a generated registry file. Each bench
 * appends its phases to one JSON Lines file (`--json`); a bench that fails leaves its rows "not
 * measured" and the run exits 1. Quick by default: the fold bench on 100,000 events, group commit
 * on 300 talents, onboarding 20,000 rows (their own defaults, 200,000, 1,000 talents and 100,000
 * + 700,000 rows, are long on two cores); `--full` hands `--full` to the benches that have a long
 * run and leaves those at their defaults.
 * Usage: node dist/all.bench.js [--full] [--json FILE (keep the phase records there)]
 */
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { makeDemoFile } from './ledger-file.js'
import { freshDir } from './sqlite/phases.js'
import { printSummary } from './summary/print.js'
import { readRecords } from './summary/record.js'

// `pnpm bench -- --full` hands pnpm's `--` on: it separates nothing here
const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { full: { type: 'boolean', default: false }, json: { type: 'string' } } })
const full = values.full ? ['--full'] : []
const quick = (args: ReadonlyArray<string>): ReadonlyArray<string> => (values.full ? [] : args)
const { dir, remove } = freshDir()
const records = values.json ?? join(dir, 'phases.jsonl')
if (values.json !== undefined) rmSync(values.json, { force: true })
const demo = join(dir, 'demo.db')

/** One bench: its script under dist/, its arguments, and node's own flags. */
interface Step {
  readonly name: string
  readonly script: string
  readonly args: ReadonlyArray<string>
  readonly node?: ReadonlyArray<string>
  /** Environment variables the bench runs with, besides this process's. */
  readonly env?: Readonly<Record<string, string>>
}
const steps: ReadonlyArray<Step> = [
  { name: 'fold', script: 'fold.bench.js', args: [...full, ...quick(['--events', '100000']), '--json', records], node: ['--max-semi-space-size=64'] },
  { name: 'sqlite', script: 'sqlite/sqlite.bench.js', args: [...full, '--json', records] },
  { name: 'postgres', script: 'postgres/postgres.bench.js', args: [...full, '--json', records] },
  { name: 'postgres-processes', script: 'postgres/processes.bench.js', args: ['--writers', '1,8', '--json', records], env: { TL_BENCH_PG_COMMIT_DELAY_US: '2000' } },
  { name: 'command-path', script: 'sqlite/command-path.bench.js', args: [...full, '--json', records] },
  { name: 'storage', script: 'storage.bench.js', args: ['--db', demo, '--json', records] },
  { name: 'verify', script: 'verify.bench.js', args: ['--db', demo, '--json', records] },
  { name: 'report', script: 'report.bench.js', args: ['--db', demo, '--json', records] },
  { name: 'group-commit', script: 'sqlite/group-commit.bench.js', args: [...quick(['--talents', '300']), '--json', records] },
  { name: 'onboard', script: 'onboard/onboard.bench.js', args: [...quick(['--rows', '20000']), '--dir', join(dir, 'onboard'), '--json', records] },
]

const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ')
const failed: string[] = []
const t0 = performance.now()
const elapsed = (): string => `${((performance.now() - t0) / 1000).toFixed(0)} s`
try {
  for (const step of steps) {
    if (step.name === 'storage') {
      // the demo-sized ledger file storage and verify read: made once, by the CLI
      console.log(`\n=== demo ledger file (talent-ledger demo) — ${elapsed()}, load average ${load()}`)
      try {
        console.log(`made ${demo} in ${makeDemoFile(demo).toFixed(0)} s`)
      } catch (error) {
        console.error(error instanceof Error ? error.message : String(error))
      }
    }
    console.log(`\n=== ${step.name} — ${elapsed()}, load average ${load()}\n`)
    if ((step.name === 'storage' || step.name === 'verify' || step.name === 'report') && !existsSync(demo)) {
      failed.push(step.name)
      continue
    }
    const script = fileURLToPath(new URL(step.script, import.meta.url))
    const r = spawnSync(process.execPath, [...(step.node ?? []), script, ...step.args], { stdio: 'inherit', env: { ...process.env, ...step.env } })
    if (r.status !== 0) {
      console.error(`${step.name} failed (exit ${r.status ?? r.signal})`)
      failed.push(step.name)
    }
  }
  console.log(`\n=== all benches done in ${elapsed()}`)
  printSummary(existsSync(records) ? readRecords(records) : [])
  if (values.json !== undefined) console.log(`phase records kept in ${values.json} (node dist/summary.js ${values.json} prints this summary again)`)
  if (failed.length > 0) {
    console.error(`failed: ${failed.join(', ')}`)
    process.exitCode = 1
  }
} finally {
  remove()
}
