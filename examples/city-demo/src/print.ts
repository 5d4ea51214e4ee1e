/**
 * Prints a run's dashboard as plain text: the targets first, then levels by district and
 * trainings by field.
 */
import { REPORT_LEVELS } from '@talent-ledger/core'
import type { CityRun } from './run-city.js'

/** Terminal width of a string: CJK characters take two columns. */
const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0)
const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)))

const fmt = (n: number | null, unit = ''): string => (n === null ? 'not reported' : `${n.toLocaleString('en-US')}${unit}`)

/** Writes the dashboard to stdout. */
export const printDashboard = (run: CityRun, meta: { readonly talents: number; readonly seed: number; readonly seconds: number }): void => {
  const r = run.report
  const refused = Object.entries(run.refused).map(([code, n]) => `${code} ${n}`).join(', ') || 'none'
  console.log(`talent-ledger demo — ${meta.talents} simulated talents (seed ${meta.seed}), ${run.commands} commands in ${meta.seconds.toFixed(1)} s`)
  console.log(`accepted ${run.accepted}; refused ${refused} (${run.intendedRefusals} refusals were intended by the simulator); ${run.events} events stored`)
  console.log(`\nCity dashboard as of ${r.asOf} (policy ${r.policyId})`)
  for (const t of r.targets) {
    const unit = t.id.endsWith('share') ? ' %' : ''
    console.log(`  ${t.met ? '✓' : '·'} ${t.id.padEnd(22)} target ${fmt(t.target, unit).padStart(10)}   actual ${fmt(t.actual, unit).padStart(12)}`)
  }
  console.log(`  talents ${fmt(r.talentsTotal)}, skilled ${fmt(r.skilledTotal)}, high-skilled ${fmt(r.highSkilledTotal)}, employed persons ${fmt(r.employedPersons)} (${r.employedPersonsYear ?? '—'})`)
  console.log('\nLevels by district')
  const levels = REPORT_LEVELS.filter((l) => Object.values(r.levelsByDistrict).some((d) => (d[l] ?? 0) > 0))
  console.log(`  ${padEnd('district', 10)}${levels.map((l) => l.slice(0, 10).padStart(11)).join('')}`)
  for (const [district, counts] of Object.entries(r.levelsByDistrict).sort())
    console.log(`  ${padEnd(district, 10)}${levels.map((l) => String(counts[l] ?? 0).padStart(11)).join('')}`)
  console.log('\nTrainings by field (enrolled / completed)')
  for (const [field, t] of Object.entries(r.trainingsByField).sort()) console.log(`  ${field.padEnd(24)} ${String(t.enrolled).padStart(7)} / ${t.completed}`)
}
