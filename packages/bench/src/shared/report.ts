/**
 * The store benches' comparison table: per phase, each contender's median time, its rate, and its
 * time as a multiple of the raw driver's and of Emmett's (1.00× = as fast; above 1 = slower).
 */
import { median } from '../measure.js'

/** Which contenders the ratio columns divide by. */
export interface Baselines {
  readonly raw: string
  readonly emmett: string
}

/** Thousands-separated whole number. */
export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')
const ratio = (ms: number, base: number | undefined): string => (base === undefined ? '—' : `${(ms / base).toFixed(2)}×`)

/** The table's header lines. */
export const HEADER = ['| phase | contender | median ms | events/s | time vs raw | time vs Emmett | runs (ms) |', '|---|---|---:|---:|---:|---:|---|']

/**
 * One row per phase and contender: `times` holds each contender's runs, `phases` the keys to show
 * with their labels. A contender without runs of a phase is left out of that phase.
 */
export const comparisonRows = <K extends string>(
  events: number,
  times: ReadonlyMap<string, ReadonlyArray<Readonly<Record<K, number>>>>,
  phases: ReadonlyArray<readonly [K, string]>,
  baselines: Baselines,
): string[] => {
  const lines: string[] = []
  for (const [phase, label] of phases) {
    const med = new Map([...times].filter(([, runs]) => runs.length > 0).map(([name, runs]) => [name, median(runs.map((r) => r[phase]))]))
    for (const [name, runs] of times) {
      const ms = med.get(name)
      if (ms === undefined) continue
      const all = runs.map((r) => r[phase].toFixed(0)).join(', ')
      lines.push(`| ${label} | ${name} | ${fmt(ms)} | ${fmt((events / ms) * 1000)} | ${ratio(ms, med.get(baselines.raw))} | ${ratio(ms, med.get(baselines.emmett))} | ${all} |`)
    }
  }
  return lines
}
