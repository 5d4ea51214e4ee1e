/**
 * The event catalogue: every aggregate's events as io-ts codecs of their `data`, keyed by type, as
 * the aggregates register them (aggregates.ts). NOTE: these shapes are the storage format and are
 * covered by the hash chain: never change one in place; add a new `schemaVersion` and an upcaster
 * (kernel/upcasting.ts) instead.
 */
import { mergedCodecs, type AllEventData, type LedgerEvent } from './aggregates.js'
import type { EventsOf } from './messages.js'

/** `data` codec of each event type (schemaVersion 1). */
export const EventData: AllEventData = mergedCodecs('events')

export type EventType = keyof AllEventData & string
/** Event type names. */
export const EVENT_TYPES = Object.keys(EventData) as EventType[]
/**
 * The schema version of every event type that never changed shape (most of them); a type that did
 * is written with `schemaVersionOf(type)` (upcasters.ts).
 */
export const CURRENT_SCHEMA_VERSION = 1

/** A domain event of one type. */
export type EventOf<K extends EventType> = EventsOf<Pick<AllEventData, K>>
export type { LedgerEvent }
export type { TalentEvent } from './talent/events.js'
export { CertificationRoute } from './talent/events.js'
export { SealedPersonalData } from './personal-data.js'
