/**
 * What `verify` does (program.ts registers the verb and loads this module only when it runs):
 * every stored row checked, the findings printed as one JSON line.
 */
import type { Command } from 'commander'
import { verifyLog } from '../commands/verify.js'
import { printJson } from '../output.js'
import { progressBar } from '../progress.js'
import { withLedger } from '../with-ledger.js'

/** Runs `verify`; exit 1 when anything is wrong with the log. */
export const runVerify = async (command: Command): Promise<void> => {
  // a worker thread opens the store by its URL: not an in-memory one
  const url = String(command.optsWithGlobals()['store'])
  await withLedger(command, { mustExist: true }, async (opened) => {
    const result = await verifyLog(opened, progressBar('verifying streams'), url.startsWith('memory:') ? undefined : url)
    await printJson(result)
    return result.ok ? 0 : 1
  })
}
