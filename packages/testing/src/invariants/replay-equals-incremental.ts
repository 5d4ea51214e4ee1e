/**
 * Invariant 4 — replay equals the state built incrementally (ARCHITECTURE.md: projections are
 * rebuildable from the log with identical results). Every stream the run wrote, folded by its own
 * category from its stored rows at once, from a checkpoint halfway, and from rows that went
 * through JSON and the envelope and event codecs, gives the state the runner built command by
 * command; the city dashboard agrees likewise. The folds are the ones the pure ledger captured
 * when it decided on each stream (`RunStream.replay`): no aggregate is named here.
 */
import * as E from 'fp-ts/lib/Either.js'
import { EventData, RecordedEvent, cityDashboardProjection, project, type EventType, type LedgerEvent } from '@talent-ledger/core'
import { defineInvariant } from './invariant.js'
import { firstDifference, viaJson } from './json.js'

/** An event back from JSON text through its codec (what a store read gives). */
const fromJson = (e: LedgerEvent): LedgerEvent => {
  const raw = viaJson(e) as { type: EventType; data: unknown }
  const data = EventData[raw.type].decode(raw.data)
  if (E.isLeft(data)) throw new Error(`${raw.type} does not decode after a JSON round trip`)
  return { type: raw.type, data: data.right } as LedgerEvent
}

/** A stored row back from JSON text through the envelope codec. */
const rowFromJson = (row: RecordedEvent): RecordedEvent => {
  const back = RecordedEvent.decode(viaJson(row))
  if (E.isLeft(back)) throw new Error(`${row.streamId} v${row.version}: the envelope does not decode after a JSON round trip`)
  return back.right
}

/** Folding the log at once, from a checkpoint, or after JSON round trips equals the incremental state. */
export const replayEqualsIncremental = defineInvariant(
  'replayEqualsIncremental',
  'replaying the log (at once, from a checkpoint, or through JSON) gives the state built command by command',
  (run) => {
    const found: string[] = []
    const expect = (what: string, replayed: unknown, built: unknown): void => {
      const d = firstDifference(replayed, built)
      if (d !== null) found.push(`${what}: replay differs from the incremental state at ${d}`)
    }
    for (const { stream, rows, built, replay } of run.streams) {
      const half = Math.floor(rows.length / 2)
      expect(`${stream} folded at once`, replay(rows), built)
      expect(`${stream} folded from a checkpoint`, replay(rows.slice(half), rows.slice(0, half)), built)
      expect(`${stream} folded from JSON`, replay(rows.map(rowFromJson)), built)
      expect(`${stream} state through JSON`, viaJson(built), built)
    }
    const all = run.log.map((l) => l.event)
    const reread = all.map(fromJson)
    const half = Math.floor(all.length / 2)
    const dashboard = project(cityDashboardProjection, all)
    expect('city dashboard from a checkpoint', project(cityDashboardProjection, all.slice(half), project(cityDashboardProjection, all.slice(0, half))), dashboard)
    expect('city dashboard from JSON', project(cityDashboardProjection, reread), dashboard)
    return found
  },
)
