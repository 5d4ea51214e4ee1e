/**
 * The in-memory side of the pure tools (specs, the invariants' pure ledger): a history of domain
 * events filed into a fresh memory store, each in the stream the aggregate registry says it belongs
 * to, and the envelopes decided events are appended in. Fixed actor, ids and record time: these
 * tools never read a clock, and nothing they run depends on an envelope.
 */
import {
  businessDateOf,
  schemaVersionOf,
  streamOfEvent,
  type Clock,
  type DomainEvent,
  type EventStore,
  type NewEvent,
  type StoredActor,
} from '@talent-ledger/core'
import { createMemoryEventStore, type MemoryEventStore } from '@talent-ledger/store-memory'

/** The record time of every event the pure tools store. */
export const PURE_RECORDED_AT = '2026-12-07T00:00:00.000Z'

/** The clock of the pure tools' stores (outbox rows only): always `PURE_RECORDED_AT`. */
export const pureClock: Clock = { now: () => PURE_RECORDED_AT }

/** Who the given events of a history were issued by (no decision reads it). */
const GIVEN_BY: StoredActor = { id: 'given', role: 'hr-bureau' }

/** Envelopes for events decided on a command of `actor`, dated `occurredOn`, with ids from `nextId`. */
export const stampWith =
  (actor: StoredActor, occurredOn: string, nextId: () => string) =>
  (events: ReadonlyArray<DomainEvent>): NewEvent[] =>
    events.map((e) => ({
      eventId: nextId(),
      type: e.type,
      schemaVersion: schemaVersionOf(e.type),
      data: e.data,
      metadata: { actor, correlationId: 'pure', causationId: null, occurredOn, recordedAt: PURE_RECORDED_AT },
    }))

/** Appends each event of `history` to its stream (consecutive events of one stream in one append). */
export const fileHistory = async (store: EventStore, history: ReadonlyArray<DomainEvent>, fallbackDate: string): Promise<void> => {
  let n = 0
  const batches: Array<{ readonly stream: string; readonly events: NewEvent[] }> = []
  for (const [i, e] of history.entries()) {
    const stream = streamOfEvent(e)
    if (stream === null) throw new Error(`given event #${i} (${e.type}) belongs to no aggregate`)
    const last = batches[batches.length - 1]
    const stamped = stampWith(GIVEN_BY, businessDateOf(e) ?? fallbackDate, () => `given-${++n}`)([e])
    if (last?.stream === stream) last.events.push(...stamped)
    else batches.push({ stream, events: stamped })
  }
  for (const { stream, events } of batches) await store.append(stream, events, 'any')
}

/** A fresh memory store holding `history`. */
export const storeWithHistory = async (history: ReadonlyArray<DomainEvent>, fallbackDate: string): Promise<MemoryEventStore> => {
  const store = createMemoryEventStore({ clock: pureClock })
  await fileHistory(store, history, fallbackDate)
  return store
}
