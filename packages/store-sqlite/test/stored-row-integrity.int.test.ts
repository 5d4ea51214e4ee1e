/**
 * The stored-row-integrity migration on a file that already holds a row it forbids: the file is
 * taken back to before it (triggers dropped, its `schema_migrations` row deleted, and the later
 * outbox-retention and outbox-shared-payloads migrations undone too), an event is moved to a negative position
 * as an older release would have let anyone with the file do, and the store is opened again. The
 * migration applies (triggers check new writes only), `verifyLedger` names the row, and the same
 * write is refused from now on. Also: the append writes the head before its events, so a new
 * stream's events find it.
 */
import { expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { verifyLedger } from '@talent-ledger/core'
import { cleanupsAfterEach, storeProbes } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore, nativeSha256Hex } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups = cleanupsAfterEach()

it('migrates a file holding a row at a negative position, which verify then names, and refuses the next one', async () => {
  const { path, cleanup } = tempStorePath()
  cleanups.push(cleanup)
  const first = createSqliteEventStore({ path })
  expect((await first.append('probe-1', storeProbes(3), 'no-stream')).ok).toBe(true)
  await first.close()
  const raw = new Database(path)
  for (const name of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]) raw.exec(`DROP TRIGGER "${name}"`)
  // and before the migrations after it (outbox-retention, outbox-shared-payloads, outbox-by-stream;
  // text-keyed-without-rowid rebuilds its tables whatever their shape), so that the file's newest migration is older
  raw.exec('DROP INDEX outbox_by_stream')
  raw.exec('DROP INDEX outbox_payload_ref; ALTER TABLE outbox DROP COLUMN payload_ref; DROP TABLE outbox_payloads')
  raw.exec('DROP INDEX outbox_compactable; ALTER TABLE outbox DROP COLUMN payload_sha256')
  raw.exec("DELETE FROM schema_migrations WHERE name IN ('stored-row-integrity', 'outbox-retention', 'outbox-shared-payloads', 'outbox-by-stream', 'text-keyed-without-rowid')")
  raw.exec("UPDATE events SET global_position = -7 WHERE stream_id = 'probe-1' AND version = 2")
  raw.close()

  const store = createSqliteEventStore({ path })
  cleanups.push(() => store.close())
  expect(store.database.prepare("SELECT count(*) FROM schema_migrations WHERE name = 'stored-row-integrity'").pluck().get()).toBe(1)
  const verified = await verifyLedger(store, { notifications: null, sha256: nativeSha256Hex })
  expect(verified.ok).toBe(false)
  if (!verified.ok) expect(verified.findings[0]).toMatchObject({ stream: 'probe-1', version: 2, reason: expect.stringMatching(/position -7, outside the log's order/) })
  expect(() => store.database.prepare("UPDATE events SET global_position = -8 WHERE stream_id = 'probe-1' AND version = 3").run()).toThrow(/greater than 0/)
  // appends go on as before, to the old stream and to a new one
  expect((await store.append('probe-1', storeProbes(1, 4), 3)).ok).toBe(true)
  expect((await store.append('probe-2', storeProbes(2, 5), 'no-stream')).ok).toBe(true)
})
