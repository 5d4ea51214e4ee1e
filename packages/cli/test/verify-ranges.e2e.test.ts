// `verify` with its per-stream pass split into ranges of streams, each in a worker thread
// (TALENT_LEDGER_VERIFY_RANGES; a large store is split by itself): on an intact file and on files
// edited behind the store's back it prints exactly what one pass prints, byte for byte, with the
// same exit code. One edit is a row whose stored text is not the canonical JSON its hash is taken
// over (keys in another order) and whose hash and head were recomputed over that text: verify
// hashes the canonical form of what the row holds, so it refuses the row; the same row with the
// hash of its canonical form is intact (which shows the forged hash is the only fault).
import { createHash } from 'node:crypto'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canonicalJson } from '@talent-ledger/core'
import { assess, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { dropSchemas, pgStoreUrl, PG_SERVER, uniqueSchemaName } from './pg-test-schemas.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
const original = join(dir.path, 'original.db')
const TALENTS = ['t-1', 't-2', 't-3', 't-4', 't-5', 't-6', 't-7', 't-8']
let copies = 0

beforeAll(() => {
  const talents = TALENTS.flatMap((id) => [registerTalent(id), assess(id, `${id}-a`, 'intermediate', '2026-03-01'), assess(id, `${id}-b`, 'senior', '2026-04-01')])
  const run = runCli(['--store', `sqlite:${original}`, 'apply', '-'], { cwd: dir.path, input: jsonl(registerEmployer, ...talents) })
  expect(run.code).toBe(0)
})
const schemas: string[] = []
afterAll(async () => {
  await dropSchemas(schemas)
  dir.remove()
})

/** A copy of the intact ledger edited by `tamper` (its triggers dropped first). */
const tampered = (tamper: (db: Database.Database) => void): string => {
  const file = join(dir.path, `copy-${++copies}.db`)
  copyFileSync(original, file)
  const db = new Database(file)
  try {
    for (const name of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]) db.exec(`DROP TRIGGER "${name}"`)
    tamper(db)
  } finally {
    db.close()
  }
  return file
}

/** `verify` on a fresh copy of `file` (an intact run records a digest) in `ranges` ranges of streams. */
const verify = (file: string, ranges: number) => {
  const copy = join(dir.path, `run-${++copies}.db`)
  copyFileSync(file, copy)
  const run = runCli(['--store', `sqlite:${copy}`, 'verify'], { cwd: dir.path, env: { TALENT_LEDGER_VERIFY_RANGES: String(ranges) } })
  return { code: run.code, stdout: run.stdout, stderr: run.stderr }
}

/** The verdict of one pass, checked to be the verdict of 3 ranges side by side (this thread's and two workers'). */
const verdict = (file: string) => {
  const one = verify(file, 1)
  expect(one.stderr).toBe('')
  expect(verify(file, 3)).toEqual(one)
  return { code: one.code, result: JSON.parse(one.stdout) as { ok: boolean; stream?: string | null; version?: number | null; reason?: string } }
}

type Row = { event_id: string; stream_id: string; version: number; type: string; schema_version: number; data: string; metadata: string; prev_hash: string }
const rowOf = (db: Database.Database, stream: string, version: number): Row =>
  db.prepare('SELECT event_id, stream_id, version, type, schema_version, data, metadata, prev_hash FROM events WHERE stream_id = ? AND version = ?').get(stream, version) as Row

/** SHA-256 of prevHash ‖ the envelope's text with `dataText` written as the row's data, as docs/hash-chain.md states it. */
const hashOver = (r: Row, dataText: string): string =>
  createHash('sha256')
    .update(
      `${r.prev_hash}{"data":${dataText},"eventId":${JSON.stringify(r.event_id)},"metadata":${canonicalJson(JSON.parse(r.metadata))},"schemaVersion":${r.schema_version},"streamId":${JSON.stringify(r.stream_id)},"type":${JSON.stringify(r.type)},"version":${r.version}}`,
    )
    .digest('hex')

/** The last event of `stream` stored with `dataText` as its data, its hash (and its head's) taken over `hashedText`. */
const rewriteLast = (db: Database.Database, stream: string, dataText: (r: Row) => string, hashedText: (r: Row, text: string) => string): void => {
  const last = db.prepare('SELECT MAX(version) FROM events WHERE stream_id = ?').pluck().get(stream) as number
  const r = rowOf(db, stream, last)
  const text = dataText(r)
  const hash = hashOver(r, hashedText(r, text))
  db.prepare('UPDATE events SET data = ?, hash = ? WHERE stream_id = ? AND version = ?').run(text, hash, stream, last)
  db.prepare('UPDATE streams SET hash = ? WHERE stream_id = ?').run(hash, stream)
}

/** The row's data with its keys in reverse order: the same value, not its canonical text. */
const reordered = (r: Row): string => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(r.data) as object).reverse()))

describe('talent-ledger verify in ranges of streams', () => {
  it('prints what one pass prints on an intact file', { timeout: 180_000 }, () => {
    const { code, result } = verdict(tampered(() => undefined))
    expect(code).toBe(0)
    expect(result).toMatchObject({ ok: true, streams: TALENTS.length + 1, events: 1 + TALENTS.length * 6 })
  })

  it('refuses a row whose stored text is not canonical and whose hash was taken over that text', { timeout: 180_000 }, () => {
    const file = tampered((db) => rewriteLast(db, 'talent-t-5', reordered, (_r, text) => text))
    const row = new Database(file, { readonly: true }).prepare("SELECT data FROM events WHERE stream_id = 'talent-t-5' ORDER BY version DESC").pluck().get() as string
    expect(row).not.toBe(canonicalJson(JSON.parse(row)))
    expect(verdict(file)).toEqual({ code: 1, result: { ok: false, stream: 'talent-t-5', version: 6, reason: 'hash does not match the event' } })
    // the same text with the hash of its canonical form is intact: only the hash over the stored text is at fault
    const control = tampered((db) => rewriteLast(db, 'talent-t-5', reordered, (r) => canonicalJson(JSON.parse(r.data))))
    expect(verdict(control)).toMatchObject({ code: 0, result: { ok: true } })
  })

  // each case runs the CLI twice: on a loaded machine a run takes seconds
  const SLOW = 180_000

  it('names what one pass names: a changed event, a cut stream', () => {
    const changed = tampered((db) => db.prepare("UPDATE events SET data = replace(data, '2026-04-01', '2026-04-02') WHERE stream_id = 'talent-t-6' AND version = 5").run())
    expect(verdict(changed)).toEqual({ code: 1, result: { ok: false, stream: 'talent-t-6', version: 5, reason: 'hash does not match the event' } })
    const cut = tampered((db) => db.prepare("DELETE FROM events WHERE stream_id = 'talent-t-8' AND version = 6").run())
    expect(verdict(cut)).toMatchObject({ code: 1, result: { ok: false, stream: 'talent-t-8', version: 6 } })
  }, SLOW)

  it('names what one pass names: a head without events, inside a range', () => {
    const ghost = tampered((db) => db.prepare('INSERT INTO streams (stream_id, version, hash) VALUES (?, ?, ?)').run('talent-t-4~ghost', 2, 'a'.repeat(64)))
    expect(verdict(ghost)).toMatchObject({ code: 1, result: { ok: false, stream: 'talent-t-4~ghost', version: 1 } })
  }, SLOW)

  it('names what one pass names: an outbox row changed, one with no event behind it', () => {
    const redirected = tampered((db) => db.prepare("UPDATE outbox SET recipient = 'employer:other-co' WHERE id = (SELECT id FROM outbox WHERE stream_id = 'talent-t-7' ORDER BY seq LIMIT 1)").run())
    expect(verdict(redirected)).toMatchObject({ code: 1, result: { ok: false, stream: 'talent-t-7', reason: expect.stringMatching(/differs from what version \d+ implies \(recipient\)$/) } })
    const stray = tampered((db) =>
      db
        .prepare("INSERT INTO outbox (id, event_id, stream_id, channel, recipient, template, locale, payload, created_at) SELECT id || ':forged', event_id, 'talent-t-3~stray', channel, recipient, template, locale, '{}', created_at FROM outbox WHERE stream_id = 'talent-t-3' LIMIT 1")
        .run(),
    )
    expect(verdict(stray)).toMatchObject({ code: 1, result: { ok: false, stream: 'talent-t-3~stray', version: null, reason: expect.stringMatching(/has no event behind it/) } })
  }, SLOW)
})

describe('talent-ledger verify in ranges of streams on PostgreSQL', () => {
  it('prints what one pass prints: intact, then a changed event, then an outbox row changed', { timeout: 300_000 }, async () => {
    const schema = uniqueSchemaName('tl_cli_verify_ranges')
    schemas.push(schema)
    const store = pgStoreUrl(schema)
    const talents = TALENTS.flatMap((id) => [registerTalent(id), assess(id, `${id}-a`, 'intermediate', '2026-03-01'), assess(id, `${id}-b`, 'senior', '2026-04-01')])
    expect(runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: jsonl(registerEmployer, ...talents) }).code).toBe(0)
    const run = (ranges: number) => {
      const r = runCli(['--store', store, 'verify'], { cwd: dir.path, env: { TALENT_LEDGER_VERIFY_RANGES: String(ranges) } })
      return { code: r.code, result: JSON.parse(r.stdout) as Record<string, unknown> }
    }
    // intact: each run records a digest, which the next checks
    expect(run(3)).toMatchObject({ code: 0, result: { ok: true, streams: TALENTS.length + 1, events: 1 + TALENTS.length * 6, digestsChecked: 0 } })
    expect(run(1)).toMatchObject({ code: 0, result: { ok: true, digestsChecked: 1 } })
    const client = new pg.Client({ connectionString: PG_SERVER })
    await client.connect()
    try {
      const where = `WHERE stream_id = 'talent-t-6' AND version = 5`
      const [{ data }] = (await client.query(`SELECT data::text AS data FROM "${schema}".events ${where}`)).rows as [{ data: string }]
      await client.query(`UPDATE "${schema}".events SET data = jsonb_set(data, '{forged}', 'true') ${where}`)
      const changed = run(1)
      expect(changed).toEqual({ code: 1, result: { ok: false, stream: 'talent-t-6', version: 5, reason: 'hash does not match the event' } })
      expect(run(3)).toEqual(changed)
      await client.query(`UPDATE "${schema}".events SET data = $1::jsonb ${where}`, [data])
      await client.query(`UPDATE "${schema}".outbox SET recipient = 'employer:other-co' WHERE id = (SELECT id FROM "${schema}".outbox WHERE stream_id = 'talent-t-7' ORDER BY seq LIMIT 1)`)
      const redirected = run(1)
      expect(redirected).toMatchObject({ code: 1, result: { ok: false, stream: 'talent-t-7', reason: expect.stringMatching(/\(recipient\)$/) } })
      expect(run(3)).toEqual(redirected)
    } finally {
      await client.end()
    }
  })
})
