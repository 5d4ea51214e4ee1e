/**
 * What `erasures [--list]` does (program.ts registers the verb and loads this module only when it
 * runs): pending crypto-shredding listed, or completed where no reader blocks it any more.
 */
import type { Command } from 'commander'
import { runErasures } from '../commands/erasures.js'
import { printJson } from '../output.js'
import { withLedger } from '../with-ledger.js'

/** Runs `erasures`; exit 1 while any erasure stays pending. */
export const runErasuresVerb = async (options: { readonly list?: boolean }, command: Command): Promise<void> => {
  await withLedger(command, { mustExist: true }, async (opened) => {
    const result = await runErasures(opened.keys, { list: options.list === true })
    await printJson(result)
    return result.ok ? 0 : 1
  })
}
