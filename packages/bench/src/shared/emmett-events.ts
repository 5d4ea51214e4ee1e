/**
 * How the Emmett contenders keep our envelope: the event's data as Emmett's data, and the rest of
 * the envelope (ids, hashes, actor, dates) in Emmett's metadata, so a read gives back the very
 * event that was sealed. Emmett's SQLite and PostgreSQL stores read events in the same shape.
 */
import type { EventMetadata, RecordedEvent } from '@talent-ledger/core'

/** What a contender stores as an Emmett event's metadata. */
export type EmmettStoredMetadata = EventMetadata & { eventId: string; schemaVersion: number; prevHash: string; hash: string }

/** Sealed events as the Emmett events a contender appends: our data as theirs, the rest of the envelope in their metadata. */
export const emmettEventsOf = (sealed: ReadonlyArray<RecordedEvent>) =>
  sealed.map((e) => ({
    type: e.type,
    data: e.data as Record<string, unknown>,
    metadata: { ...e.metadata, eventId: e.eventId, schemaVersion: e.schemaVersion, prevHash: e.prevHash, hash: e.hash } satisfies EmmettStoredMetadata,
  }))

/** The part of an Emmett read event this mapping uses (both stores' read events have it). */
export interface EmmettReadEvent {
  readonly type: string
  readonly data: unknown
  readonly metadata: { readonly streamName: string; readonly streamPosition: bigint | number; readonly globalPosition: bigint | number }
}

/** An Emmett read event back as our recorded event. */
export const recordedOfEmmett = (m: EmmettReadEvent): RecordedEvent => {
  const { eventId, schemaVersion, prevHash, hash, actor, correlationId, causationId, occurredOn, recordedAt } = m.metadata as unknown as EmmettStoredMetadata
  return {
    eventId,
    streamId: m.metadata.streamName,
    version: Number(m.metadata.streamPosition),
    globalPosition: Number(m.metadata.globalPosition),
    type: m.type,
    schemaVersion,
    data: m.data,
    metadata: { actor, correlationId, causationId, occurredOn, recordedAt },
    prevHash,
    hash,
  }
}
