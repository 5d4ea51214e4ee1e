/**
 * The machine-readable result of one headline phase of issues 15 and 14, one JSON line per phase:
 * each bench given `--json FILE` appends its phases' lines to FILE, and the summary (../summary.ts)
 * reads them all back into one table. A rate is in events, commands or rows per second (higher is
 * better), a size in bytes per event (lower is better); `floor` and `emmett` are absent where the
 * bench has none; `baseline` is the rate a scaling aim divides by (one writer, one command a commit).
 */
import { appendFileSync, readFileSync } from 'node:fs'
import os from 'node:os'

/** The phases issues 15 and 14 name, in the order the summary lists them. */
export const PHASES = [
  'postgres-append-1',
  'postgres-append-many',
  'postgres-processes',
  'sqlite-append-full',
  'sqlite-append-normal',
  'sqlite-read',
  'verify',
  'replay',
  'report',
  'storage',
  'command-path',
  'group-commit',
  'onboard',
] as const

/** One of the phases. */
export type PhaseId = (typeof PHASES)[number]

/** What a phase counts: a rate (higher is better) or a size (lower is better). */
export type Unit = 'events/s' | 'commands/s' | 'rows/s' | 'bytes/event'
const UNITS: ReadonlyArray<unknown> = ['events/s', 'commands/s', 'rows/s', 'bytes/event'] satisfies ReadonlyArray<Unit>

/** One phase's figures, as a bench measured them in one run. */
export interface PhaseRecord {
  readonly phase: PhaseId
  /** What the row shows, e.g. "PostgreSQL append, 8 writers". */
  readonly label: string
  readonly unit: Unit
  readonly ours: number
  readonly floor?: number
  readonly emmett?: number
  /** The rate ours is a multiple of, for a scaling aim: one writer process, one command per commit. */
  readonly baseline?: number
  /**
   * The schema floor's rate: the rows ours wrote, written again by the raw driver into our own schema
   * with the phase's transaction boundaries (sqlite/schema-floor.ts). Context, judged by no aim.
   */
  readonly schemaFloor?: number
  /** The schema floor at the baseline's boundaries (group commit: one command a commit). */
  readonly schemaFloorBaseline?: number
  /** Events per CPU second of this process (user + sys), where the bench measured its CPU time. */
  readonly cpu?: { readonly ours: number; readonly floor?: number; readonly schemaFloor?: number }
  /** What the phase handled, in its unit's kind: events, commands or rows. */
  readonly events: number
  /** The bench that measured it (its script name). */
  readonly bench: string
  /** The load average (1, 5, 15 minutes) when the figures were taken. */
  readonly load: ReadonlyArray<number>
}

/** The record's fields a bench fills in; the load average is taken when it is written. */
export type PhaseFigures = Omit<PhaseRecord, 'load'>

/** Appends `figures` (with the load average now) as one JSON line to `file`; nothing when `file` is undefined. */
export const writeRecord = (file: string | undefined, figures: PhaseFigures): void => {
  if (file === undefined) return
  const record: PhaseRecord = { ...figures, load: os.loadavg() }
  appendFileSync(file, `${JSON.stringify(record)}\n`)
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)
const isOptionalNumber = (x: unknown): boolean => x === undefined || isNumber(x)

/** The first field of `x` that does not fit a `PhaseRecord`, or null when it fits. */
export const recordFault = (x: unknown): string | null => {
  if (typeof x !== 'object' || x === null) return 'the line is not an object'
  const r = x as Record<string, unknown>
  if (!(PHASES as ReadonlyArray<unknown>).includes(r.phase)) return 'phase'
  if (typeof r.label !== 'string') return 'label'
  if (!UNITS.includes(r.unit)) return 'unit'
  if (!isNumber(r.ours)) return 'ours'
  if (!isOptionalNumber(r.floor)) return 'floor'
  if (!isOptionalNumber(r.emmett)) return 'emmett'
  if (!isOptionalNumber(r.baseline)) return 'baseline'
  if (!isOptionalNumber(r.schemaFloor)) return 'schemaFloor'
  if (!isOptionalNumber(r.schemaFloorBaseline)) return 'schemaFloorBaseline'
  if (r.cpu !== undefined) {
    const c = r.cpu as Record<string, unknown> | null
    if (typeof c !== 'object' || c === null || !isNumber(c.ours) || !isOptionalNumber(c.floor) || !isOptionalNumber(c.schemaFloor)) return 'cpu'
  }
  if (!isNumber(r.events)) return 'events'
  if (typeof r.bench !== 'string') return 'bench'
  if (!Array.isArray(r.load) || !r.load.every(isNumber)) return 'load'
  return null
}

/** Every record of `file`, checked field by field; a line that does not fit stops with its line number and field. */
export const readRecords = (file: string): PhaseRecord[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const x: unknown = JSON.parse(line)
      const fault = recordFault(x)
      if (fault !== null) throw new Error(`${file}, line ${i + 1}: not a phase record (${fault})`)
      return x as PhaseRecord
    })
