/**
 * Which verb a command line runs, found before the program is built so that the program can leave
 * out the verbs whose registration loads a lot (program.ts). Commander finds it: a probe with the
 * program's own options parses them as the program will (`--store URL`, `--store=URL`, anywhere on
 * the line), and the first operand left is the verb. Anything the probe cannot read is `undefined`,
 * and the whole program is built, which then gives commander's own message.
 */
import { Command } from 'commander'

/** The verb of `args` (after `help`, the verb asked about); undefined when there is none or the line does not parse. */
export const verbOf = (args: ReadonlyArray<string>, withGlobalOptions: (command: Command) => Command): string | undefined => {
  const probe = withGlobalOptions(new Command())
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined })
  try {
    const { operands } = probe.parseOptions([...args])
    return operands[0] === 'help' ? operands[1] : operands[0]
  } catch {
    return undefined
  }
}
