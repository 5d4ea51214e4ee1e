/**
 * `demo [--scale F] [--talents N] [--until DATE] [--seed S]`: Lianyungang's skilled-talent pipeline
 * from 2026, simulated at a stated scale of the city (seeded, reproducible commands from
 * `@talent-ledger/simulator`: a stock of certified workers recorded from their prior certificates,
 * an intake that trains and climbs, the demo policy with the count targets scaled) and applied one
 * command at a time through the ledger service into the chosen store, then the dashboard on the last
 * simulated day. Precedence: `--scale` decides the city (employed persons, targets, stock);
 * `--talents` the talents simulated in all; `--talents` alone picks the scale of that many.
 */
import type { Command, EventStore, TalentLedger } from '@talent-ledger/core'
import type { CityAtScale, IntendedRefusal } from '@talent-ledger/simulator'
import type { Progress } from '../progress.js'
import { scalePercent } from '../dashboard-text.js'
import { replayCityReport, type CityReportWithBenefits } from './report.js'

import { DEMO_FROM } from '../verb-defaults.js'

// the demo's first and last simulated days live with the other defaults --help names
export { DEMO_FROM, DEMO_UNTIL } from '../verb-defaults.js'

/** What the demo is asked for. */
export interface DemoOptions {
  readonly scale?: number
  readonly talents?: number
  readonly until: string
  readonly seed: number
}

/** The simulated city, before anything is applied. */
export interface DemoPlan {
  readonly city: CityAtScale
  readonly seed: number
  readonly from: string
  readonly until: string
  readonly policyId: string
  readonly housingYuan: number
  readonly livingYuanPerMonth: number
  readonly commands: ReadonlyArray<Command>
  readonly intendedRefusals: ReadonlyArray<IntendedRefusal>
}

/** What a demo run did. */
export interface DemoRun {
  readonly commands: number
  readonly accepted: number
  readonly refused: Readonly<Record<string, number>>
  readonly intendedRefusals: number
  readonly events: number
  /** Notices written with the events: all pending, since no relay runs in a demo. */
  readonly notices: number
  readonly report: CityReportWithBenefits
}

const HOUSING_YUAN = 20_000
const LIVING_YUAN_PER_MONTH = 600

/** Sizes the city and generates its commands (the simulator is loaded here only: no other verb needs it). */
export const planDemo = async (options: DemoOptions): Promise<DemoPlan> => {
  const { cityAtScale, simulateCity, DEMO_POLICY_ID } = await import('@talent-ledger/simulator')
  const city = cityAtScale({ from: DEMO_FROM, to: options.until, ...(options.scale === undefined ? {} : { scale: options.scale }), ...(options.talents === undefined ? {} : { talents: options.talents }) })
  const simulation = simulateCity({
    talents: city.pipeline,
    stock: city.stock,
    scale: city.scale,
    employedPersons: city.employedPersons,
    seed: options.seed,
    from: DEMO_FROM,
    to: options.until,
    housingSubsidyYuan: HOUSING_YUAN,
    livingAllowanceYuan: LIVING_YUAN_PER_MONTH,
  })
  return {
    city,
    seed: options.seed,
    from: DEMO_FROM,
    until: options.until,
    policyId: DEMO_POLICY_ID,
    housingYuan: HOUSING_YUAN,
    livingYuanPerMonth: LIVING_YUAN_PER_MONTH,
    commands: simulation.commands,
    intendedRefusals: simulation.intendedRefusals,
  }
}

/** Commands the demo commits together (group commit, as `apply` does for a file). */
export const DEMO_BATCH = 1000

/**
 * Applies the plan; the store must be empty (the caller checks). The commands go through
 * `executeMany` in batches of `DEMO_BATCH`: one store transaction each, the same results as one at a time.
 */
export const runDemo = async (store: EventStore, ledger: TalentLedger, plan: DemoPlan, progress: Progress): Promise<DemoRun> => {
  const refused: Record<string, number> = {}
  let accepted = 0
  const total = plan.commands.length
  progress.start(total)
  try {
    for (let i = 0; i < total; i += DEMO_BATCH) {
      for (const result of await ledger.executeMany(plan.commands.slice(i, i + DEMO_BATCH))) {
        if (result.ok) accepted++
        else refused[result.error.code] = (refused[result.error.code] ?? 0) + 1
      }
      progress.update(Math.min(total, i + DEMO_BATCH))
    }
    progress.update(total)
  } finally {
    progress.stop()
  }
  // the report `report --as-of` prints on the same file: one projection, read the same way
  const { report, position } = await replayCityReport(store, ledger, plan.until)
  const counts = await store.outbox.counts()
  const notices = counts.pending + counts.delivered + counts.parked
  return { commands: total, accepted, refused, intendedRefusals: plan.intendedRefusals.length, events: position, notices, report }
}

const n = (x: number): string => x.toLocaleString('en-US')

/** Students and teachers a school registers (DOMAIN.md §11): talents of the ledger beyond the simulated workforce. */
const schoolPeople = (commands: DemoPlan['commands']): number =>
  commands.filter((c) => c.type === 'RegisterTalent' && (c.data.relation === 'student' || c.data.relation === 'teacher')).length

/**
 * The lines printed before the run starts, so that a newcomer (or a CI log, where no bar is drawn)
 * sees at once the scale simulated, what is simulated, the demo policy, and how durably it is committed.
 */
export const demoIntro = (plan: DemoPlan, meta: { readonly store: string; readonly durability: string }): string[] => {
  const { city } = plan
  const sqlite = meta.store.startsWith('sqlite:') ? `, durability ${meta.durability}${meta.durability === 'FULL' ? '' : ' (demo default; --durability FULL for power-loss safety)'}` : ''
  return [
    `talent-ledger demo — Lianyungang at scale ${city.scale} (${scalePercent(city.scale)} of the city): ${n(city.employedPersons)} employed persons, ${n(city.stock + city.pipeline)} simulated talents (seed ${plan.seed}), ${plan.from} … ${plan.until}, into ${meta.store}${sqlite}`,
    `the city: ${n(city.stock)} talents already certified (prior certificates issued before 2026: skilled ≈ 30 % of the employed, high-skilled ≈ 30 % of the skilled), ${n(city.pipeline)} entering over the span; the vocational schools register ${n(schoolPeople(plan.commands))} students and teachers of their own (in the dashboard's talents too); docs/rules.md lists the assumptions`,
    // the demo policy is not the shipped default: say what it sets, so nobody reads its money as national policy
    `policy: the demo policy ${plan.policyId} (from ${plan.from}) sets the housing subsidy (${n(plan.housingYuan)} 元 at senior, more at higher levels, in yearly instalments) and the living allowance (${n(plan.livingYuanPerMonth)} 元 a month at senior, more at higher levels), which the default policy leaves unset, the level a masters' studio's master holds, senior-post terms and quotas, two featured-industry standards and who is entitled to which service, and scales the count targets ×${city.scale}; the shares are the city's own`,
  ]
}

/** The lines printed after the run, above the dashboard. */
export const demoHeader = (run: DemoRun, meta: { readonly seconds: number }): string[] => {
  const refused = Object.entries(run.refused).map(([code, k]) => `${code} ${k}`).join(', ') || 'none'
  const rate = meta.seconds > 0 ? ` (${Math.round(run.commands / meta.seconds)} commands/s)` : ''
  return [
    `${run.commands} commands in ${meta.seconds.toFixed(1)} s${rate}: accepted ${run.accepted}; refused ${refused} (${run.intendedRefusals} refusals were intended by the simulator); ${run.events} events stored`,
    // the outbox is most of a demo file: say why it stays, and what a deployment does about it
    `${run.notices} notices written with the events stay pending (no relay runs in a demo), kept in the store until delivered; a deployment delivers them (notify) and compacts delivered ones (notifications --compact-delivered 30d)`,
    '',
  ]
}

/** The line printed after the store is closed, for a SQLite file: its size on disk, per event. */
export const demoFileLine = (path: string, bytes: number, events: number): string =>
  `${path}: ${(bytes / 2 ** 20).toFixed(1)} MiB, ${events > 0 ? Math.round(bytes / events) : 0} bytes per event`
