/**
 * `bench:group-commit`: the demo's command stream (`simulateCity`, seeded) through the ledger on a
 * fresh SQLite file (keys in the same file), one command per transaction (`execute`, what `apply
 * --batch 1` does) against group commit (`executeMany` in batches, what `apply` does with a file).
 * Runs alternate between the two so machine load hits both alike; the medians and their ratio are
 * printed. Both must accept and refuse the same commands and store the same number of events.
 * The schema floor (schema-floor.ts) writes the rows the first one-at-a-time run stored again with
 * the raw driver into a fresh file of our schema, one commit per batch of `--batch` commands in
 * every run (commands that stored nothing are left out of the batches) and one commit per command
 * in the first run only (it is most of the time the schema floor adds): what group commit can gain
 * on our schema with none of our code.
 * Usage: node dist/sqlite/group-commit.bench.js [--talents N] [--seed S] [--batch B] [--runs R] [--durability FULL|NORMAL] [--json FILE]
 */
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { parseArgs } from 'node:util'
import { createTalentLedger, type CommandResult } from '@talent-ledger/core'
import { createSqliteEventStore, createSqliteKeyStore } from '@talent-ledger/store-sqlite'
import { simulateCity } from '@talent-ledger/testing'
import { median, timedWithCpu } from '../measure.js'
import { writeRecord } from '../summary/record.js'
import { freshDir } from './phases.js'
import type { CommandRows } from './command-rows.js'
import { inTransactionsOf } from './command-rows.js'
import { readCommandRows } from './command-rows-read.js'
import { runSchemaFloor } from './schema-floor.js'

const { values } = parseArgs({
  options: {
    talents: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '2026' },
    batch: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    durability: { type: 'string', default: 'FULL' },
    json: { type: 'string' },
  },
})
const [talents, seed, batch, runs] = [Number(values.talents), Number(values.seed), Number(values.batch), Number(values.runs)]
const durability = values.durability
if (!(talents >= 10) || !Number.isInteger(seed) || !(batch >= 1) || !(runs >= 1) || (durability !== 'FULL' && durability !== 'NORMAL')) {
  console.error('usage: group-commit.bench.js [--talents N ≥ 10] [--seed S] [--batch B ≥ 1] [--runs R ≥ 1] [--durability FULL|NORMAL]')
  process.exit(2)
}

const { commands } = simulateCity({ talents, seed })

/** One run on a fresh file: its time and CPU (user + system, µs a command), what each command answered (ok or the refusal's code) and the events stored. */
const runOnce = async (grouped: boolean, onWritten?: (db: Database.Database) => void): Promise<{ ms: number; cpuUs: number; answers: string; events: number }> => {
  const { dir, remove } = freshDir()
  const store = createSqliteEventStore({ path: join(dir, 'ledger.sqlite'), durability })
  try {
    const ledger = createTalentLedger({ store, keys: createSqliteKeyStore(store.database), clock: { now: () => new Date().toISOString() } })
    const results: CommandResult[] = []
    const { ms, cpuMs } = await timedWithCpu(async () => {
      if (grouped) for (let i = 0; i < commands.length; i += batch) results.push(...(await ledger.executeMany(commands.slice(i, i + batch))))
      else for (const raw of commands) results.push(await ledger.execute(raw))
    })
    onWritten?.(store.database)
    const events = store.database.prepare('SELECT COUNT(*) FROM events').pluck().get() as number
    return { ms, cpuUs: (cpuMs * 1000) / commands.length, answers: results.map((r) => (r.ok ? 'ok' : r.error.code)).join(','), events }
  } finally {
    await store.close()
    remove()
  }
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')
const one: number[] = []
const grouped: number[] = []
// CPU a command (the process's user + system time): what the ledger costs, whatever the machine's load does to the wall clock
const oneCpu: number[] = []
const groupedCpu: number[] = []
const schemaOne: number[] = []
const schemaGrouped: number[] = []
const schemaOneCpu: number[] = []
const schemaGroupedCpu: number[] = []
// the rows the first one-at-a-time run stored, by command: the schema floor writes them again
let written: CommandRows[] = []
let events = 0
for (let r = 0; r < runs; r++) {
  const a = await runOnce(false, r === 0 ? (db) => (written = readCommandRows(db)) : undefined)
  const b = await runOnce(true)
  if (a.answers !== b.answers || a.events !== b.events) throw new Error('group commit answered or stored differently from one command at a time')
  // one at a time only in the first run: a commit per command is most of the time this bench adds
  const sa = r === 0 ? await runSchemaFloor(inTransactionsOf(written, 1), { durability }) : undefined
  const sb = await runSchemaFloor(inTransactionsOf(written, batch), { durability })
  if ((sa !== undefined && sa.events !== a.events) || sb.events !== a.events) throw new Error('the schema floor stored other events than the ledger')
  if (sa !== undefined) schemaOne.push(sa.ms)
  schemaGrouped.push(sb.ms)
  if (sa !== undefined) schemaOneCpu.push((sa.cpuMs * 1000) / commands.length)
  schemaGroupedCpu.push((sb.cpuMs * 1000) / commands.length)
  one.push(a.ms)
  grouped.push(b.ms)
  oneCpu.push(a.cpuUs)
  groupedCpu.push(b.cpuUs)
  events = a.events
}
const rateOf = (ms: ReadonlyArray<number>): number => (commands.length / median(ms)) * 1000
console.log(`group commit on SQLite (${durability}): ${fmt(commands.length)} commands of simulateCity({ talents: ${talents}, seed: ${seed} }), ${fmt(events)} events, ${runs} alternating runs`)
console.log('| mode | median ms | commands/s | CPU µs a command (median) | runs (ms) |')
console.log('|---|---:|---:|---:|---|')
console.log(`| one command per transaction (\`execute\`) | ${median(one).toFixed(0)} | ${fmt(rateOf(one))} | ${median(oneCpu).toFixed(0)} | ${one.map((x) => x.toFixed(0)).join(', ')} |`)
console.log(`| group commit, batches of ${batch} (\`executeMany\`) | ${median(grouped).toFixed(0)} | ${fmt(rateOf(grouped))} | ${median(groupedCpu).toFixed(0)} | ${grouped.map((x) => x.toFixed(0)).join(', ')} |`)
console.log(`ratio: ${(rateOf(grouped) / rateOf(one)).toFixed(1)}× the commands/s of one at a time`)
console.log(`schema floor (the rows the ledger stored, raw driver, our schema; ${fmt(written.length)} commands stored rows, commands/s over all ${fmt(commands.length)}):`)
console.log(`| schema floor, one command per transaction (first run only) | ${median(schemaOne).toFixed(0)} | ${fmt(rateOf(schemaOne))} | ${median(schemaOneCpu).toFixed(0)} | ${schemaOne.map((x) => x.toFixed(0)).join(', ')} |`)
console.log(`| schema floor, batches of ${batch} | ${median(schemaGrouped).toFixed(0)} | ${fmt(rateOf(schemaGrouped))} | ${median(schemaGroupedCpu).toFixed(0)} | ${schemaGrouped.map((x) => x.toFixed(0)).join(', ')} |`)
console.log(
  `schema floor in batches ÷ ours one at a time: ${(rateOf(schemaGrouped) / rateOf(one)).toFixed(1)}× (the best group commit ÷ one at a time can be); ÷ schema floor one at a time: ${(rateOf(schemaGrouped) / rateOf(schemaOne)).toFixed(1)}×; ours one at a time ÷ schema floor one at a time: ${(rateOf(one) / rateOf(schemaOne)).toFixed(2)}×; group commit ÷ schema floor in batches: ${(rateOf(grouped) / rateOf(schemaGrouped)).toFixed(2)}× (what our code costs)`,
)
writeRecord(values.json, {
  phase: 'group-commit',
  label: `group commit, batches of ${batch}, against one command a commit (SQLite ${durability}), ${fmt(commands.length)} commands`,
  unit: 'commands/s',
  ours: rateOf(grouped),
  baseline: rateOf(one),
  schemaFloor: rateOf(schemaGrouped),
  schemaFloorBaseline: rateOf(schemaOne),
  events: commands.length,
  bench: 'bench:group-commit',
})
