/**
 * The store benches' headline rows as phase records (record.ts): for each row, the median rate of
 * ours, the floor and Emmett over the same runs the printed headline shows.
 */
import { median } from '../measure.js'
import type { HeadlineRow } from '../shared/report.js'
import { writeRecord, type PhaseId } from './record.js'

/** Events per second of `name`'s median run of `phase`, or undefined without a (finite) run. */
export const medianRate = <K extends string>(events: number, times: ReadonlyMap<string, ReadonlyArray<Readonly<Record<K, number>>>>, name: string | undefined, phase: K): number | undefined => {
  const runs = name === undefined ? [] : (times.get(name) ?? []).map((r) => r[phase]).filter(Number.isFinite)
  return runs.length === 0 ? undefined : (events / median(runs)) * 1000
}

/** Appends one record per headline row to `file` (nothing when undefined); `phases` names each row's phase, in order; `store` prefixes the labels. */
export const writeHeadline = <K extends string>(
  file: string | undefined,
  bench: string,
  store: string,
  events: number,
  times: ReadonlyMap<string, ReadonlyArray<Readonly<Record<K, number>>>>,
  rows: ReadonlyArray<HeadlineRow<K>>,
  phases: ReadonlyArray<PhaseId>,
): void => {
  rows.forEach((row, i) => {
    const phase = phases[i]
    const ours = medianRate(events, times, row.ours, row.phase)
    if (phase === undefined || ours === undefined) return
    const floor = medianRate(events, times, row.floor, row.phase)
    const emmett = medianRate(events, times, row.emmett, row.phase)
    writeRecord(file, { phase, label: `${store} ${row.label}`, unit: 'events/s', ours, ...(floor === undefined ? {} : { floor }), ...(emmett === undefined ? {} : { emmett }), events, bench })
  })
}
