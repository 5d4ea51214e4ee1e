/**
 * The runner's retry bound: a conflicting append is retried until it goes through, and
 * only past `maxAttempts` or `budgetMs` of back-off does the command end in `Conflict`, whose
 * message and details state the bound. The store here is a stub that conflicts a set number of
 * times (pure logic: no I/O is being tested); decorrelated jitter stays within base and cap.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import { createRunner, decorrelatedJitter, defaultRetryPolicy, type AppendOutcome, type Backoff, type Category, type EventStore, type RetryPolicy } from '../src/index.js'

/** A store whose append conflicts `conflicts` times, then succeeds; counts the appends. */
const conflictingStore = (conflicts: number) => {
  let appends = 0
  const store = {
    readStream: async () => [],
    append: async (): Promise<AppendOutcome> => {
      appends++
      return appends <= conflicts
        ? { ok: false, conflict: { code: 'Conflict', streamId: 's-1', expected: 'no-stream', actual: 1 } }
        : { ok: true, result: { streamId: 's-1', version: 1, lastPosition: 1 } }
    },
  } as unknown as EventStore
  return { store, appends: () => appends }
}

type Probed = { readonly type: 'Probed'; readonly data: Record<string, never> }

/** A category of one stream `s-1` whose every command decides one event. */
const probe: Category<null, Probed, null, null, null> = {
  name: 's',
  streamOf: () => 's-1',
  idOfEvent: () => '1',
  idOf: () => '1',
  events: { Probed: t.type({}) as unknown as t.Decoder<unknown, Record<string, never>> },
  initialState: null,
  evolve: () => null,
  context: async () => null,
  decide: () => E.right([{ type: 'Probed', data: {} }]),
}

/** A back-off that waits no real time but reports `ms` waited each retry. */
const reporting = (ms: number): Backoff => async () => ms

const run = (store: EventStore, retry: RetryPolicy) =>
  createRunner({ store, retry, foldedStreams: 0 }).transact(probe, null, null, {
    stamp: (events) => events.map((e) => ({ eventId: 'e-1', type: e.type, schemaVersion: 1, data: {}, metadata: {} as never })),
  })

describe('the retry bound', () => {
  it('retries a conflicting append until it goes through, well within the default bound', async () => {
    const { store, appends } = conflictingStore(40)
    const result = await run(store, { ...defaultRetryPolicy, backoff: reporting(1) })
    expect(E.isRight(result)).toBe(true)
    expect(appends()).toBe(41)
  })

  it('answers Conflict past maxAttempts, naming the bound in the message and details', async () => {
    const { store, appends } = conflictingStore(1_000)
    const result = await run(store, { maxAttempts: 7, backoff: reporting(3), budgetMs: 10_000 })
    expect(appends()).toBe(7)
    expect(result).toEqual(
      E.left({
        code: 'Conflict',
        message: expect.stringContaining('past the retry bound (7 attempts or 10000 ms of back-off)'),
        details: [
          { field: 'stream', message: 's-1' },
          { field: 'attempts', message: '7' },
          { field: 'backoffMs', message: '18' },
          { field: 'bound', message: '7 attempts or 10000 ms of back-off' },
        ],
      }),
    )
  })

  it('stops retrying once the back-off budget is spent', async () => {
    const { store, appends } = conflictingStore(1_000)
    const result = await run(store, { maxAttempts: 100, backoff: reporting(250), budgetMs: 1_000 })
    expect(appends()).toBe(5)
    expect(E.isLeft(result) && result.left.details.find((d) => d.field === 'backoffMs')?.message).toBe('1000')
  })

  it('waits between the base and the cap with decorrelated jitter, growing from the previous wait', async () => {
    const lowest = decorrelatedJitter(2, 250, () => 0)
    const highest = decorrelatedJitter(2, 250, () => 0.999999)
    expect(await lowest(5, 100)).toBe(2)
    expect(await highest(1, 0)).toBeCloseTo(6, 3)
    expect(await highest(3, 40)).toBeCloseTo(120, 3)
    expect(await highest(9, 249)).toBeLessThanOrEqual(250)
  })
})
