/**
 * The store benchmarks' workload (SQLite and PostgreSQL): the simulated city run through the pure
 * deciders (`runPure`), cut back into the batches the ledger appended — one command's events on one
 * stream, with the version the stream had before. Every contender appends these batches in this
 * order, so all of them store the same events with the same payloads and end with the same hash
 * chains.
 */
import type { NewEvent, RecordedEvent } from '@talent-ledger/core'
import { simulateCity } from '@talent-ledger/testing'
import { runPure } from '../pure-ledger.js'

/** One command's events on one stream, appended with the expected version `expected`. */
export interface Batch {
  readonly streamId: string
  readonly expected: number
  readonly events: ReadonlyArray<NewEvent>
}

/** What every contender is given. */
export interface Workload {
  readonly batches: ReadonlyArray<Batch>
  /** Every stream id, in order of first append. */
  readonly streams: ReadonlyArray<string>
  readonly events: number
  /** The city's raw commands, for the full ledger path. */
  readonly commands: ReadonlyArray<unknown>
  readonly talents: number
  /** The simulation's last day: the dashboard report is taken as of it. */
  readonly to: string
  /** The sealed log the pure run produced: the hashes every store must reproduce. */
  readonly log: ReadonlyArray<RecordedEvent>
  readonly buildMs: number
}

/** The new-event part of a sealed event (what a caller hands to `append`). */
export const newEventOf = (e: RecordedEvent): NewEvent => ({
  eventId: e.eventId,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  metadata: e.metadata,
})

/** Cuts a sealed log into per-command batches: consecutive events of one stream and one correlation id. */
export const batchesOf = (log: ReadonlyArray<RecordedEvent>): Batch[] => {
  const batches: Array<{ streamId: string; expected: number; correlationId: string; events: NewEvent[] }> = []
  for (const e of log) {
    const last = batches[batches.length - 1]
    if (last !== undefined && last.streamId === e.streamId && last.correlationId === e.metadata.correlationId) last.events.push(newEventOf(e))
    else batches.push({ streamId: e.streamId, expected: e.version - 1, correlationId: e.metadata.correlationId, events: [newEventOf(e)] })
  }
  return batches.map(({ streamId, expected, events }) => ({ streamId, expected, events }))
}

/** Simulates enough talents of `seed` for about `target` events and decides them with the pure deciders. */
export const buildWorkload = async (target: number, seed: number): Promise<Workload> => {
  const t0 = performance.now()
  // size the city from a pilot of the same seed, as the fold bench does
  const pilotTalents = Math.min(1000, Math.max(50, Math.ceil(target / 60)))
  const pilot = (await runPure(simulateCity({ talents: pilotTalents, seed }).commands)).log
  const shared = pilot.filter((e) => !e.streamId.startsWith('talent-')).length
  const talents = Math.max(1, Math.ceil((target - shared) / ((pilot.length - shared) / pilotTalents)))
  const simulation = simulateCity({ talents, seed })
  const { log } = await runPure(simulation.commands)
  const streams = [...new Set(log.map((e) => e.streamId))]
  return {
    batches: batchesOf(log),
    streams,
    events: log.length,
    commands: simulation.commands,
    talents,
    to: simulation.summary.to,
    log,
    buildMs: performance.now() - t0,
  }
}
