/**
 * The headline of `pnpm bench`: one Markdown table, one row per phase of issues 15 and 14 — ours,
 * the floor, ours ÷ floor, Emmett, ours ÷ Emmett, the issue's aim and whether this run's figures
 * meet it, with the figure it was judged on — then a line per CPU-timed phase and the load average
 * the runs saw. A phase no bench reported is listed as not measured, so a failed bench cannot hide
 * as a met aim.
 */
import { AIMS, describeAim, emmettRatio, floorRatio, judgeAll, judgedFigure, judgedRate } from './aims.js'
import { PHASES, type PhaseRecord } from './record.js'

const LABELS: Readonly<Record<(typeof PHASES)[number], string>> = {
  'postgres-append-1': 'PostgreSQL append, 1 writer',
  'postgres-append-many': 'PostgreSQL append, concurrent writers',
  'postgres-processes': 'PostgreSQL append, 8 writer processes against 1',
  'sqlite-append-full': 'SQLite append, synchronous = FULL',
  'sqlite-append-normal': 'SQLite append, synchronous = NORMAL',
  'sqlite-read': 'SQLite read every stream',
  verify: 'verify (demo-sized ledger file)',
  replay: 'replay into the report, from memory',
  report: 'CLI report of the whole log',
  storage: 'storage: file ÷ export, bytes per event',
  'command-path': 'ledger command path (one command, one commit)',
  'group-commit': 'group commit (`executeMany`) against one command a commit',
  onboard: 'onboarding a registry file, SQLite FULL',
}

/** Thousands-separated whole number. */
const whole = (n: number): string => Math.round(n).toLocaleString('en-US')
const show = (n: number | undefined): string => (n === undefined ? '—' : whole(n))
// a replay far below its floor still shows two significant digits, not 0.00×
const times = (x: number | undefined): string => (x === undefined ? '—' : `${x >= 0.1 ? x.toFixed(2) : x.toPrecision(2)}×`)

/** The summary table of `records` (the last record of a phase wins, so a rerun bench replaces its rows). */
export const summaryTable = (records: ReadonlyArray<PhaseRecord>): string => {
  const byPhase = new Map(records.map((r) => [r.phase, r]))
  const lines = ['| phase | ours | floor | ours ÷ floor | Emmett | ours ÷ Emmett | aim | this run |', '|---|---:|---:|---:|---:|---:|---|---|']
  for (const phase of PHASES) {
    const r = byPhase.get(phase)
    const aims = AIMS[phase]
    const aim = aims.map(describeAim).join(', ')
    if (r === undefined) {
      lines.push(`| ${LABELS[phase]} | not measured | | | | | ${aim} | no figure |`)
      continue
    }
    const verdict = judgeAll(aims, r)
    const figures = aims.map((a) => judgedFigure(a, r)).filter((f) => f !== undefined)
    const shown = verdict === 'no aim' ? '—' : `${verdict === 'met' ? '**met**' : verdict}${figures.length === 0 ? '' : ` (${figures.join(', ')})`}`
    lines.push(`| ${r.label} | ${show(r.ours)} | ${show(r.floor)} | ${times(floorRatio(r))} | ${show(r.emmett)} | ${times(emmettRatio(r))} | ${aim === '' ? '— (context)' : aim} | ${shown} |`)
  }
  return lines.join('\n')
}

/** One line per phase whose CPU time was measured, and the load average over the records. */
export const summaryNotes = (records: ReadonlyArray<PhaseRecord>): string => {
  const notes: string[] = []
  for (const r of records) {
    const c = r.cpu
    if (c !== undefined) notes.push(`${r.label}: ${whole(c.ours)} ${r.unit.replace('/s', '')} per CPU second${c.floor === undefined ? '' : ` (floor ${whole(c.floor)}, ${(c.ours / c.floor).toFixed(2)}×)`}; the rate aim is judged on ${whole(judgedRate(r))}`)
  }
  const loads = records.map((r) => r.load[0]).filter((l): l is number => l !== undefined)
  if (loads.length > 0) notes.push(`load average (1 min) when the phases were taken: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`)
  return notes.join('\n')
}
