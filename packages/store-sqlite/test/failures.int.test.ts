/**
 * Writes that cannot happen fail clearly and store nothing: a read-only store, a write lock held by
 * another connection past the busy timeout; a stored row that is not a valid event is reported
 * with its stream and version instead of being handed out.
 */
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { cleanupsAfterEach, storeProbes } from '@talent-ledger/testing/vitest'
import { StoreBusyError, StoreReadOnlyError, createSqliteEventStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups = cleanupsAfterEach()

/** A store file holding one stream `talent-1` of two events. */
const seededFile = async (): Promise<string> => {
  const { path, cleanup } = tempStorePath()
  cleanups.push(cleanup)
  const store = createSqliteEventStore({ path })
  expect((await store.append('talent-1', storeProbes(2), 'no-stream')).ok).toBe(true)
  await store.close()
  return path
}

describe('failing writes and bad rows', () => {
  it('refuses to append to a read-only store with StoreReadOnlyError, and still reads', async () => {
    const path = await seededFile()
    const store = createSqliteEventStore({ path, readonly: true })
    try {
      const attempt = store.append('talent-1', storeProbes(1, 3), 2)
      await expect(attempt).rejects.toBeInstanceOf(StoreReadOnlyError)
      await expect(attempt).rejects.toThrow(`cannot write to ${path}: the store is read-only`)
      expect(await store.readStream('talent-1')).toHaveLength(2)
    } finally {
      await store.close()
    }
  })

  it('gives up with StoreBusyError when another connection holds the write lock beyond the busy timeout', async () => {
    const path = await seededFile()
    const holder = new Database(path)
    const store = createSqliteEventStore({ path, busyTimeoutMs: 100 })
    try {
      holder.exec('BEGIN IMMEDIATE')
      const attempt = store.append('talent-1', storeProbes(1, 3), 2)
      await expect(attempt).rejects.toBeInstanceOf(StoreBusyError)
      await expect(attempt).rejects.toThrow(`${path} is locked`)
      holder.exec('ROLLBACK')
      expect((await store.append('talent-1', storeProbes(1, 3), 2)).ok).toBe(true)
      expect((await store.readStream('talent-1')).map((e) => e.version)).toEqual([1, 2, 3])
    } finally {
      holder.close()
      await store.close()
    }
  })

  it('reports a stored row that is not a valid event with its stream and version', async () => {
    const path = await seededFile()
    const raw = new Database(path)
    raw.prepare("UPDATE events SET metadata = '{\"actor\":null}' WHERE stream_id = 'talent-1' AND version = 2").run()
    raw.close()
    const store = createSqliteEventStore({ path })
    try {
      await expect(store.readStream('talent-1')).rejects.toThrow(/corrupt event in talent-1 at version 2/)
      await expect(store.readAll()).rejects.toThrow(/talent-1 at version 2/)
    } finally {
      await store.close()
    }
  })
})
