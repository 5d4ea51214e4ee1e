/**
 * What `import FILE` does (program.ts registers the verb and loads this module only when it runs):
 * an exported log into an empty store, every line and hash chain checked before anything is written.
 */
import type { Command } from 'commander'
import { checkExport, writeEvents } from '../commands/import.js'
import { checkReadable, linesOf } from '../input.js'
import { printJson } from '../output.js'
import { progressBar } from '../progress.js'
import { UsageError } from '../usage-error.js'
import { isEmpty, withLedger } from '../with-ledger.js'

/** Runs `import`; exit 1 when the export does not check. */
export const runImport = async (file: string, command: Command): Promise<void> => {
  checkReadable(file)
  await withLedger(command, { mustExist: false }, async (opened, ledger) => {
    if (!(await isEmpty(opened))) throw new UsageError(`import needs an empty store: ${String(command.optsWithGlobals()['store'])} already holds events`)
    const checked = await checkExport(linesOf(file), ledger)
    const result = checked.ok ? await writeEvents(opened.store, checked.events, progressBar('importing events'), ledger) : checked
    await printJson(result)
    return result.ok ? 0 : 1
  })
}
