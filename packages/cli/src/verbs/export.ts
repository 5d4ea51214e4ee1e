/**
 * What `export [FILE]` does (program.ts registers the verb and loads this module only when it
 * runs): the whole log as canonical JSON Lines, to stdout or to a new file (never overwritten).
 */
import { createWriteStream } from 'node:fs'
import type { Command } from 'commander'
import { exportLog } from '../commands/export.js'
import { finish, printJson } from '../output.js'
import { UsageError } from '../usage-error.js'
import { withLedger } from '../with-ledger.js'

/** Runs `export`. */
export const runExport = async (file: string | undefined, command: Command): Promise<void> => {
  await withLedger(command, { mustExist: true, readOnly: true }, async (opened) => {
    if (file === undefined) {
      await exportLog(opened.store, process.stdout)
      return 0
    }
    const out = createWriteStream(file, { flags: 'wx' })
    const opening = new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject))
    await opening.catch((error: unknown) => {
      throw new UsageError(`cannot write ${file}: ${(error as { code?: string }).code === 'EEXIST' ? 'it exists already' : String(error)}`)
    })
    const events = await exportLog(opened.store, out)
    await finish(out)
    await printJson({ ok: true, file, events })
    return 0
  })
}
