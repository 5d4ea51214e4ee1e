/**
 * What `schema [COMMAND]` does (program.ts registers the verb and loads this module only when it
 * runs): the JSON Schema of every command, or of one, generated from the core's codecs.
 */
import { COMMAND_TYPES, commandCatalogue, commandSchema, isCommandType } from '@talent-ledger/core'
import { writeLine } from '../output.js'
import { UsageError } from '../usage-error.js'

/** Runs `schema`. */
export const runSchema = async (type: string | undefined): Promise<void> => {
  if (type !== undefined && !isCommandType(type)) throw new UsageError(`unknown command ${JSON.stringify(type)}: expected one of ${COMMAND_TYPES.join(', ')}`)
  await writeLine(process.stdout, JSON.stringify(type === undefined ? commandCatalogue() : commandSchema(type), null, 2))
}
