/**
 * What `apply FILE` does once its arguments are parsed (program.ts registers the verb and loads
 * this module only when it runs): JSON Lines of commands through the ledger, one result line each.
 */
import type { Command } from 'commander'
import { MAX_LINE_BYTES } from '@talent-ledger/core'
import { applyLines, DEFAULT_APPLY_BATCH } from '../commands/apply.js'
import { boundedLinesOf, checkReadable } from '../input.js'
import { parseCount } from '../options.js'
import { withLedger } from '../with-ledger.js'

export interface ApplyOptions {
  readonly batch?: string
}

/** Runs `apply`; exit 1 when any command was refused. */
export const runApply = async (file: string, options: ApplyOptions, command: Command): Promise<void> => {
  const batch = options.batch === undefined ? (file === '-' ? 1 : DEFAULT_APPLY_BATCH) : parseCount('--batch', options.batch, 1)
  checkReadable(file)
  await withLedger(command, { mustExist: false }, async (_opened, ledger) => {
    const { rejected } = await applyLines(ledger, boundedLinesOf(file, MAX_LINE_BYTES), process.stdout, { batch })
    return rejected === 0 ? 0 : 1
  })
}
