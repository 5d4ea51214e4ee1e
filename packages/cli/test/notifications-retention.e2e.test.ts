// `notifications --compact-delivered AGE`, the outbox's retention rule, run by the binary on a SQLite
// file: notices delivered more than AGE ago keep their columns and the hash of their payload, the
// others are untouched; a second run finds nothing to do; `verify` still proves every row; the
// listing shows compacted rows with an empty payload and their hash, its counts unchanged. A hash
// forged behind the store's back (the file's triggers dropped, as someone with the file could) is
// reported by `verify`. Rows are delivered through the store's outbox port, as a relay would.
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { payloadSha256Of, type OutboxRecord } from '@talent-ledger/core'
import { createSqliteEventStore } from '@talent-ledger/store-sqlite'
import { assess, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
const path = join(dir.path, 'retention.db')
const cli = (file: string, ...args: string[]) => runCli(['--store', `sqlite:${file}`, ...args], { cwd: dir.path })
const LONG_AGO = '2026-01-01T09:00:00.000Z'

/** The rows as written, payloads and all, before retention ran. */
let written: ReadonlyArray<OutboxRecord> = []

beforeAll(async () => {
  const input = jsonl(registerEmployer, registerTalent('t-1'), assess('t-1', 'a-1', 'intermediate', '2026-03-01'), assess('t-1', 'a-2', 'senior', '2026-04-01'))
  expect(runCli(['--store', `sqlite:${path}`, 'apply', '-'], { cwd: dir.path, input }).code).toBe(0)
  const store = createSqliteEventStore({ path })
  written = await store.outbox.list()
  // two delivered long ago, one just now (younger than any AGE below), one parked long ago
  await store.outbox.markDelivered(written[0]!.id, LONG_AGO)
  await store.outbox.markDelivered(written[1]!.id, LONG_AGO)
  await store.outbox.markDelivered(written[2]!.id, new Date().toISOString())
  await store.outbox.park(written[3]!.id, 'HTTP 410: gone', LONG_AGO)
  await store.close()
})
afterAll(() => dir.remove())

interface Listing {
  readonly summary: { readonly total: number; readonly counts: Record<string, number> }
  readonly notices: ReadonlyArray<{ readonly id: string; readonly status: string; readonly payload: Record<string, unknown>; readonly payloadSha256?: string }>
}

describe('talent-ledger notifications --compact-delivered', () => {
  it('refuses an age it cannot read, and listing options beside it, with exit 2', () => {
    for (const args of [['--compact-delivered', '30'], ['--compact-delivered', '-1d'], ['--compact-delivered', '30d', '--json'], ['--compact-delivered', '30d', '--status', 'delivered']]) {
      const run = cli(path, 'notifications', ...args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
    }
  })

  it('compacts the notices delivered before the age, once; verify still proves every row', () => {
    const before = cli(path, 'notifications', '--json').json()[0] as Listing
    const run = cli(path, 'notifications', '--compact-delivered', '30d')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const [result] = run.json() as [{ compacted: number; before: string }]
    expect(result.compacted).toBe(2)
    expect(Date.parse(result.before)).toBeLessThan(Date.now() - 29 * 86_400_000)
    expect((cli(path, 'notifications', '--compact-delivered', '30d').json()[0] as { compacted: number }).compacted).toBe(0)

    const after = cli(path, 'notifications', '--json').json()[0] as Listing
    // the counts are unchanged (the age of the oldest pending notice alone moves with the clock)
    expect({ total: after.summary.total, counts: after.summary.counts }).toEqual({ total: before.summary.total, counts: before.summary.counts })
    expect(after.notices.map((n) => n.id)).toEqual(written.map((r) => r.id))
    for (const [i, n] of after.notices.entries()) {
      if (i < 2) {
        expect(n.payload).toEqual({})
        expect(n.payloadSha256).toBe(payloadSha256Of(written[i]!.payload))
      } else {
        expect(n).not.toHaveProperty('payloadSha256')
        expect(n.payload).toEqual(before.notices[i]!.payload)
      }
    }
    const text = cli(path, 'notifications').stdout.split('\n')
    expect(text.filter((l) => l.endsWith('[compacted]'))).toHaveLength(2)

    const verified = cli(path, 'verify')
    expect(verified.code).toBe(0)
    expect(verified.json()[0]).toMatchObject({ ok: true })
  })

  it('a file whose compacted row was given another hash fails verify, naming the row', () => {
    const file = join(dir.path, 'forged.db')
    copyFileSync(path, file)
    const id = written[0]!.id
    const db = new Database(file)
    try {
      // the file's own trigger refuses the edit; someone with the file drops it first
      expect(() => db.prepare('UPDATE outbox SET payload_sha256 = ? WHERE id = ?').run('0'.repeat(64), id)).toThrow(/compacted outbox row is never changed/)
      db.exec('DROP TRIGGER outbox_compacted_kept')
      db.prepare('UPDATE outbox SET payload_sha256 = ? WHERE id = ?').run(payloadSha256Of({ ...written[0]!.payload, level: 'chief-technician' }), id)
    } finally {
      db.close()
    }
    const run = cli(file, 'verify')
    expect(run.code).toBe(1)
    expect((run.json()[0] as { reason: string }).reason).toMatch(new RegExp(`^the outbox row ${id} differs from what version \\d+ implies \\(payload\\)$`))
  })
})
