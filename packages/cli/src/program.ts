/**
 * The `talent-ledger` command line (ARCHITECTURE.md "CLI contract"): verbs, options and exit codes.
 * Parsing is commander's; each verb opens the store named by `--store`, hands the ports to the
 * core ledger service or to a verb module, and sets the exit code: 0 done, 1 refused/tampered/not
 * found, 2 unusable arguments (thrown as `UsageError`, or commander's own parse errors).
 */
import { createRequire } from 'node:module'
import { createWriteStream, existsSync, statSync } from 'node:fs'
import { Command } from 'commander'
import { MAX_LINE_BYTES, maskIdentifier } from '@talent-ledger/core'
import { COMMAND_TYPES, commandCatalogue, commandSchema, isCommandType } from '@talent-ledger/core'
import type { OpenedStore } from '@talent-ledger/core/store-kit'
import { applyLines, DEFAULT_APPLY_BATCH } from './commands/apply.js'
import { DEMO_FROM, DEMO_UNTIL, demoFileLine, demoHeader, demoIntro, planDemo, runDemo } from './commands/demo.js'
import { runErasures } from './commands/erasures.js'
import { exportLog } from './commands/export.js'
import { checkExport, writeEvents } from './commands/import.js'
import { cityReport } from './commands/report.js'
import { checkHtmlTarget, writeReportHtml } from './commands/report-html.js'
import { nationalIdOption, showTalent } from './commands/show.js'
import { talentIdOfNationalId } from './onboard/talent-ids.js'
import { verifyLog } from './commands/verify.js'
import { addNotificationVerbs } from './notification-verbs.js'
import { addOnboardVerb } from './onboard/onboard-verb.js'
import { dashboardText } from './dashboard-text.js'
import { benefitsText, benefitTotalsText } from './benefits-text.js'
import { demoPolicyText } from './demo-policy-text.js'
import { honoursText } from './honours-text.js'
import { servicesText } from './services-text.js'
import { cooperationText } from './cooperation-text.js'
import { featuredCertificatesText, seniorPostsText } from './posts-text.js'
import { carrierOutputsText } from './carriers-text.js'
import { boundedLinesOf, checkReadable, linesOf } from './input.js'
import { parseCount, parseDate, parseDurability, parseFraction, parseTimestamp, todayUtc } from './options.js'
import { finish, writeLine } from './output.js'
import { progressBar } from './progress.js'
import { DEFAULT_STORE_URL } from './store-url.js'
import { UsageError } from './usage-error.js'
import { withLedger } from './with-ledger.js'

// the simulator's default scale, named for --help without loading the simulator
const DEFAULT_SCALE_TEXT = '0.01, 1 % of the city'

const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

const isEmpty = async (opened: OpenedStore): Promise<boolean> => (await opened.store.readAll({ limit: 1 })).length === 0
const print = (value: unknown): Promise<void> => writeLine(process.stdout, JSON.stringify(value))
const printLines = async (lines: ReadonlyArray<string>): Promise<void> => {
  for (const line of lines) await writeLine(process.stdout, line)
}

/** Builds the program; `main` parses `process.argv` with it. */
export const buildProgram = (): Command => {
  const program = new Command('talent-ledger')
    .description('An event-sourced ledger of skilled workers under the Lianyungang high-skilled talent policy.')
    .version(version)
    .option('--store <url>', 'event store: sqlite:PATH | memory: | postgres://…[?schema=NAME]', DEFAULT_STORE_URL)
    .option('--read-store <url>', 'where show, report, export and notifications read (e.g. a PostgreSQL read replica; it may lag --store)')
    .option('--officials <file>', 'JSON {"hr-bureau":[ids],"auditor":[ids]}: only these ids may act in those roles (or TALENT_LEDGER_OFFICIALS=FILE)')
    .option('--max-future-days <n>', 'refuse business dates more than N days after the record date (production: 0; default: no bound)')
    .exitOverride()
    .showSuggestionAfterError()

  program
    .command('apply')
    .description('run JSON Lines of commands; one JSON result line per command on stdout')
    .argument('<file>', 'file of commands, or - for stdin')
    .option('--batch <n>', `commands committed together (group commit; default ${DEFAULT_APPLY_BATCH} for a file, 1 for stdin: each line answered before the next is read)`)
    .action(async (file: string, options: { batch?: string }, command: Command) => {
      const batch = options.batch === undefined ? (file === '-' ? 1 : DEFAULT_APPLY_BATCH) : parseCount('--batch', options.batch, 1)
      checkReadable(file)
      await withLedger(command, { mustExist: false }, async (_opened, ledger) => {
        const { rejected } = await applyLines(ledger, boundedLinesOf(file, MAX_LINE_BYTES), process.stdout, { batch })
        return rejected === 0 ? 0 : 1
      })
    })

  program
    .command('show')
    .description("one talent's profile as JSON, with the policy and rule behind each certificate and benefit")
    .argument('[talentId]', 'the talent id')
    .option('--national-id <id>', 'instead of a talent id: the ID number of an onboarded person (- reads it from stdin, out of the process list and shell history)')
    .option('--as-of <date>', 'business date YYYY-MM-DD: events that occurred on or before it')
    .option('--known-at <timestamp>', 'record time (ISO 8601 UTC): what the ledger knew then')
    .option('--pretty', 'indented JSON for reading (default: one line)')
    .action(async (talentId: string | undefined, options: { nationalId?: string; asOf?: string; knownAt?: string; pretty?: boolean }, command: Command) => {
      if ((talentId === undefined) === (options.nationalId === undefined)) throw new UsageError('show takes a talent id or --national-id ID, one of them')
      const nationalId = options.nationalId === undefined ? undefined : await nationalIdOption(options.nationalId)
      const at = {
        ...(options.asOf === undefined ? {} : { asOf: parseDate('--as-of', options.asOf) }),
        ...(options.knownAt === undefined ? {} : { knownAt: parseTimestamp('--known-at', options.knownAt) }),
      }
      await withLedger(command, { mustExist: true, readOnly: true }, async (opened, ledger) => {
        const id = nationalId === undefined ? talentId! : await talentIdOfNationalId(opened.keys, nationalId)
        if (id === null) {
          await writeLine(process.stdout, JSON.stringify({ ok: false, error: { code: 'NotFound', message: `no person was onboarded into this ledger, so none has ID number ${maskIdentifier(nationalId!)}`, details: [] } }))
          return 1
        }
        return (await showTalent(ledger, id, at, process.stdout, { pretty: options.pretty === true })) ? 0 : 1
      })
    })

  program
    .command('verify')
    .description('check every stored row (hash chains, stream heads, positions, outbox rows) and stored ledger digest; exit 1 naming the first bad stream and version')
    .action(async (_options: unknown, command: Command) => {
      // a worker thread opens the store by its URL: not an in-memory one
      const url = String(command.optsWithGlobals()['store'])
      await withLedger(command, { mustExist: true }, async (opened) => {
        const result = await verifyLog(opened, progressBar('verifying streams'), url.startsWith('memory:') ? undefined : url)
        await print(result)
        return result.ok ? 0 : 1
      })
    })

  program
    .command('report')
    .description('the city dashboard against the targets of the policy in force')
    .option('--json', 'print the report as JSON')
    .option('--html <file>', 'write the report as one self-contained HTML page (never overwrites)')
    .option('--as-of <date>', 'report date YYYY-MM-DD (default: today, UTC)')
    .action(async (options: { json?: boolean; html?: string; asOf?: string }, command: Command) => {
      if (options.json === true && options.html !== undefined) throw new UsageError('report takes --json or --html FILE, not both')
      const asOf = options.asOf === undefined ? todayUtc() : parseDate('--as-of', options.asOf)
      const html = options.html
      if (html !== undefined) checkHtmlTarget(html)
      await withLedger(command, { mustExist: true, readOnly: true }, async (opened, ledger) => {
        const report = await cityReport(opened.store, ledger, asOf)
        if (html !== undefined) await print({ ok: true, ...(await writeReportHtml(html, report)), asOf: report.asOf })
        else if (options.json === true) await print(report)
        else await printLines([...dashboardText(report), ...benefitsText(report) /* benefits (DOMAIN.md §16) */, ...honoursText(report) /* honours (§14, §16) */, ...servicesText(report) /* services (§15, §16) */, ...seniorPostsText(report), ...featuredCertificatesText(report) /* posts, featured (§12, §13, §16) */, ...carrierOutputsText(report) /* carriers (§10, §16) */, ...cooperationText(report) /* agreements, teachers (§11, §16) */])
        return 0
      })
    })

  program
    .command('export')
    .description('the whole log as canonical JSON Lines, in commit order')
    .argument('[file]', 'write here instead of stdout')
    .action(async (file: string | undefined, _options: unknown, command: Command) => {
      await withLedger(command, { mustExist: true, readOnly: true }, async (opened) => {
        if (file === undefined) {
          await exportLog(opened.store, process.stdout)
          return 0
        }
        const out = createWriteStream(file, { flags: 'wx' })
        const opening = new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject))
        await opening.catch((error: unknown) => {
          throw new UsageError(`cannot write ${file}: ${(error as { code?: string }).code === 'EEXIST' ? 'it exists already' : String(error)}`)
        })
        const events = await exportLog(opened.store, out)
        await finish(out)
        await print({ ok: true, file, events })
        return 0
      })
    })

  program
    .command('import')
    .description('an exported log into an empty store, after checking every line and hash chain')
    .argument('<file>', 'canonical JSON Lines written by export')
    .action(async (file: string, _options: unknown, command: Command) => {
      checkReadable(file)
      await withLedger(command, { mustExist: false }, async (opened, ledger) => {
        if (!(await isEmpty(opened))) throw new UsageError(`import needs an empty store: ${String(command.optsWithGlobals()['store'])} already holds events`)
        const checked = await checkExport(linesOf(file), ledger)
        const result = checked.ok ? await writeEvents(opened.store, checked.events, progressBar('importing events'), ledger) : checked
        await print(result)
        return result.ok ? 0 : 1
      })
    })

  program
    .command('erasures')
    .description('pending crypto-shredding (a reader blocked it) and completing it; exit 1 while any stays pending')
    .option('--list', 'only list the pending erasures')
    .action(async (options: { list?: boolean }, command: Command) => {
      await withLedger(command, { mustExist: true }, async (opened) => {
        const result = await runErasures(opened.keys, { list: options.list === true })
        await print(result)
        return result.ok ? 0 : 1
      })
    })

  addNotificationVerbs(program)
  addOnboardVerb(program)

  program
    .command('demo')
    .description("simulate Lianyungang's pipeline from 2026 at a scale of the city into the store, then print the dashboard")
    .option('--scale <fraction>', `the fraction of the city simulated: employed persons, stock and count targets (default ${DEFAULT_SCALE_TEXT}; with --talents alone, the scale of that many talents)`)
    .option('--talents <n>', 'simulated talents in all (stock first, then the intake); alone, it picks the scale')
    .option('--until <date>', 'last simulated day, the date of the dashboard (YYYY-MM-DD)', DEMO_UNTIL)
    .option('--seed <n>', 'random seed (same seed, same city)', '2026')
    .option('--durability <mode>', 'SQLite commits: NORMAL (demo default: survives a crash of the process, not always a power cut) or FULL', 'NORMAL')
    .action(async (options: { scale?: string; talents?: string; until: string; seed: string; durability: string }, command: Command) => {
      const scale = options.scale === undefined ? undefined : parseFraction('--scale', options.scale)
      const talents = options.talents === undefined ? undefined : parseCount('--talents', options.talents, 1)
      const until = parseDate('--until', options.until)
      if (until <= '2027-01-01') throw new UsageError(`--until ${until}: the demo simulates from ${DEMO_FROM} and needs more than a year`)
      const seed = parseCount('--seed', options.seed)
      const durability = parseDurability('--durability', options.durability)
      const storeUrl = String(command.optsWithGlobals()['store'])
      let events = 0
      await withLedger(command, { mustExist: false, durability }, async (opened, ledger) => {
        if (!(await isEmpty(opened))) throw new UsageError(`demo needs an empty store: ${storeUrl} already holds events (choose another with --store sqlite:PATH)`)
        const plan = await planDemo({ ...(scale === undefined ? {} : { scale }), ...(talents === undefined ? {} : { talents }), until, seed })
        await printLines(demoIntro(plan, { store: storeUrl, durability }))
        const started = Date.now()
        const run = await runDemo(opened.store, ledger, plan, progressBar('applying commands'))
        events = run.events
        await printLines([...demoHeader(run, { seconds: (Date.now() - started) / 1000 }), ...dashboardText(run.report), ...benefitTotalsText(run.report), ...demoPolicyText(run.report)])
        return 0
      })
      // measured once the store is closed, its write-ahead log folded into the file
      const file = storeUrl.startsWith('sqlite:') ? storeUrl.slice('sqlite:'.length) : null
      if (file !== null && existsSync(file)) await printLines(['', demoFileLine(file, statSync(file).size, events)])
    })

  program
    .command('schema')
    .description('JSON Schema of every command (or one), generated from the codecs')
    .argument('[command]', 'a command type, e.g. RegisterTalent')
    .action(async (type: string | undefined) => {
      if (type !== undefined && !isCommandType(type)) throw new UsageError(`unknown command ${JSON.stringify(type)}: expected one of ${COMMAND_TYPES.join(', ')}`)
      await writeLine(process.stdout, JSON.stringify(type === undefined ? commandCatalogue() : commandSchema(type), null, 2))
    })

  return program
}
