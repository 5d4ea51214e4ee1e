/**
 * The events of one command carry the same metadata text, and a read hands the value parsed for
 * the row before to the next row with the same text instead of parsing it again (rows.ts). These
 * tests hold that shortcut to what parsing every row gives, and show it lets no corrupt row through.
 */
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { cleanupsAfterEach, storeProbes } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups = cleanupsAfterEach()

/** A store file holding `talent-1`: three events of one command (one metadata), then one of another. */
const seededFile = async (): Promise<string> => {
  const { path, cleanup } = tempStorePath()
  cleanups.push(cleanup)
  const store = createSqliteEventStore({ path })
  const [first, ...rest] = storeProbes(4)
  const events = [first!, ...rest.slice(0, 2).map((e) => ({ ...e, metadata: first!.metadata })), rest[2]!]
  expect((await store.append('talent-1', events, 'no-stream')).ok).toBe(true)
  await store.close()
  return path
}

const storedMetadata = (path: string): unknown[] => {
  const raw = new Database(path, { readonly: true })
  try {
    return (raw.prepare('SELECT metadata FROM events ORDER BY global_position').pluck().all() as string[]).map((text) => JSON.parse(text))
  } finally {
    raw.close()
  }
}

const corrupt = (path: string, sql: string): void => {
  const raw = new Database(path)
  raw.prepare(sql).run()
  raw.close()
}

/** The file at `path` opened read-only by the store, closed after the test. */
const openedReadonly = (path: string) => {
  const store = createSqliteEventStore({ path, readonly: true })
  cleanups.push(() => store.close())
  return store
}

describe('metadata shared by the rows of one command', () => {
  it('reads as parsing every row would, the shared value frozen', async () => {
    const path = await seededFile()
    const store = openedReadonly(path)
    for (const events of [await store.readAll(), await store.readStream('talent-1')]) {
      expect(events.map((e) => e.metadata)).toEqual(storedMetadata(path))
      expect(events[1]!.metadata).toBe(events[0]!.metadata)
      expect(Object.isFrozen(events[2]!.metadata) && Object.isFrozen(events[2]!.metadata.actor)).toBe(true)
      expect(() => {
        ;(events[2]!.metadata.actor as { role: string }).role = 'official'
      }).toThrow(TypeError)
      expect(events[3]!.metadata).not.toBe(events[0]!.metadata)
    }
  })

  it('still refuses a row whose data is corrupt behind a row with the same metadata', async () => {
    const path = await seededFile()
    corrupt(path, "UPDATE events SET data = '{\"n\":' WHERE stream_id = 'talent-1' AND version = 2")
    const store = openedReadonly(path)
    await expect(store.readAll()).rejects.toThrow(/talent-1 at version 2.*column data is not JSON/)
    await expect(store.readStream('talent-1')).rejects.toThrow(/talent-1 at version 2/)
  })

  it('refuses metadata that differs from the row before by one bad value (the shortcut compares the whole text)', async () => {
    const path = await seededFile()
    corrupt(path, "UPDATE events SET metadata = replace(metadata, '2026-01-01T08:00:00.000Z', '2026-02-30T08:00:00.000Z') WHERE stream_id = 'talent-1' AND version = 3")
    const store = openedReadonly(path)
    await expect(store.readAll()).rejects.toThrow(/corrupt event in talent-1 at version 3/)
    await expect(store.readStream('talent-1')).rejects.toThrow(/talent-1 at version 3/)
  })
})
