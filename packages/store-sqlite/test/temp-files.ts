/**
 * Temporary store files for the integration tests: a fresh directory per call, removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A path for a new store file in its own temp directory, and a cleanup that removes the directory. */
export const tempStorePath = (name = 'ledger.db'): { readonly path: string; readonly dir: string; readonly cleanup: () => Promise<void> } => {
  const dir = mkdtempSync(join(tmpdir(), 'talent-ledger-sqlite-'))
  return { path: join(dir, name), dir, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }
}
