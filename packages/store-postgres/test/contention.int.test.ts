/**
 * Contention on one talent: eight ledger services, each on a pool of its own (as eight processes
 * would be), record incentives for the same talent at once with the default retry policy, for
 * several rounds. Every command is accepted — none ends in `Conflict` — and the stream holds each
 * one, contiguous and verifiable.
 */
import { describe, expect, it } from 'vitest'
import { createTalentLedger, verifyStream, type CommandResult } from '@talent-ledger/core'
import { systemClock } from '@talent-ledger/store-memory'
import { assessmentScenario, cleanupsAfterEach } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore, createPostgresKeyStore } from '../src/index.js'
import { TEST_URL, dropSchema, uniqueSchema } from './pg-schemas.js'

const cleanups = cleanupsAfterEach()

const WRITERS = 8
const ROUNDS = 3
const PER_ROUND = 15

const openLedger = async (schema: string) => {
  const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 2, clock: systemClock })
  cleanups.push(() => store.close())
  return { store, ledger: createTalentLedger({ store, keys: createPostgresKeyStore({ pool: store.pool, schema }), clock: systemClock }) }
}

describe('eight ledgers with pools of their own on one talent', () => {
  it('get every command through with the default retry policy, round after round: no Conflict', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const first = await openLedger(schema)
    for (const command of assessmentScenario.commands.slice(0, 2)) expect((await first.ledger.execute(command)).ok).toBe(true)
    const writers = [first, ...(await Promise.all(Array.from({ length: WRITERS - 1 }, () => openLedger(schema))))]

    for (let round = 0; round < ROUNDS; round++) {
      const results: CommandResult[][] = await Promise.all(
        writers.map(async ({ ledger }, w) => {
          const mine: CommandResult[] = []
          for (let i = 0; i < PER_ROUND; i++)
            mine.push(
              await ledger.execute({
                type: 'RecordIncentive',
                actor: assessmentScenario.employer,
                data: { talentId: 't-1', kind: 'wage-increase', on: '2026-04-01', amount: round * 1_000_000 + w * 1_000 + i },
              }),
            )
          return mine
        }),
      )
      expect(results.flat().filter((r) => !r.ok)).toEqual([])
    }
    const events = await first.store.readStream('talent-t-1')
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: 1 + WRITERS * ROUNDS * PER_ROUND }, (_, i) => i + 1))
    expect(verifyStream('talent-t-1', events)).toBeNull()
  })
})
