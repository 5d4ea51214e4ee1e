/**
 * The one door through which onboarding hands commands to the ledger: a chunk at a time, one result
 * per command in the same order. `executeInOneCommit` is the group commit (`executeMany`: one store
 * transaction per chunk, so a kill leaves whole chunks, and results exactly as one at a time);
 * `executeOneByOne` is one transaction per command, kept as the reference the tests compare with.
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

/**
 * The whole chunk decided on one view and committed in one store transaction (group commit). With
 * `inOneCommit` (a store whose keys and events share one transaction: SQLite) the new talents' keys
 * are written in that transaction too, rather than committed one by one as the ledger asks for them.
 */
export const executeInOneCommit =
  (ledger: TalentLedger, inOneCommit?: <T>(work: () => Promise<T>) => Promise<T>): ExecuteChunk =>
  async (commands) =>
    inOneCommit === undefined ? ledger.executeMany(commands) : inOneCommit(() => ledger.executeMany(commands))
