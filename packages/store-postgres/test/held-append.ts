/**
 * An append left open: a raw client BEGINs and calls the store's own `append_events` with sealed
 * events, then waits — the situation of a writer that took its transaction id first but commits
 * last, or that dies before committing.
 */
import type pg from 'pg'
import { sealEvents, type NewEvent } from '@talent-ledger/core'

/** Starts the append of `events` to the new stream `streamId` in an open transaction on `client`; returns the backend pid. */
export const holdAppend = async (client: pg.Client, schema: string, streamId: string, events: ReadonlyArray<NewEvent>): Promise<number> => {
  const sealed = sealEvents({ streamId, version: 0, hash: '' }, events, () => 0)
  await client.query('BEGIN')
  const { rows } = await client.query<{ r_status: string }>(
    `SELECT * FROM "${schema}".append_events($1, 0, '', false, $2, $3, $4, $5, $6, $7, $8, NULL, $9)`,
    [
      streamId,
      sealed.map((e) => e.eventId), sealed.map((e) => e.type), sealed.map((e) => e.schemaVersion),
      sealed.map((e) => JSON.stringify(e.data)), sealed.map((e) => JSON.stringify(e.metadata)),
      sealed.map((e) => e.prevHash), sealed.map((e) => e.hash), '2026-01-01T08:00:00.000Z',
    ],
  )
  if (rows[0]?.r_status !== 'appended') throw new Error(`the held append was not applied: ${JSON.stringify(rows[0])}`)
  const pid = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
  return pid.rows[0]!.pid
}
