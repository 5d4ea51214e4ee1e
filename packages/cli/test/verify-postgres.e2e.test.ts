// `verify` through the CLI on PostgreSQL, on schemas edited behind the store's back with a raw
// client: the stored-row-integrity migration's constraints refuse rows outside the log's order, events without a head and
// deletions; on a schema without them (older than that migration) verify names an event moved to a
// negative position, which export no longer shows. Outbox rows altered, deleted or added are named
// either way. Each case has a schema of its own on the server at 127.0.0.1:5432, dropped afterwards;
// an unreachable server fails the test (never a skip).
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { sealEvents, type NewEvent } from '@talent-ledger/core'
import { assess, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'
import { PG_SERVER as SERVER, dropSchemas } from './pg-test-schemas.js'

const prefix = `tl_cli_verify_${Math.random().toString(36).slice(2, 10)}`
const schemas: string[] = []
const dir = tempDir()
const cli = (...args: string[]) => runCli(args, { cwd: dir.path })

afterAll(async () => {
  await dropSchemas(schemas)
  dir.remove()
})

/** A new schema holding three talents applied through the CLI, and a raw client on the server. */
const ledger = async () => {
  const schema = `${prefix}_${schemas.length}`
  schemas.push(schema)
  const store = `${SERVER}?schema=${schema}`
  const talents = ['t-1', 't-2', 't-3'].flatMap((id) => [registerTalent(id), assess(id, `${id}-a`, 'intermediate', '2026-03-01'), assess(id, `${id}-b`, 'senior', '2026-04-01')])
  expect(runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: jsonl(registerEmployer, ...talents) }).code).toBe(0)
  const client = new pg.Client({ connectionString: SERVER })
  await client.connect()
  const sql = async (text: string, values: unknown[] = []) => (await client.query(text.replaceAll('$S', `"${schema}"`), values)).rows as Record<string, unknown>[]
  return { store, sql, end: () => client.end() }
}

const verify = (store: string) => {
  const run = cli('--store', store, 'verify')
  return { code: run.code, result: run.json()[0] as { ok: boolean; stream?: string | null; version?: number | null; reason?: string } }
}

describe('talent-ledger verify on PostgreSQL: every stored row', () => {
  it('refuses rows outside the log order, events without a head and deletions; names an event moved below 0 once they are gone', async () => {
    const { store, sql, end } = await ledger()
    try {
      expect(verify(store)).toMatchObject({ code: 0, result: { ok: true, streams: 4, events: 19 } })
      await expect(sql("UPDATE $S.events SET global_position = -1 WHERE stream_id = 'talent-t-2' AND version = 3")).rejects.toThrow(/events_position_positive/)
      await expect(
        sql("INSERT INTO $S.events SELECT 0, 'talent-forged', version, event_id || '-forged', type, schema_version, data, metadata, prev_hash, hash FROM $S.events WHERE stream_id = 'talent-t-1' AND version = 1"),
      ).rejects.toThrow(/events_position_positive/)
      await expect(
        sql("INSERT INTO $S.events SELECT 1, 'talent-forged', version, event_id || '-forged', type, schema_version, data, metadata, prev_hash, hash FROM $S.events WHERE stream_id = 'talent-t-1' AND version = 1"),
      ).rejects.toThrow(/events_stream_head/)
      await expect(sql("DELETE FROM $S.events WHERE stream_id = 'talent-t-1' AND version = 6")).rejects.toThrow(/never deleted/)
      await expect(sql("DELETE FROM $S.streams WHERE stream_id = 'talent-t-1'")).rejects.toThrow(/events_stream_head/)
      expect(verify(store).code).toBe(0)
      // a schema from before that migration: the event moves, export loses it, verify names it
      await sql('ALTER TABLE $S.events DROP CONSTRAINT events_position_positive')
      await sql("UPDATE $S.events SET global_position = -1 WHERE stream_id = 'talent-t-2' AND version = 3")
      const exported = cli('--store', store, 'export')
      expect(exported.stdout.split('\n').filter((l) => l !== '')).toHaveLength(18)
      expect(verify(store)).toEqual({
        code: 1,
        result: { ok: false, stream: 'talent-t-2', version: 3, reason: "version 3 is stored at position -1, outside the log's order (positions start at 1): show reads it, export, report and the ledger digests do not" },
      })
    } finally {
      await end()
    }
  })

  it('names a whole forged stream with valid hashes at positions 0 and -1 in a schema without the constraints, which show would fold', async () => {
    const { store, sql, end } = await ledger()
    try {
      const source = (await sql("SELECT type, schema_version, data::text AS data, metadata::text AS metadata FROM $S.events WHERE stream_id = 'talent-t-1' AND version <= 3 ORDER BY version")) as {
        type: string
        schema_version: number
        data: string
        metadata: string
      }[]
      const events: NewEvent[] = source.map((r) => ({ eventId: randomUUID(), type: r.type, schemaVersion: r.schema_version, data: JSON.parse(r.data) as unknown, metadata: JSON.parse(r.metadata) as NewEvent['metadata'] }))
      const forged = sealEvents({ streamId: 'talent-forged', version: 0, hash: '' }, events, (i) => -i)
      const insert = async () => {
        await sql('BEGIN')
        await sql('INSERT INTO $S.streams (stream_id, version, hash) VALUES ($1, $2, $3)', ['talent-forged', forged.length, forged[forged.length - 1]!.hash])
        for (const e of forged)
          await sql('INSERT INTO $S.events (global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
            e.globalPosition, e.streamId, e.version, e.eventId, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), e.prevHash, e.hash,
          ])
        await sql('COMMIT')
      }
      await expect(insert()).rejects.toThrow(/events_position_positive/)
      await sql('ROLLBACK')
      await sql('ALTER TABLE $S.events DROP CONSTRAINT events_position_positive')
      await insert()
      expect(cli('--store', store, 'show', 'forged').json()[0]).toMatchObject({ certificates: [expect.objectContaining({ level: 'intermediate' })] })
      const { code, result } = verify(store)
      expect(code).toBe(1)
      expect(result).toMatchObject({ ok: false, stream: 'talent-forged', version: 1 })
      expect(result.reason).toMatch(/position 0, outside the log's order/)
    } finally {
      await end()
    }
  })

  it('names an outbox row whose recipient was changed, one deleted, and one added with no event behind it', async () => {
    for (const edit of ['recipient', 'delete', 'add'] as const) {
      const { store, sql, end } = await ledger()
      try {
        const [row] = (await sql("SELECT id, event_id FROM $S.outbox WHERE stream_id = 'talent-t-3' ORDER BY seq LIMIT 1")) as { id: string; event_id: string }[]
        const id = edit === 'add' ? `${row!.event_id}:webhook:employer:forged-co` : row!.id
        if (edit === 'recipient') await sql("UPDATE $S.outbox SET recipient = 'employer:other-co' WHERE id = $1", [id])
        if (edit === 'delete') await sql('DELETE FROM $S.outbox WHERE id = $1', [id])
        if (edit === 'add')
          await sql(
            // with the payload the row reads: its own, or the one it shares with the other rows of its append
            "INSERT INTO $S.outbox (id, event_id, stream_id, channel, recipient, template, locale, payload, created_at) SELECT $1, event_id, stream_id, channel, 'employer:forged-co', template, locale, COALESCE(o.payload, (SELECT p.payload FROM $S.outbox_payloads p WHERE p.id = o.payload_ref)), created_at FROM $S.outbox o WHERE id = $2",
            [id, row!.id],
          )
        const { code, result } = verify(store)
        expect(code, edit).toBe(1)
        expect(result).toMatchObject({ ok: false, stream: 'talent-t-3' })
        expect(result.reason, edit).toMatch(new RegExp(`^the outbox row ${id} ${{ recipient: 'differs .*\\(recipient\\)$', delete: 'that version \\d+ implies is missing$', add: 'has no event behind it' }[edit]}`))
      } finally {
        await end()
      }
    }
  })
})
