/**
 * The one door through which onboarding hands commands to the ledger: a chunk at a time, one result
 * per command in the same order. Today a loop over `ledger.execute` (one transaction per command);
 * a group commit (`executeMany`: one transaction per chunk, the same results) slots in here alone.
 */
import type { CommandResult, TalentLedger } from '@talent-ledger/core'

/** Runs a chunk of raw commands; the results line up with the commands. */
export type ExecuteChunk = (commands: ReadonlyArray<unknown>) => Promise<ReadonlyArray<CommandResult>>

/** One command at a time, each in its own transaction. */
export const executeOneByOne =
  (ledger: TalentLedger): ExecuteChunk =>
  async (commands) => {
    const results: CommandResult[] = []
    for (const c of commands) results.push(await ledger.execute(c))
    return results
  }
