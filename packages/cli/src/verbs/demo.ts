/**
 * What `demo` does once its options are parsed (program.ts registers the verb and loads this module
 * only when it runs; the simulator itself is loaded by commands/demo.ts when the plan is made):
 * Lianyungang's pipeline simulated into an empty store, then the dashboard.
 */
import { existsSync, statSync } from 'node:fs'
import type { Command } from 'commander'
import { demoFileLine, demoHeader, demoIntro, planDemo, runDemo } from '../commands/demo.js'
import { benefitTotalsText } from '../benefits-text.js'
import { dashboardText } from '../dashboard-text.js'
import { demoPolicyText } from '../demo-policy-text.js'
import { parseCount, parseDate, parseDurability, parseFraction } from '../options.js'
import { printLines } from '../output.js'
import { progressBar } from '../progress.js'
import { UsageError } from '../usage-error.js'
import { DEMO_FROM } from '../verb-defaults.js'
import { isEmpty, withLedger } from '../with-ledger.js'

export interface DemoVerbOptions {
  readonly scale?: string
  readonly talents?: string
  readonly until: string
  readonly seed: string
  readonly durability: string
}

/** Runs `demo`. */
export const runDemoVerb = async (options: DemoVerbOptions, command: Command): Promise<void> => {
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
}
