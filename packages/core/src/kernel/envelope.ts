/**
 * The stored shape of an event (ARCHITECTURE.md "Envelope"). These codecs are the storage format:
 * version them with care. Every store read is decoded with `RecordedEvent` before it is trusted.
 */
import * as t from 'io-ts'
import { LocalDate, Timestamp } from './dates.js'

/**
 * Who issued the command an event records: an id and a role, as text. Which roles exist is the
 * domain's word (it checks them on every command and every event it decodes): the envelope only
 * carries them.
 */
export const Actor = t.type({ id: t.string, role: t.string })
export type Actor = t.TypeOf<typeof Actor>

/** Who, why and when, carried by every event. */
export const EventMetadata = t.type({
  actor: Actor,
  correlationId: t.string,
  causationId: t.union([t.string, t.null]),
  occurredOn: LocalDate,
  recordedAt: Timestamp,
})
export type EventMetadata = t.TypeOf<typeof EventMetadata>

/** An event handed to `EventStore.append`: the store adds version, position and hashes. */
export const NewEvent = t.type({
  eventId: t.string,
  type: t.string,
  schemaVersion: t.number,
  data: t.unknown,
  metadata: EventMetadata,
})
export type NewEvent = t.TypeOf<typeof NewEvent>

const SHA256_HEX = /^[0-9a-f]{64}$/
const Sha256Hex = t.refinement(t.string, (s) => SHA256_HEX.test(s), 'Sha256Hex')

/** The fields the hash covers: everything but `globalPosition`, `prevHash` and `hash`. */
export const HashedFields = t.type({
  eventId: t.string,
  streamId: t.string,
  version: t.number,
  type: t.string,
  schemaVersion: t.number,
  data: t.unknown,
  metadata: EventMetadata,
})
export type HashedFields = t.TypeOf<typeof HashedFields>

/**
 * An event as a store returns it: the hashed fields plus position and hashes. One flat `t.type`
 * (not an intersection) so a row is checked in one pass without copying: stores decode every row.
 */
export const RecordedEvent = t.type({
  ...HashedFields.props,
  globalPosition: t.number,
  prevHash: Sha256Hex,
  hash: Sha256Hex,
})
export type RecordedEvent = t.TypeOf<typeof RecordedEvent>

/** The fields a hash is computed over, taken from a recorded event. */
export const hashedFieldsOf = (e: HashedFields): HashedFields => ({
  eventId: e.eventId,
  streamId: e.streamId,
  version: e.version,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  metadata: e.metadata,
})
