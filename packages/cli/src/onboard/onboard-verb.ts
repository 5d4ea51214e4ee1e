/**
 * `onboard FILE [--map FILE] [--json]`: load a registry export (CSV in UTF-8 or GB18030, or .xlsx)
 * into the ledger as talents and prior certificates (docs/onboarding.md). Arguments are checked
 * before the store opens (exit 2: unreadable file, stdin or a pipe, which cannot be read twice, a
 * `--map` that does not decode, a header row lacking a required column); then the file is read once
 * for a census of each person's rows and again for the load (person-order.ts), every row loaded or
 * refused, and the run ends with a summary. Exit 0 when no row was refused, 1 when any was.
 * Only the options and usage texts are here: what the verb does is in verbs/onboard.ts, loaded when
 * it runs, so that `--help` does not load the core, the CSV and XLSX readers and GB18030 decoding.
 */
import type { Command } from 'commander'
import { DEFAULT_ONBOARD_BATCH } from '../verb-defaults.js'
import type { OnboardOptions } from '../verbs/onboard.js'

/** Registers `onboard` on the program. */
export const addOnboardVerb = (program: Command): void => {
  program
    .command('onboard')
    .description("load a registry export (CSV UTF-8/GB18030 or .xlsx): talents + prior certificates")
    .argument('<file>', 'the export: .csv (UTF-8 with or without BOM, GB18030/GBK) or .xlsx (first sheet); a header row first')
    .option('--map <file>', 'JSON {"<header in the file>": "<field>"} for headers the loader does not know')
    .option('--json', 'JSON Lines: one line per refused row, then the summary')
    .option('--encoding <name>', 'CSV encoding (default: detected, UTF-8 or GB18030)')
    .option('--rejects <file>', 'where the rejected rows go (default: NAME.rejected.csv in the working directory)')
    .option('--actor <id>', 'the hr-bureau official the commands are issued as', 'hr-bureau')
    .option('--registered-on <date>', 'registration date of new talents (default: today, UTC+8)')
    .option('--durability <mode>', 'SQLite commits: FULL (default) or NORMAL', 'FULL')
    .option('--batch <rows>', `rows committed together in one transaction (group commit; default ${DEFAULT_ONBOARD_BATCH}); a kill leaves whole batches`)
    .action(async (file: string, options: OnboardOptions, command: Command) => (await import('../verbs/onboard.js')).runOnboard(file, options, command))
}
