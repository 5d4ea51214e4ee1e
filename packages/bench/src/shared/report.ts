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

/** Each contender's median time of `phase`, leaving out a contender with no (finite) run of it. */
const medians = <K extends string>(times: ReadonlyMap<string, ReadonlyArray<Readonly<Record<K, number>>>>, phase: K): Map<string, number> =>
  new Map(
    [...times]
      .map(([name, runs]) => [name, runs.map((r) => r[phase]).filter(Number.isFinite)] as const)
      .filter(([, ms]) => ms.length > 0)
      .map(([name, ms]) => [name, median(ms)]),
  )

/** The contenders of one headline row: ours, the floor, the raw driver doing our hashing, Emmett (any may be absent). */
export interface HeadlineRow<K extends string> {
  readonly label: string
  readonly phase: K
  readonly ours: string
  readonly floor: string
  readonly raw: string
  readonly emmett?: string
}

/**
 * The headline: per phase, events/s of ours, of the floor (the raw driver on a minimal table, no
 * checks, no hashing), of the raw driver doing our hashing and of Emmett, and ours as a share of
 * the floor's rate (1.00 = at the floor) and as a multiple of Emmett's.
 */
export const headlineTable = <K extends string>(events: number, times: ReadonlyMap<string, ReadonlyArray<Readonly<Record<K, number>>>>, rows: ReadonlyArray<HeadlineRow<K>>): string => {
  const lines = ['| phase | ours events/s | floor events/s | **ours ÷ floor** | raw + our hashing events/s | Emmett events/s | ours ÷ Emmett |', '|---|---:|---:|---:|---:|---:|---:|']
  for (const r of rows) {
    const med = medians(times, r.phase)
    const rate = (name: string | undefined): number | undefined => {
      const ms = name === undefined ? undefined : med.get(name)
      return ms === undefined ? undefined : (events / ms) * 1000
    }
    const [ours, floor, raw, emmett] = [rate(r.ours), rate(r.floor), rate(r.raw), rate(r.emmett)]
    const show = (x: number | undefined): string => (x === undefined ? '—' : fmt(x))
    const share = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(2)}×`)
    lines.push(`| ${r.label} | ${show(ours)} | ${show(floor)} | **${share(ours, floor)}** | ${show(raw)} | ${show(emmett)} | ${share(ours, emmett)} |`)
  }
  return lines.join('\n')
}

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
    const med = medians(times, phase)
    for (const [name, runs] of times) {
      const ms = med.get(name)
      if (ms === undefined) continue
      const all = runs.map((r) => r[phase].toFixed(0)).join(', ')
      lines.push(`| ${label} | ${name} | ${fmt(ms)} | ${fmt((events / ms) * 1000)} | ${ratio(ms, med.get(baselines.raw))} | ${ratio(ms, med.get(baselines.emmett))} | ${all} |`)
    }
  }
  return lines
}
