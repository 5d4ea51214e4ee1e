/**
 * Contention on one talent: eight OS processes, each a whole ledger service with the default retry
 * policy, record incentives for the same talent at once. Every command is accepted — none ends in
 * `Conflict` — and the stream holds every one of them, contiguous and verifiable. (The earlier
 * policy, 12 attempts, let 1–3 commands a run fail with only 3–5 writers.)
 */
import { describe, expect, it } from 'vitest'
import { createTalentLedger, verifyStream } from '@talent-ledger/core'
import { manualClock } from '@talent-ledger/store-memory'
import { assessmentScenario, cleanupsAfterEach } from '@talent-ledger/testing/vitest'
import { startChild, waitFor } from '@talent-ledger/testing/node'
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createSqliteEventStore, createSqliteKeyStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups = cleanupsAfterEach()
const writer = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'ledger-writer.mjs')

const WRITERS = 8
const PER_WRITER = 40

describe('eight writer processes on one talent', () => {
  it('get every command through with the default retry policy: no Conflict, every event stored once', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const setup = createSqliteEventStore({ path })
    const ledger = createTalentLedger({ store: setup, keys: createSqliteKeyStore(setup.database), clock: manualClock('2026-03-01T08:00:00.000Z') })
    for (const command of assessmentScenario.commands.slice(0, 2)) expect((await ledger.execute(command)).ok).toBe(true)
    await setup.close()

    const children = Array.from({ length: WRITERS }, (_, w) => startChild(writer, [path, 't-1', String(PER_WRITER), String(w + 1)]))
    // every writer has its store open before any starts: they contend from the first command
    await waitFor(() => children.every((c) => c.stdout().startsWith('ready\n')), 'every writer to open the store')
    writeFileSync(`${path}.go`, '')
    const ends = await Promise.all(children.map((c) => c.ended))
    const outcomes = children.map((c, i) => {
      expect(ends[i], c.stderr()).toEqual({ code: 0, signal: null })
      return JSON.parse(c.stdout().slice('ready\n'.length)) as { tag: string; ok: number; refused: unknown[] }
    })
    expect(outcomes.flatMap((o) => o.refused)).toEqual([])
    expect(outcomes.map((o) => o.ok)).toEqual(Array.from({ length: WRITERS }, () => PER_WRITER))

    const store = createSqliteEventStore({ path })
    try {
      const events = await store.readStream('talent-t-1')
      expect(events.map((e) => e.version)).toEqual(Array.from({ length: 1 + WRITERS * PER_WRITER }, (_, i) => i + 1))
      expect(events.filter((e) => e.type === 'IncentiveRecorded')).toHaveLength(WRITERS * PER_WRITER)
      expect(verifyStream('talent-t-1', events)).toBeNull()
    } finally {
      await store.close()
    }
  })
})
