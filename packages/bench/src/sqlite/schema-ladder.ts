/**
 * The schema floor's ladder (`bench:command-path -- --ladder`): the same rows, one FULL commit per
 * command, on scratch files whose schema loses one more b-tree (or the integrity triggers) each
 * rung, then one more kind of row, down to the events table alone — what each index and table of
 * our schema costs a command. Only the scratch file changes; the store's schema is untouched.
 * Rungs are cumulative and the rounds interleave them, so load hits every rung alike.
 */
import { median } from '../measure.js'
import { fmt } from '../shared/report.js'
import type { CommandRows } from './command-rows.js'
import { runSchemaFloor, type RowKind } from './schema-floor.js'

interface Rung {
  readonly name: string
  readonly alter?: string
  readonly skip?: RowKind
}

const EVENTS = `global_position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, version INTEGER NOT NULL, event_id TEXT NOT NULL,
  type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL`

/** Each rung drops one more thing than the one before it. */
export const RUNGS: ReadonlyArray<Rung> = [
  { name: 'our schema (the schema floor)' },
  {
    name: '− the 7 row-integrity triggers (migration 5)',
    alter: ['events_position_positive', 'events_position_positive_on_update', 'events_need_head', 'events_need_head_on_update', 'events_never_deleted', 'streams_never_back', 'streams_kept_with_events']
      .map((t) => `DROP TRIGGER ${t};`)
      .join(' '),
  },
  { name: '− index outbox_by_stream', alter: 'DROP INDEX outbox_by_stream;' },
  { name: '− index outbox_pending', alter: 'DROP INDEX outbox_pending;' },
  { name: '− index outbox_payload_ref (partial)', alter: 'DROP INDEX outbox_payload_ref;' },
  {
    name: '− outbox.id unique (and the unwritten outbox_compactable)',
    alter: `DROP TABLE outbox; CREATE TABLE outbox (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, event_id TEXT NOT NULL, stream_id TEXT NOT NULL,
      channel TEXT NOT NULL, recipient TEXT NOT NULL, template TEXT NOT NULL, locale TEXT NOT NULL, payload TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT, lease_until TEXT, last_error TEXT,
      created_at TEXT NOT NULL, delivered_at TEXT, payload_sha256 TEXT, payload_ref INTEGER);`,
  },
  { name: '− events.event_id unique', alter: `DROP TABLE events; CREATE TABLE events (${EVENTS}, UNIQUE (stream_id, version));` },
  { name: '− events (stream_id, version) unique', alter: `DROP TABLE events; CREATE TABLE events (${EVENTS});` },
  { name: "− keys' subject_id primary-key index", alter: 'DROP TABLE keys; CREATE TABLE keys (subject_id TEXT NOT NULL, key BLOB NOT NULL);' },
  { name: '− key rows', skip: 'keys' },
  { name: '− outbox and shared-payload rows', skip: 'outbox' },
  { name: '− stream head rows (events table alone)', skip: 'heads' },
]

/** Runs every rung `rounds` times, interleaved, and prints one table row per rung. */
export const runLadder = async (commands: ReadonlyArray<CommandRows>, rounds: number): Promise<void> => {
  const transactions = commands.map((c) => [c])
  const runs = RUNGS.map(() => [] as Array<{ ms: number; cpuMs: number }>)
  const frames: number[] = []
  const schemaOf = (i: number): { alter: string; skip: Set<RowKind> } => {
    const upTo = RUNGS.slice(0, i + 1)
    return { alter: upTo.map((x) => x.alter ?? '').join('\n'), skip: new Set(upTo.flatMap((x) => (x.skip === undefined ? [] : [x.skip]))) }
  }
  // pages a commit writes to the WAL: the same on any load (a pass of its own, checkpoints off)
  for (const [i] of RUNGS.entries()) frames.push((await runSchemaFloor(transactions, { durability: 'FULL', ...schemaOf(i), countFrames: true })).framesPerCommit ?? 0)
  for (let r = 0; r < rounds; r++) for (const [i] of RUNGS.entries()) runs[i]!.push(await runSchemaFloor(transactions, { durability: 'FULL', ...schemaOf(i) }))
  console.log(`\nschema floor ladder: ${fmt(commands.length)} commands, one FULL commit each, ${rounds} interleaved rounds (each rung drops what the rows above it dropped, and one thing more)`)
  console.log('| rung | WAL pages a commit | median µs a commit (wall) | median CPU µs a commit | wall change against the rung above | runs (ms) |\n|---|---:|---:|---:|---:|---|')
  let above: number | undefined
  for (const [i, rung] of RUNGS.entries()) {
    const wall = (median(runs[i]!.map((x) => x.ms)) * 1000) / commands.length
    const cpu = (median(runs[i]!.map((x) => x.cpuMs)) * 1000) / commands.length
    console.log(`| ${rung.name} | ${frames[i]!.toFixed(2)} | ${fmt(wall)} | ${fmt(cpu)} | ${above === undefined ? '—' : `${wall - above >= 0 ? '+' : ''}${fmt(wall - above)} µs`} | ${runs[i]!.map((x) => fmt(x.ms)).join(', ')} |`)
    above = wall
  }
}
