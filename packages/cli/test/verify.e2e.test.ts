// `verify` on a real SQLite file: exit 0 and a one-line summary when intact; exit 1 naming the first
// bad stream and version after a byte of a stored event is changed, an event deleted (in the middle,
// at the end, or the whole stream) or two swapped, a stream forged at position 0 and below, an event
// moved to a negative position, an outbox row altered, deleted or added
// (the file is edited behind the store's back with better-sqlite3, as an attacker with the file would).
// The file's triggers (the stored-row-integrity migration) refuse rows outside the log's order, events without a head and
// deletions; the edits they refuse are made on copies without them, as in a file older than them.
import { randomUUID } from 'node:crypto'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sealEvents, type NewEvent } from '@talent-ledger/core'
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

/** Drops the stored-row-integrity triggers: a file written before them, or by someone who dropped them. */
const dropTriggers = (db: Database.Database): void => {
  for (const name of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]) db.exec(`DROP TRIGGER "${name}"`)
}

/** A copy of the intact ledger, edited by `tamper` (`bare`: after its triggers are dropped). */
const tampered = (tamper: (db: Database.Database) => void, bare = false): string => {
  const file = join(dir.path, `copy-${++copies}.db`)
  copyFileSync(original, file)
  const db = new Database(file)
  try {
    if (bare) dropTriggers(db)
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
    const file = tampered((db) => db.prepare("DELETE FROM events WHERE stream_id = 'talent-t-1' AND version = 2").run(), true)
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
    const file = tampered((db) => db.prepare("DELETE FROM events WHERE stream_id = 'talent-t-3' AND version = 6").run(), true)
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
    const file = tampered((db) => db.prepare("DELETE FROM events WHERE stream_id = 'talent-t-2'").run(), true)
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
    dropTriggers(db)
    // the notices of the cut event go too, or verify names them first (an outbox row with no event behind it)
    db.prepare("DELETE FROM outbox WHERE event_id IN (SELECT event_id FROM events WHERE stream_id = 'talent-t-3' AND version = 6)").run()
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

type EventRow = { global_position: number; stream_id: string; version: number; event_id: string; type: string; schema_version: number; data: string; metadata: string; prev_hash: string; hash: string }
const INSERT_EVENT = 'INSERT INTO events (global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash) VALUES (@global_position, @stream_id, @version, @event_id, @type, @schema_version, @data, @metadata, @prev_hash, @hash)'

/** A copy of `from`'s events as stream `to` with new ids, sealed with valid hashes at `positions`. */
const forgedStream = (db: Database.Database, from: string, to: string, positions: ReadonlyArray<number>): EventRow[] => {
  const rows = db.prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY version').all(from) as EventRow[]
  const events = rows.slice(0, positions.length).map((r) => ({
    eventId: randomUUID(),
    type: r.type,
    schemaVersion: r.schema_version,
    data: JSON.parse(r.data) as unknown,
    metadata: JSON.parse(r.metadata) as NewEvent['metadata'],
  }))
  return sealEvents({ streamId: to, version: 0, hash: '' }, events, (i) => positions[i]!).map((e) => ({
    global_position: e.globalPosition, stream_id: e.streamId, version: e.version, event_id: e.eventId, type: e.type, schema_version: e.schemaVersion,
    data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata), prev_hash: e.prevHash, hash: e.hash,
  }))
}

/** Writes a forged stream and its head straight into the file. */
const writeStream = (db: Database.Database, rows: ReadonlyArray<EventRow>): void => {
  const last = rows[rows.length - 1]!
  db.prepare('INSERT INTO streams (stream_id, version, hash) VALUES (?, ?, ?)').run(last.stream_id, last.version, last.hash)
  for (const r of rows) db.prepare(INSERT_EVENT).run(r)
}

describe('talent-ledger verify: every stored row', () => {
  it('the file refuses a row at position 0 or below, an event moved there, an event without a head, and deletions', () => {
    tampered((db) => {
      expect(() => writeStream(db, forgedStream(db, 'talent-t-1', 'talent-forged', [0, -1]))).toThrow(/global_position must be greater than 0/)
      expect(() => db.prepare("UPDATE events SET global_position = -1 WHERE stream_id = 'talent-t-2' AND version = 3").run()).toThrow(/global_position must be greater than 0/)
      const [headless] = forgedStream(db, 'talent-t-1', 'talent-headless', [1000])
      expect(() => db.prepare(INSERT_EVENT).run(headless)).toThrow(/needs its stream head/)
      expect(() => db.prepare("DELETE FROM events WHERE stream_id = 'talent-t-1' AND version = 6").run()).toThrow(/never deleted/)
      expect(() => db.prepare("DELETE FROM streams WHERE stream_id = 'talent-t-1'").run()).toThrow(/never deleted/)
      expect(() => db.prepare("UPDATE streams SET version = 5 WHERE stream_id = 'talent-t-1'").run()).toThrow(/never moves back/)
    })
  })

  it('names a whole forged stream with valid hashes at positions 0 and -1 (a file without the triggers), which show would fold', () => {
    const file = tampered((db) => writeStream(db, forgedStream(db, 'talent-t-1', 'talent-forged', [0, -1, -2])), true)
    const { code, result } = verify(file)
    expect(code).toBe(1)
    expect(result).toMatchObject({ ok: false, stream: 'talent-forged', version: 1 })
    expect(result.reason).toMatch(/position 0, outside the log's order/)
    // what verify guards: show reads by stream, so it folds the forged certificates that export and report never see
    const shown = runCli(['--store', `sqlite:${file}`, 'show', 'forged'], { cwd: dir.path })
    expect(shown.code).toBe(0)
    expect((shown.json()[0] as { certificates: unknown[] }).certificates).toHaveLength(1)
  })

  it('names an event moved to a negative position (a file without the triggers)', () => {
    const file = tampered((db) => db.prepare("UPDATE events SET global_position = -1 WHERE stream_id = 'talent-t-2' AND version = 3").run(), true)
    expect(verify(file)).toEqual({
      code: 1,
      result: { ok: false, stream: 'talent-t-2', version: 3, reason: "version 3 is stored at position -1, outside the log's order (positions start at 1): show reads it, export, report and the ledger digests do not" },
    })
  })

  it('names an event stored without a head, and a head stored without events (a file without the triggers)', () => {
    const headless = tampered((db) => db.prepare(INSERT_EVENT).run(forgedStream(db, 'org-port-co', 'org-headless', [1000])[0]), true)
    expect(verify(headless)).toEqual({ code: 1, result: { ok: false, stream: 'org-headless', version: 1, reason: 'the stream has events up to version 1 but no stored head' } })
    const eventless = tampered((db) => db.prepare('INSERT INTO streams (stream_id, version, hash) VALUES (?, ?, ?)').run('talent-ghost', 2, 'a'.repeat(64)))
    expect(verify(eventless)).toEqual({
      code: 1,
      result: { ok: false, stream: 'talent-ghost', version: 1, reason: 'the stored head is at version 2 but the last readable event is version 0: versions 1–2 are missing (the stream was cut short)' },
    })
  })

  it('names an outbox row whose recipient or content was changed, one deleted, and one added with no event behind it', () => {
    // the payload the row reads: its own, or the one it shares with the other rows of its append (outbox_payloads)
    const firstRow = (db: Database.Database) =>
      db
        .prepare(
          "SELECT o.id, o.event_id, o.stream_id, CASE WHEN o.payload = '' THEN p.payload ELSE o.payload END AS payload FROM outbox o LEFT JOIN outbox_payloads p ON p.id = o.payload_ref WHERE o.stream_id = 'talent-t-2' ORDER BY o.seq LIMIT 1",
        )
        .get() as { id: string; event_id: string; stream_id: string; payload: string }
    let id = ''
    const redirected = tampered((db) => {
      id = firstRow(db).id
      db.prepare('UPDATE outbox SET recipient = ? WHERE id = ?').run('employer:other-co', id)
    })
    expect(verify(redirected)).toMatchObject({ code: 1, result: { ok: false, stream: 'talent-t-2' } })
    expect(verify(redirected).result.reason).toBe(`the outbox row ${id} differs from what version ${verify(redirected).result.version} implies (recipient)`)
    const rewritten = tampered((db) => {
      const row = firstRow(db)
      id = row.id
      db.prepare('UPDATE outbox SET payload = ? WHERE id = ?').run(JSON.stringify({ ...(JSON.parse(row.payload) as object), level: 'chief-technician' }), id)
    })
    expect(verify(rewritten).result.reason).toMatch(new RegExp(`^the outbox row ${id} differs .*\\(payload\\)$`))
    const deleted = tampered((db) => {
      id = firstRow(db).id
      db.prepare('DELETE FROM outbox WHERE id = ?').run(id)
    })
    expect(verify(deleted)).toMatchObject({ code: 1, result: { ok: false, stream: 'talent-t-2', reason: `the outbox row ${id} that version ${verify(deleted).result.version} implies is missing` } })
    const added = tampered((db) => {
      const row = firstRow(db)
      id = `${row.event_id}:webhook:employer:forged-co`
      db.prepare("INSERT INTO outbox (id, event_id, stream_id, channel, recipient, template, locale, payload, created_at) SELECT ?, event_id, stream_id, channel, 'employer:forged-co', template, locale, ?, created_at FROM outbox WHERE id = ?").run(id, row.payload, row.id)
    })
    const found = verify(added)
    expect(found.code).toBe(1)
    expect(found.result).toMatchObject({ stream: 'talent-t-2', version: null })
    expect(found.result.reason).toMatch(new RegExp(`^the outbox row ${id} has no event behind it`))
  })
})
