/**
 * Shared pieces of the EventStore conformance suite: how a test gets a fresh store and gives it
 * back, probe events with unique ids, and the checks every group leans on (an append stored its
 * events, an append was refused with `Conflict`, a stream holds exactly what `sealEvents` makes of what
 * was appended).
 */
import { expect } from 'vitest'
import {
  GENESIS_HASH,
  RecordedEvent,
  hashedFieldsOf,
  sealEvents,
  verifyStream,
  type AppendOutcome,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
} from '@talent-ledger/core'
import { probeEvent } from '../stores/probe-events.js'

/** Makes an empty store for one test; `cleanup` (if any) runs after `store.close()`. */
export type EventStoreFactory = () => Promise<{ readonly store: EventStore; readonly cleanup?: () => Promise<void> }>

/** Runs `body` against a fresh store from `factory`, closing and cleaning up whatever happens. */
export const withStore = async (factory: EventStoreFactory, body: (store: EventStore) => Promise<void>): Promise<void> => {
  const { store, cleanup } = await factory()
  try {
    // every check below counts from an empty log; a factory that reuses a store breaks them all
    expect(await store.readAll({ limit: 1 }), 'the factory must return an empty store').toEqual([])
    await body(store)
  } finally {
    try {
      await store.close()
    } finally {
      await cleanup?.()
    }
  }
}

let streamCounter = 0

/** A stream id no other test of this run uses. */
export const uniqueStream = (prefix = 'conformance'): string => `${prefix}-${++streamCounter}-${globalThis.crypto.randomUUID().slice(0, 8)}`

/** A probe event with a fresh id; `data` defaults to `{ n }`. */
export const probe = (n: number, data: unknown = { n }): NewEvent => probeEvent(n, { type: 'ConformanceProbe', actorId: 'conformance-suite' }, data)

/** `count` probe events numbered from `from`. */
export const probes = (count: number, from = 1): NewEvent[] => Array.from({ length: count }, (_, i) => probe(from + i))

/** Asserts an append succeeded and returns its result. */
export const expectAppended = (outcome: AppendOutcome): AppendResult => {
  if (!outcome.ok) expect.fail(`append was refused: ${JSON.stringify(outcome.conflict)}`)
  return outcome.result
}

/** Asserts an append was refused as `Conflict` with exactly these fields. */
export const expectConflict = (
  outcome: AppendOutcome,
  streamId: string,
  expected: ExpectedVersion,
  actual: number,
): void => {
  if (outcome.ok) expect.fail(`append succeeded (${JSON.stringify(outcome.result)}) but a Conflict was expected`)
  // exactly the two fields: an adapter adding another to the outcome changes the port's shape
  expect(outcome).toEqual({ ok: false, conflict: { code: 'Conflict', streamId, expected, actual } })
}

/** The fields of a recorded event the port defines, so adapters may return extra columns. */
export const portFields = (e: RecordedEvent): RecordedEvent => ({
  ...hashedFieldsOf(e),
  globalPosition: e.globalPosition,
  prevHash: e.prevHash,
  hash: e.hash,
})

/**
 * Asserts that `streamId` holds exactly `appended` (in order), sealed as `sealEvents` seals them from
 * the genesis head at the positions the store chose, that every row decodes as a `RecordedEvent`,
 * and that `verifyStream` finds the chain intact.
 */
export const expectStreamSealed = async (store: EventStore, streamId: string, appended: ReadonlyArray<NewEvent>): Promise<void> => {
  const stored = await store.readStream(streamId)
  expect(stored.map((e) => e.eventId)).toEqual(appended.map((e) => e.eventId))
  for (const e of stored) expect(RecordedEvent.is(e), `event ${e.streamId}@${e.version} is not a RecordedEvent`).toBe(true)
  const sealed = sealEvents({ streamId, version: 0, hash: GENESIS_HASH }, appended, (i) => stored[i]!.globalPosition)
  expect(stored.map(portFields)).toStrictEqual(sealed)
  expect(verifyStream(streamId, stored)).toBeNull()
}

/** Distinct stream ids of a list of events, in order of first appearance. */
export const streamsOf = (events: ReadonlyArray<RecordedEvent>): string[] => [...new Set(events.map((e) => e.streamId))]

/** Asserts positions strictly increase along `events`. */
export const expectIncreasingPositions = (events: ReadonlyArray<RecordedEvent>): void => {
  for (let i = 1; i < events.length; i++)
    expect(events[i]!.globalPosition, `position at index ${i}`).toBeGreaterThan(events[i - 1]!.globalPosition)
}
