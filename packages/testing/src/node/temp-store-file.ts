/**
 * A store file in a fresh temporary directory, removed with the directory by the test's clean-ups:
 * each test gets its own SQLite file and leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Cleanups } from '../harness/cleanup-list.js'

/** The path of `ledger.db` in a new directory named from `prefix`; the directory goes on `cleanups`. */
export const tempStoreFile = (prefix: string, cleanups: Cleanups): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'ledger.db')
}
