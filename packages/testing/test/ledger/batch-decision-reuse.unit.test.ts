/**
 * A batch command that decides a command dry and then transacts it gets the dry decision again only
 * while every stream that decision read (its own and its context's) is the state it read; once an
 * earlier step of the command staged events on one of them, the command is decided afresh on the
 * new state. The categories count their decisions; the store is the memory store.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { createRunner, type Category, type StreamReader, type Transaction } from '@talent-ledger/core'
import { createMemoryEventStore } from '@talent-ledger/store-memory'
import { describe, expect, it } from 'vitest'

type Counted = { readonly type: 'Counted'; readonly data: { readonly id: string; readonly seen: number } }

/** A category `count-<id>` whose decision records how many events the stream `count-gate` held when it decided. */
const counting = () => {
  let decisions = 0
  const category: Category<{ readonly id: string }, Counted, number, number, null> = {
    name: 'count',
    streamOf: (id) => `count-${id}`,
    idOfEvent: (e) => e.data.id,
    idOf: (c) => c.id,
    events: { Counted: t.type({ id: t.string, seen: t.number }) as unknown as t.Decoder<unknown, Counted['data']> },
    initialState: 0,
    evolve: (n) => n + 1,
    context: async (c, _s, _env, read: StreamReader) => (c.id === 'gate' ? 0 : (await read(category, 'gate')).state),
    decide: (c, _s, gate) => {
      decisions++
      return E.right([{ type: 'Counted', data: { id: c.id, seen: gate } }])
    },
  }
  return { category, decisions: () => decisions }
}

const transaction: Transaction<Counted, number> = {
  stamp: (events) => events.map((e, i) => ({ eventId: `${e.type}-${Math.random()}-${i}`, type: e.type, schemaVersion: 1, data: e.data, metadata: { actor: { id: 'a', role: 'hr-bureau' }, correlationId: 'c', causationId: null, occurredOn: '2026-01-01', recordedAt: '2026-01-01T00:00:00.000Z' } })),
}

describe('a batch command deciding the same command twice', () => {
  it('takes the dry decision when nothing it read has moved', async () => {
    const { category, decisions } = counting()
    const runner = createRunner({ store: createMemoryEventStore() })
    const command = { id: 'x' }
    const [result] = await runner.transactMany([
      async (on) => {
        const dry = await on.decide(category, command, null)
        if (E.isLeft(dry)) return dry
        return on.transact(category, command, null, transaction)
      },
    ])
    expect(E.isRight(result!)).toBe(true)
    expect(decisions()).toBe(1)
  })

  it('decides again, on the new state, when an earlier step staged events on a stream the dry decision read', async () => {
    const { category, decisions } = counting()
    const store = createMemoryEventStore()
    const runner = createRunner({ store })
    const command = { id: 'x' }
    const [result] = await runner.transactMany([
      async (on) => {
        const dry = await on.decide(category, command, null)
        if (E.isLeft(dry)) return dry
        // the gate stream the dry decision read moves before the command is transacted
        const gate = await on.transact(category, { id: 'gate' }, null, transaction)
        if (E.isLeft(gate)) return gate
        return on.transact(category, command, null, transaction)
      },
    ])
    expect(E.isRight(result!)).toBe(true)
    expect(decisions()).toBe(3)
    // the stored event is the fresh decision's: it saw the gate's event
    expect((await store.readStream('count-x')).map((e) => e.data)).toEqual([{ id: 'x', seen: 1 }])
  })

  it('does not take a decision of another command with the same content', async () => {
    const { category, decisions } = counting()
    const runner = createRunner({ store: createMemoryEventStore() })
    await runner.transactMany([
      async (on) => {
        await on.decide(category, { id: 'x' }, null)
        return on.transact(category, { id: 'x' }, null, transaction)
      },
    ])
    expect(decisions()).toBe(2)
  })
})
