/**
 * `demo [--talents N] [--seed S]`: Lianyungang's skilled-talent pipeline 2026–2035, simulated
 * (seeded, reproducible commands from `@talent-ledger/simulator`) and applied one command at a time
 * through the ledger service into the chosen store, then the dashboard on the last simulated day.
 */
import { cityDashboardProjection, dashboardReport, rebuild, type CityReport, type TalentLedger, type EventStore } from '@talent-ledger/core'
import { PAGE_SIZE } from '../log.js'
import type { Progress } from '../progress.js'

/** Talents the demo simulates unless `--talents` says otherwise. */
export const DEMO_TALENTS = 20_000

/** What a demo run did. */
export interface DemoRun {
  readonly commands: number
  readonly accepted: number
  readonly refused: Readonly<Record<string, number>>
  readonly intendedRefusals: number
  readonly events: number
  /** Notices written with the events: all pending, since no relay runs in a demo. */
  readonly notices: number
  readonly report: CityReport
}

/** Simulates and applies the city; the store must be empty (the caller checks). */
export const runDemo = async (
  store: EventStore,
  ledger: TalentLedger,
  options: { readonly talents: number; readonly seed: number },
  progress: Progress,
): Promise<DemoRun> => {
  // loaded here only: the simulator and its city data are needed by no other verb
  const { simulateCity } = await import('@talent-ledger/simulator')
  const simulation = simulateCity({ talents: options.talents, seed: options.seed })
  const refused: Record<string, number> = {}
  let accepted = 0
  const total = simulation.commands.length
  progress.start(total)
  try {
    for (let i = 0; i < total; i++) {
      const result = await ledger.execute(simulation.commands[i])
      if (result.ok) accepted++
      else refused[result.error.code] = (refused[result.error.code] ?? 0) + 1
      if (i % 200 === 0) progress.update(i)
    }
    progress.update(total)
  } finally {
    progress.stop()
  }
  const { state, position } = await rebuild(store, cityDashboardProjection, (e) => ledger.decode(e).event, { pageSize: PAGE_SIZE })
  const counts = await store.outbox.counts()
  const notices = counts.pending + counts.delivered + counts.parked
  return { commands: total, accepted, refused, intendedRefusals: simulation.intendedRefusals.length, events: position, notices, report: dashboardReport(state, simulation.summary.to) }
}

/**
 * The lines printed before the run starts, so that a newcomer (or a CI log, where no bar is drawn)
 * sees at once what is simulated, how durably it is committed, and how to read the dashboard.
 */
export const demoIntro = (meta: { readonly talents: number; readonly seed: number; readonly store: string; readonly durability: string }): string[] => {
  const sqlite = meta.store.startsWith('sqlite:') ? `, durability ${meta.durability}${meta.durability === 'FULL' ? '' : ' (demo default; --durability FULL for power-loss safety)'}` : ''
  return [
    `talent-ledger demo — ${meta.talents} simulated talents (seed ${meta.seed}) into ${meta.store}${sqlite}`,
    // the targets are the real city's, sized for its whole workforce: a small simulated cohort
    // cannot meet them, and the dashboard would otherwise read as a failure
    `reading it: ${meta.talents} simulated talents are set against the real city's targets, so shares far below target ("not met") are expected; the ledger's figures, not the city's, are the point`,
  ]
}

/** The lines printed after the run, above the dashboard. */
export const demoHeader = (run: DemoRun, meta: { readonly seconds: number }): string[] => {
  const refused = Object.entries(run.refused).map(([code, n]) => `${code} ${n}`).join(', ') || 'none'
  const rate = meta.seconds > 0 ? ` (${Math.round(run.commands / meta.seconds)} commands/s)` : ''
  return [
    `${run.commands} commands in ${meta.seconds.toFixed(1)} s${rate}: accepted ${run.accepted}; refused ${refused} (${run.intendedRefusals} refusals were intended by the simulator); ${run.events} events stored`,
    // the outbox is most of a demo file: say why it stays, and what a deployment does about it
    `${run.notices} notices written with the events stay pending (no relay runs in a demo) and take most of the store; a deployment delivers them (notify) and compacts delivered ones (notifications --compact-delivered 30d)`,
    '',
  ]
}

/** The line printed after the store is closed, for a SQLite file: its size on disk, per event. */
export const demoFileLine = (path: string, bytes: number, events: number): string =>
  `${path}: ${(bytes / 2 ** 20).toFixed(1)} MiB, ${events > 0 ? Math.round(bytes / events) : 0} bytes per event`
