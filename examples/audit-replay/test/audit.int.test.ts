// An auditor's replay on a real SQLite file: intact, then with one stored byte changed, a stream's
// hashes recomputed, and a stream's last event cut off (which only the head check catches).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createTalentLedger, eventHash, ledgerDigest } from '@talent-ledger/core'
import { manualClock } from '@talent-ledger/store-memory'
import { createSqliteEventStore, createSqliteKeyStore } from '@talent-ledger/store-sqlite'
import { simulateCity } from '@talent-ledger/testing'
import { audit } from '../src/audit.js'

const dir = mkdtempSync(join(tmpdir(), 'audit-replay-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A ledger file with a simulated city of `talents` and one stored digest; returns the talent to replay. */
const cityFile = async (path: string, talents: number) => {
  const store = createSqliteEventStore({ path })
  const ledger = createTalentLedger({ store, keys: createSqliteKeyStore(store.database), clock: manualClock() })
  for (const c of simulateCity({ talents, seed: 11 }).commands) await ledger.execute(c)
  const digest = await store.recordLedgerDigest()
  const all = await store.readAll()
  const certified = all.find((e) => e.type === 'LevelCertified' && e.streamId.startsWith('talent-'))!
  await store.close()
  return { digest, talentId: certified.streamId.slice('talent-'.length), certifiedOn: certified.metadata.occurredOn, saved: ledgerDigest(all) }
}

type Row = { global_position: number; stream_id: string; version: number; data: string }

/** Forges the source of the first stored certificate (still a valid event, so only the hash can tell). */
const forgeCertificate = (store: ReturnType<typeof createSqliteEventStore>): Row => {
  const row = store.database.prepare("SELECT global_position, stream_id, version, data FROM events WHERE type = 'LevelCertified' LIMIT 1").get() as Row
  store.database.prepare('UPDATE events SET data = ? WHERE global_position = ?').run(row.data.replace('"source":"', '"source":"forged-'), row.global_position)
  return row
}

describe('audit replay', () => {
  it('an intact file verifies, matches its digests and replays a talent as of a date', async () => {
    const path = join(dir, 'intact.db')
    const { talentId, certifiedOn, saved } = await cityFile(path, 40)
    const report = await audit(path, { talentId, asOf: certifiedOn, saved })
    expect(report).toMatchObject({ findings: [], digestsChecked: 1, matchesSaved: true, root: saved.root })
    expect(report.talent?.certificates.length).toBeGreaterThan(0)
    expect(report.talent?.certificates.every((c) => c.on <= certifiedOn)).toBe(true)
  })

  it('one changed byte in a stored event breaks its chain, named by stream and version', async () => {
    const path = join(dir, 'tampered.db')
    const { talentId, certifiedOn, saved } = await cityFile(path, 20)
    const store = createSqliteEventStore({ path })
    const row = forgeCertificate(store)
    await store.close()
    const report = await audit(path, { talentId, asOf: certifiedOn, saved })
    expect(report.findings[0]).toEqual({ stream: row.stream_id, version: row.version, reason: 'hash does not match the event' })
    // the digests pin the stored head hashes, which the forger left alone: the chain is what catches this
    expect(report.matchesSaved).toBe(true)
  })

  it('a forger who also recomputes the stream’s hashes passes the chain check, but not the saved digest', async () => {
    const path = join(dir, 'rewritten.db')
    const { talentId, certifiedOn, saved } = await cityFile(path, 20)
    const store = createSqliteEventStore({ path })
    const row = forgeCertificate(store)
    // rechain the whole stream from the forged event on, and move its head
    const stream = await store.readStream(row.stream_id)
    let prev = stream[row.version - 2]?.hash ?? '0'.repeat(64)
    for (const e of stream.slice(row.version - 1)) {
      const hash = eventHash(prev, e)
      store.database.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE global_position = ?').run(prev, hash, e.globalPosition)
      prev = hash
    }
    store.database.prepare('UPDATE streams SET hash = ? WHERE stream_id = ?').run(prev, row.stream_id)
    await store.close()
    const report = await audit(path, { talentId, asOf: certifiedOn, saved })
    // every chain and head holds; the digest stored in the file and the one saved outside do not
    expect(report.findings).toEqual([expect.objectContaining({ stream: null, reason: expect.stringMatching(/^ledger digest at position \d+ .* does not match the log/) })])
    expect(report.matchesSaved).toBe(false)
  })

  it('a stream whose last event was cut off (in a file without its triggers) is named by its head', async () => {
    const path = join(dir, 'cut.db')
    const { talentId, certifiedOn, saved } = await cityFile(path, 20)
    const store = createSqliteEventStore({ path })
    for (const name of store.database.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[])
      store.database.exec(`DROP TRIGGER "${name}"`)
    const last = store.database.prepare("SELECT stream_id, version, event_id FROM events WHERE stream_id LIKE 'org-%' ORDER BY global_position DESC LIMIT 1").get() as Row & { event_id: string }
    store.database.prepare('DELETE FROM events WHERE stream_id = ? AND version = ?').run(last.stream_id, last.version)
    await store.close()
    const report = await audit(path, { talentId, asOf: certifiedOn, saved })
    // the remaining chain is intact: the stored head is what shows the cut
    expect(report.findings[0]).toMatchObject({ stream: last.stream_id, version: last.version, reason: expect.stringMatching(/the stream was cut short/) })
  })
})
