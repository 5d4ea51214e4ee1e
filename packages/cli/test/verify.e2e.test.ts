// `verify` on a real SQLite file: exit 0 and a one-line summary when intact; exit 1 naming the first
// bad stream and version after a byte of a stored event is changed, an event deleted (in the middle,
// at the end, or the whole stream) or two swapped
// (the file is edited behind the store's back with better-sqlite3, as an attacker with the file would).
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assess, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
const original = join(dir.path, 'original.db')
let copies = 0

beforeAll(() => {
  const talents = ['t-1', 't-2', 't-3'].flatMap((id) => [registerTalent(id), assess(id, `${id}-a`, 'intermediate', '2026-03-01'), assess(id, `${id}-b`, 'senior', '2026-04-01')])
  const run = runCli(['--store', `sqlite:${original}`, 'apply', '-'], { cwd: dir.path, input: jsonl(registerEmployer, ...talents) })
  expect(run.code).toBe(0)
})
afterAll(() => dir.remove())

/** A copy of the intact ledger, edited by `tamper`. */
const tampered = (tamper: (db: Database.Database) => void): string => {
  const file = join(dir.path, `copy-${++copies}.db`)
  copyFileSync(original, file)
  const db = new Database(file)
  try {
    tamper(db)
  } finally {
    db.close()
  }
  return file
}

const verify = (file: string) => {
  const run = runCli(['--store', `sqlite:${file}`, 'verify'], { cwd: dir.path })
  const out = run.json()
  expect(out).toHaveLength(1)
  return { code: run.code, result: out[0] as { ok: boolean; stream?: string | null; version?: number | null; reason?: string } }
}

type Row = { data: string; type: string; metadata: string }
const row = (db: Database.Database, stream: string, version: number): Row =>
  db.prepare('SELECT data, type, metadata FROM events WHERE stream_id = ? AND version = ?').get(stream, version) as Row
const setRow = (db: Database.Database, stream: string, version: number, r: Row): void =>
  void db.prepare('UPDATE events SET data = ?, type = ?, metadata = ? WHERE stream_id = ? AND version = ?').run(r.data, r.type, r.metadata, stream, version)

describe('talent-ledger verify', () => {
  it('exits 0 with a one-line summary on an intact ledger', () => {
    const { code, result } = verify(tampered(() => undefined))
    expect(code).toBe(0)
    // 1 organisation + 3 talents: 1 + 3 × 6 events (registered, 2 × passed and certified, entered the talent pool)
    expect(result).toMatchObject({ ok: true, streams: 4, events: 19, digestsChecked: 0, digest: { globalPosition: 19, streamCount: 4 } })
  })

  it('names the stream and version whose data lost or gained a byte', () => {
    const file = tampered((db) => {
      const r = row(db, 'talent-t-2', 3)
      setRow(db, 'talent-t-2', 3, { ...r, data: r.data.replace('2026-03-01', '2026-03-02') })
    })
    const { code, result } = verify(file)
    expect(code).toBe(1)
    expect(result).toEqual({ ok: false, stream: 'talent-t-2', version: 3, reason: 'hash does not match the event' })
  })

  it('names the stream and version of a stored event that no longer parses', () => {
    const file = tampered((db) => {
      const r = row(db, 'talent-t-3', 2)
      setRow(db, 'talent-t-3', 2, { ...r, data: r.data.slice(0, -1) })
    })
    const { code, result } = verify(file)
    expect(code).toBe(1)
    expect(result).toMatchObject({ ok: false, stream: 'talent-t-3', version: 2 })
  })

  it('names the first bad stream (in commit order) when several are altered', () => {
    const file = tampered((db) => {
      for (const stream of ['talent-t-3', 'talent-t-2']) {
        const r = row(db, stream, 4)
        setRow(db, stream, 4, { ...r, metadata: r.metadata.replace('port-co', 'port-cp') })
      }
    })
    expect(verify(file)).toEqual({ code: 1, result: { ok: false, stream: 'talent-t-2', version: 4, reason: 'hash does not match the event' } })
  })

  it('names the gap an event deleted from the middle of a stream leaves', () => {
    const file = tampered((db) => db.prepare("DELETE FROM events WHERE stream_id = 'talent-t-1' AND version = 2").run())
    expect(verify(file)).toEqual({ code: 1, result: { ok: false, stream: 'talent-t-1', version: 2, reason: 'expected version 2, found 3' } })
  })

  it('names the first of two events swapped', () => {
    const file = tampered((db) => {
      const [second, third] = [row(db, 'talent-t-2', 2), row(db, 'talent-t-2', 3)]
      setRow(db, 'talent-t-2', 2, third)
      setRow(db, 'talent-t-2', 3, second)
    })
    expect(verify(file)).toEqual({ code: 1, result: { ok: false, stream: 'talent-t-2', version: 2, reason: 'hash does not match the event' } })
  })

  it('names a stream whose last event was deleted, and the version that is missing', () => {
    const file = tampered((db) => db.prepare("DELETE FROM events WHERE stream_id = 'talent-t-3' AND version = 6").run())
    expect(verify(file)).toEqual({
      code: 1,
      result: {
        ok: false,
        stream: 'talent-t-3',
        version: 6,
        reason: 'the stored head is at version 6 but the last readable event is version 5: version 6 is missing (the stream was cut short)',
      },
    })
  })

  it('names a stream whose events were all deleted, from its stored head', () => {
    const file = tampered((db) => db.prepare("DELETE FROM events WHERE stream_id = 'talent-t-2'").run())
    const { code, result } = verify(file)
    expect(code).toBe(1)
    expect(result).toMatchObject({ ok: false, stream: 'talent-t-2', version: 1 })
    expect(result.reason).toMatch(/versions 1–6 are missing/)
  })

  it('records a ledger digest when intact, and then catches a cut whose head row was rewritten too', () => {
    const file = tampered(() => undefined)
    expect(verify(file).code).toBe(0)
    expect(verify(file).result).toMatchObject({ ok: true, digestsChecked: 1 })
    const db = new Database(file)
    db.prepare("DELETE FROM events WHERE stream_id = 'talent-t-3' AND version = 6").run()
    const fifth = db.prepare("SELECT hash FROM events WHERE stream_id = 'talent-t-3' AND version = 5").pluck().get() as string
    db.prepare("UPDATE streams SET version = 5, hash = ? WHERE stream_id = 'talent-t-3'").run(fifth)
    db.close()
    const { code, result } = verify(file)
    expect(code).toBe(1)
    expect(result.ok).toBe(false)
    expect(result.reason).toMatch(/^ledger digest at position 19 .* does not match the log/)
  })
})
