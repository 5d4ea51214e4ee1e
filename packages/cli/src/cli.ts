/**
 * What the `talent-ledger` binary runs (main.ts loads it from the bundle). Runs the program and turns what escapes it into the contract's exit
 * codes with one line on stderr: 2 for unusable arguments (bad option, unknown store URL, missing
 * file, a store file that cannot be used), 1 for anything else that went wrong.
 */
import { CommanderError } from 'commander'
import { buildProgram } from './program.js'
import { UsageError } from './usage-error.js'

const isEpipe = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'EPIPE'
// a reader that stops early (`| head`) is not a failure of ours: stop writing quietly
process.stdout.on('error', (error) => {
  if (!isEpipe(error)) throw error
})

try {
  await (await buildProgram(process.argv.slice(2))).parseAsync(process.argv)
} catch (error) {
  if (error instanceof CommanderError) {
    // commander has already printed its one-line message (or the help / version)
    process.exitCode = error.exitCode === 0 ? 0 : 2
  } else if (!isEpipe(error)) {
    process.stderr.write(`talent-ledger: ${error instanceof Error ? error.message : String(error)}\n`)
    // the store registry is loaded only on this path, where an error may be a store's
    process.exitCode = error instanceof UsageError || (await import('./store-url.js')).isUnusableStore(error) ? 2 : 1
  }
}
