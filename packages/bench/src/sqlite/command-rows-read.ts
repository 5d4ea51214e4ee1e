/**
 * Reads back the rows a ledger wrote to its SQLite file (untimed), grouped by command
 * (command-rows.ts), for the schema floor to write again. Read before retention runs: the outbox
 * rows are as the append wrote them (pending, payloads in place).
 */
import type Database from 'better-sqlite3'
import { commandRowsOf, type CommandRows, type StoredEvent, type StoredOutbox } from './command-rows.js'

/** The columns the store's append inserts, in its order. */
export const EVENT_COLUMNS = 'global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash'
/** The outbox columns the store's append inserts, with the row's seq first (so the rows are the same rows). */
export const OUTBOX_COLUMNS = 'seq, id, event_id, stream_id, channel, recipient, template, locale, payload, payload_ref, created_at'

/** The commands whose events lie in positions (`after`, `upTo`] of the file `db`. */
export const readCommandRows = (db: Database.Database, after = 0, upTo = Number.MAX_SAFE_INTEGER): CommandRows[] => {
  const raw = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? AND global_position <= ? ORDER BY global_position`).raw().all(after, upTo) as Array<Array<number | string>>
  const events: StoredEvent[] = raw.map((values) => {
    const [, streamId, version, eventId, type, , data, metadata, , hash] = values as [number, string, number, string, string, number, string, string, string, string]
    const talentId = type === 'TalentRegistered' || type === 'TalentForgotten' ? (JSON.parse(data) as { talentId?: string }).talentId : undefined
    const { correlationId } = JSON.parse(metadata) as { correlationId: string }
    return { values, streamId, version, eventId, hash, type, correlationId, ...(talentId === undefined ? {} : { talentId }) }
  })
  const outbox: StoredOutbox[] = (db.prepare(`SELECT ${OUTBOX_COLUMNS} FROM outbox ORDER BY seq`).raw().all() as Array<Array<number | string | null>>).map((values) => ({
    values,
    eventId: values[2] as string,
    payloadRef: values[9] as number | null,
  }))
  const payloads = new Map((db.prepare('SELECT id, payload FROM outbox_payloads').raw().all() as Array<[number, string]>).map(([id, p]) => [id, p]))
  const keys = new Map((db.prepare('SELECT subject_id, key FROM keys').raw().all() as Array<[string, Buffer]>).map(([s, k]) => [s, new Uint8Array(k)]))
  return commandRowsOf(events, outbox, payloads, keys)
}

/** How many rows of each kind `commands` hold: what the bench prints beside the schema floor. */
export const rowCounts = (commands: ReadonlyArray<CommandRows>): { events: number; heads: number; outbox: number; payloads: number; keys: number } => {
  const n = { events: 0, heads: 0, outbox: 0, payloads: 0, keys: 0 }
  for (const c of commands) {
    n.keys += c.keys.length
    for (const a of c.appends) {
      n.heads++
      n.events += a.events.length
      for (const w of a.outbox) if ('outbox' in w) n.outbox++
      else n.payloads++
    }
  }
  return n
}
