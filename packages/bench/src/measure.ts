/**
 * Timing for the benchmarks: a warm-up run, then the median of several, reported in events per
 * second as a Markdown table.
 */

/** One measured row of the table. */
export interface Measurement {
  readonly name: string
  readonly events: number
  /** Timed runs after the warm-up, in milliseconds; empty when the row was skipped. */
  readonly runsMs: ReadonlyArray<number>
  readonly note?: string
}

const time = (fn: () => void): number => {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

/** The median of the runs (the mean of the middle two for an even count). */
export const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** Events per second of a row (median run), or null when it was not run. */
export const rate = (m: Measurement): number | null => (m.runsMs.length === 0 ? null : (m.events / median(m.runsMs)) * 1000)

/** A warm-up (`fn` itself unless a cheaper `warmUp` on part of the data is given), then `runs` timed runs. */
export const measure = (name: string, events: number, fn: () => void, runs: number, warmUp: () => void = fn): Measurement => {
  warmUp()
  return { name, events, runsMs: Array.from({ length: runs }, () => time(fn)) }
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')

/** The rows as a Markdown table. */
export const table = (rows: ReadonlyArray<Measurement>): string => {
  const lines = ['| measurement | events | median ms | events/s | runs (ms) |', '|---|---:|---:|---:|---|']
  for (const m of rows) {
    const r = rate(m)
    const runs = m.runsMs.map((x) => x.toFixed(0)).join(', ')
    lines.push(`| ${m.name} | ${fmt(m.events)} | ${m.runsMs.length === 0 ? '—' : median(m.runsMs).toFixed(0)} | ${r === null ? '—' : fmt(r)} | ${[runs, m.note].filter((x) => x !== undefined && x !== '').join('; ')} |`)
  }
  return lines.join('\n')
}

/**
 * What `f` returned, with the wall-clock milliseconds it took and this process's CPU milliseconds
 * (user + sys, every thread): on a shared machine the CPU time moves less with the load.
 */
export const timedWithCpu = async <T>(f: () => T | Promise<T>): Promise<{ readonly result: T; readonly ms: number; readonly cpuMs: number }> => {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const result = await f()
  const ms = performance.now() - t0
  const c = process.cpuUsage(c0)
  return { result, ms, cpuMs: (c.user + c.system) / 1000 }
}
