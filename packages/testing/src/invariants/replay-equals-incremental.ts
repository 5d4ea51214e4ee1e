/**
 * Invariant 4 — replay equals the state built incrementally (ARCHITECTURE.md: projections are
 * rebuildable from the log with identical results). Every stream folded from its events at once,
 * folded from a checkpoint halfway, and folded from events that went through JSON and the event
 * codecs, gives the state the run built command by command; the city dashboard agrees likewise.
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  EventData,
  cityDashboardProjection,
  cityDecider,
  organizationDecider,
  policyDecider,
  project,
  type EventType,
  type LedgerEvent,
} from '@talent-ledger/core'
import { defineInvariant } from './invariant.js'
import { firstDifference, viaJson } from './json.js'

/** An event back from JSON text through its codec (what a store read gives). */
const fromJson = (e: LedgerEvent): LedgerEvent => {
  const raw = viaJson(e) as { type: EventType; data: unknown }
  const data = EventData[raw.type].decode(raw.data)
  if (E.isLeft(data)) throw new Error(`${raw.type} does not decode after a JSON round trip`)
  return { type: raw.type, data: data.right } as LedgerEvent
}

/** Folding the log at once, from a checkpoint, or after JSON round trips equals the incremental state. */
export const replayEqualsIncremental = defineInvariant(
  'replayEqualsIncremental',
  'replaying the log (at once, from a checkpoint, or through JSON) gives the state built command by command',
  (run, talent) => {
    const found: string[] = []
    const reread = run.log.map((l) => fromJson(l.event))
    const streams = new Map<string, Array<{ event: LedgerEvent; reread: LedgerEvent }>>()
    run.log.forEach(({ stream, event }, i) => {
      const entry = { event, reread: reread[i]! }
      const list = streams.get(stream)
      if (list === undefined) streams.set(stream, [entry])
      else list.push(entry)
    })
    const expect = (what: string, replayed: unknown, built: unknown): void => {
      const d = firstDifference(replayed, built)
      if (d !== null) found.push(`${what}: replay differs from the incremental state at ${d}`)
    }
    for (const [stream, entries] of streams) {
      const events = entries.map((x) => x.event)
      const half = Math.floor(events.length / 2)
      const [head, tail] = [events.slice(0, half), events.slice(half)]
      const fold = <S>(evolve: (s: S, e: never) => S, initial: S, built: unknown): void => {
        const at = (es: ReadonlyArray<LedgerEvent>, from: S): S => es.reduce((s, e) => evolve(s, e as never), from)
        expect(`${stream} folded at once`, at(events, initial), built)
        expect(`${stream} folded from a checkpoint`, at(tail, at(head, initial)), built)
        expect(`${stream} folded from JSON`, at(entries.map((x) => x.reread), initial), built)
        expect(`${stream} state through JSON`, viaJson(built), built)
      }
      if (stream.startsWith('talent-')) fold(talent.evolve, talent.initialState, run.talents[stream.slice('talent-'.length)])
      else if (stream.startsWith('org-')) fold(organizationDecider.evolve, organizationDecider.initialState, run.organizations[stream.slice('org-'.length)])
      else if (stream === 'city') fold(cityDecider.evolve, cityDecider.initialState, run.city)
      else if (stream === 'policy') fold(policyDecider.evolve, policyDecider.initialState, run.policies)
      else found.push(`${stream}: a stream no aggregate owns`)
    }
    const all = run.log.map((l) => l.event)
    const half = Math.floor(all.length / 2)
    const dashboard = project(cityDashboardProjection, all)
    expect('city dashboard from a checkpoint', project(cityDashboardProjection, all.slice(half), project(cityDashboardProjection, all.slice(0, half))), dashboard)
    expect('city dashboard from JSON', project(cityDashboardProjection, reread), dashboard)
    return found
  },
)
