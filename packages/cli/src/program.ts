/**
 * The `talent-ledger` command line (ARCHITECTURE.md "CLI contract"): verbs, options and exit codes.
 * Parsing is commander's; each verb opens the store named by `--store`, hands the ports to the
 * core ledger service or to a verb module, and sets the exit code: 0 done, 1 refused/tampered/not
 * found, 2 unusable arguments (thrown as `UsageError`, or commander's own parse errors).
 * This module only registers the verbs, their options and usage texts, and imports nothing heavy:
 * what a verb does is in verbs/, imported by its action when it runs, so that a verb's start-up
 * (and `--help`) does not load the core, the stores, the adapters and readers of all the others.
 */
import { createRequire } from 'node:module'
import { Command } from 'commander'
import type { ApplyOptions } from './verbs/apply.js'
import type { DemoVerbOptions } from './verbs/demo.js'
import type { ReportOptions } from './verbs/report.js'
import type { ShowOptions } from './verbs/show.js'
import { DEFAULT_APPLY_BATCH, DEFAULT_SCALE_TEXT, DEFAULT_STORE_URL, DEMO_UNTIL } from './verb-defaults.js'
import { verbOf } from './verb-of.js'

const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

/** The verbs registered from modules of their own (their usage texts name the channels, or sit beside the loader), loaded only when listed or run. */
export interface HeavyVerbs {
  readonly addNotificationVerbs?: (program: Command) => void
  readonly addOnboardVerb?: (program: Command) => void
}

/** The options every verb takes, on the program (and on the probe that finds the verb, verb-of.ts). */
export const withGlobalOptions = (command: Command): Command =>
  command
    .option('--store <url>', 'event store: sqlite:PATH | memory: | postgres://…[?schema=NAME]', DEFAULT_STORE_URL)
    .option('--read-store <url>', 'where show, report, export and notifications read (e.g. a PostgreSQL read replica; it may lag --store)')
    .option('--officials <file>', 'JSON {"hr-bureau":[ids],"auditor":[ids]}: only these ids may act in those roles (or TALENT_LEDGER_OFFICIALS=FILE)')
    .option('--max-future-days <n>', 'refuse business dates more than N days after the record date (production: 0; default: no bound)')

/**
 * Builds the program that parses `args` (the command line after the script). Each verb's module
 * is loaded by its action, when it runs. The notification verbs and `onboard` are registered by
 * modules of their own (usage texts only: the channels' names and sections come from the adapters'
 * light `./usage` entries), so they are left out when `args` run another verb, which neither lists
 * nor runs them.
 */
export const buildProgram = async (args: ReadonlyArray<string>): Promise<Command> => {
  const light = programWith({})
  const verb = verbOf(args, withGlobalOptions)
  if (verb !== undefined && light.commands.some((command) => command.name() === verb)) return light
  const [{ addNotificationVerbs }, { addOnboardVerb }] = await Promise.all([import('./notification-verbs.js'), import('./onboard/onboard-verb.js')])
  return programWith({ addNotificationVerbs, addOnboardVerb })
}

/** The program with the light verbs and those of `heavy` that are given, in the order `--help` lists them. */
const programWith = (heavy: HeavyVerbs): Command => {
  const program = withGlobalOptions(
    new Command('talent-ledger').description('An event-sourced ledger of skilled workers under the Lianyungang high-skilled talent policy.').version(version),
  )
    .exitOverride()
    .showSuggestionAfterError()

  program
    .command('apply')
    .description('run JSON Lines of commands; one JSON result line per command on stdout')
    .argument('<file>', 'file of commands, or - for stdin')
    .option('--batch <n>', `commands committed together (group commit; default ${DEFAULT_APPLY_BATCH} for a file, 1 for stdin: each line answered before the next is read)`)
    .action(async (file: string, options: ApplyOptions, command: Command) => (await import('./verbs/apply.js')).runApply(file, options, command))

  program
    .command('show')
    .description("one talent's profile as JSON, with the policy and rule behind each certificate and benefit")
    .argument('[talentId]', 'the talent id')
    .option('--national-id <id>', 'instead of a talent id: the ID number of an onboarded person (- reads it from stdin, out of the process list and shell history)')
    .option('--as-of <date>', 'business date YYYY-MM-DD: events that occurred on or before it')
    .option('--known-at <timestamp>', 'record time (ISO 8601 UTC): what the ledger knew then')
    .option('--pretty', 'indented JSON for reading (default: one line)')
    .action(async (talentId: string | undefined, options: ShowOptions, command: Command) => (await import('./verbs/show.js')).runShow(talentId, options, command))

  program
    .command('verify')
    .description('check every stored row (hash chains, stream heads, positions, outbox rows) and stored ledger digest; exit 1 naming the first bad stream and version')
    .action(async (_options: unknown, command: Command) => (await import('./verbs/verify.js')).runVerify(command))

  program
    .command('report')
    .description('the city dashboard against the targets of the policy in force')
    .option('--json', 'print the report as JSON')
    .option('--html <file>', 'write the report as one self-contained HTML page (never overwrites)')
    .option('--as-of <date>', 'report date YYYY-MM-DD (default: today, UTC)')
    .action(async (options: ReportOptions, command: Command) => (await import('./verbs/report.js')).runReport(options, command))

  program
    .command('export')
    .description('the whole log as canonical JSON Lines, in commit order')
    .argument('[file]', 'write here instead of stdout')
    .action(async (file: string | undefined, _options: unknown, command: Command) => (await import('./verbs/export.js')).runExport(file, command))

  program
    .command('import')
    .description('an exported log into an empty store, after checking every line and hash chain')
    .argument('<file>', 'canonical JSON Lines written by export')
    .action(async (file: string, _options: unknown, command: Command) => (await import('./verbs/import.js')).runImport(file, command))

  program
    .command('erasures')
    .description('pending crypto-shredding (a reader blocked it) and completing it; exit 1 while any stays pending')
    .option('--list', 'only list the pending erasures')
    .action(async (options: { list?: boolean }, command: Command) => (await import('./verbs/erasures.js')).runErasuresVerb(options, command))

  heavy.addNotificationVerbs?.(program)
  heavy.addOnboardVerb?.(program)

  program
    .command('demo')
    .description("simulate Lianyungang's pipeline from 2026 at a scale of the city into the store, then print the dashboard")
    .option('--scale <fraction>', `the fraction of the city simulated: employed persons, stock and count targets (default ${DEFAULT_SCALE_TEXT}; with --talents alone, the scale of that many talents)`)
    .option('--talents <n>', 'simulated talents in all (stock first, then the intake); alone, it picks the scale')
    .option('--until <date>', 'last simulated day, the date of the dashboard (YYYY-MM-DD)', DEMO_UNTIL)
    .option('--seed <n>', 'random seed (same seed, same city)', '2026')
    .option('--durability <mode>', 'SQLite commits: NORMAL (demo default: survives a crash of the process, not always a power cut) or FULL', 'NORMAL')
    .action(async (options: DemoVerbOptions, command: Command) => (await import('./verbs/demo.js')).runDemoVerb(options, command))

  program
    .command('schema')
    .description('JSON Schema of every command (or one), generated from the codecs')
    .argument('[command]', 'a command type, e.g. RegisterTalent')
    .action(async (type: string | undefined) => (await import('./verbs/schema.js')).runSchema(type))

  return program
}
