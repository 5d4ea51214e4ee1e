/**
 * Group commit (`ledger.executeMany`) against one command at a time (`execute`): generated city
 * histories with arbitrary commands mixed in (malformed, refused, ForgetTalent, AdoptPolicy…) are
 * run both ways on fresh stores, cut into random batches, and must give the same result for every
 * command, the same stored log (event ids, metadata, positions, hashes) and the same outbox.
 * Everything a run draws is made deterministic so the hashes can be compared: event ids count up,
 * the clock moves by a millisecond a call, and the random bytes of keys and nonces come from a
 * seeded generator started afresh for each run.
 */
import * as fc from 'fast-check'
import { createTalentLedger, noBackoff, type CommandResult, type RecordedEvent } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, manualClock } from '@talent-ledger/store-memory'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cityHistory, commandsOf } from '../../src/arbitraries/index.js'
import { deterministicLedger, runCommands } from './deterministic-ledger.js'
import { employer, NAME, registerEmployer, registerTalent, assess } from './fixtures.js'

/** A fresh ledger whose ids, clock and random bytes are deterministic. */
const fresh = () => deterministicLedger()

/** What a run leaves: every result, the log, the outbox. */
const oneAtATime = (commands: ReadonlyArray<unknown>) => runCommands(fresh(), commands, null)
const inBatches = (commands: ReadonlyArray<unknown>, cuts: ReadonlyArray<number>) => runCommands(fresh(), commands, cuts)

afterEach(() => void vi.restoreAllMocks())

describe('ledger.executeMany (group commit)', () => {
  it('gives each command of a generated history the result, events, hashes and notices of one at a time', async () => {
    await fc.assert(
      fc.asyncProperty(cityHistory({ maxSteps: 12, maxNoise: 8 }), fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 6 }), async (history, cuts) => {
        const commands = await commandsOf(history)
        const one = await oneAtATime(commands)
        const many = await inBatches(commands, cuts)
        expect(many.results).toEqual(one.results)
        expect(many.log).toEqual(one.log)
        expect(many.outbox).toEqual(one.outbox)
        // the histories are meant to be mostly accepted: a property about refusals alone would prove little
        expect(one.results.filter((r) => r.ok).length).toBeGreaterThan(0)
      }),
      { numRuns: 60 },
    )
  })

  it('lets a later command of a batch see an earlier one: register an employer and a talent, then assess', async () => {
    const { ledger, store } = fresh()
    const results = await ledger.executeMany([registerEmployer, registerTalent('t-1'), assess('a-1', 'junior', '2026-01-10'), registerTalent('t-1')])
    expect(results.map((r) => (r.ok ? r.events : r.error.code))).toEqual([
      ['OrganizationRegistered'],
      ['TalentRegistered'],
      expect.arrayContaining(['AssessmentPassed', 'LevelCertified']),
      'Duplicate',
    ])
    expect(results[2]).toMatchObject({ ok: true, stream: 'talent-t-1', version: 1 + (results[2]!.ok ? results[2]!.events.length : 0) })
    expect(new Set(store.all().map((e: RecordedEvent) => e.streamId))).toEqual(new Set(['org-port-co', 'talent-t-1']))
    expect((await ledger.profile('t-1'))?.name).toBe(NAME)
  })

  it('stores nothing of a refused command and goes on with the others', async () => {
    const { ledger, store } = fresh()
    await ledger.execute(registerEmployer)
    const results = await ledger.executeMany([
      { type: 'RecordAssessment', actor: employer, data: { talentId: 't-9' } },
      registerTalent('t-2'),
      { ...assess('a-1', 'junior', '2026-01-10', 't-3') },
      assess('a-2', 'junior', '2026-01-10', 't-2'),
    ])
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['Malformed', 'ok', 'Unauthorized', 'ok'])
    expect(store.all().filter((e) => e.streamId === 'talent-t-3')).toEqual([])
  })

  it('decides again the commands a conflicting writer touched, with the results of one at a time after that writer', async () => {
    const before = [registerEmployer, registerTalent('t-1')]
    const interference = assess('a-other', 'junior', '2026-01-08')
    const batch = [registerTalent('t-2'), assess('a-1', 'intermediate', '2031-01-10'), assess('a-2', 'junior', '2026-01-10', 't-2'), assess('a-3', 'junior', '2026-01-11')]
    const expected = fresh()
    for (const c of [...before, interference]) await expected.ledger.execute(c)
    const wanted: CommandResult[] = []
    for (const c of batch) wanted.push(await expected.ledger.execute(c))

    const { ledger, store, keys } = fresh()
    for (const c of before) await ledger.execute(c)
    // another ledger on the same store writes to t-1 after the batch was decided, before it commits
    const other = createTalentLedger({ store, keys, clock: manualClock('2026-02-01T00:00:00.000Z') })
    const appendMany = store.appendMany
    let attempts = 0
    vi.spyOn(store, 'appendMany').mockImplementation(async (requests) => {
      if (attempts++ === 0) expect((await other.execute(interference)).ok).toBe(true)
      return appendMany(requests)
    })
    const results = await ledger.executeMany(batch)
    expect(attempts).toBe(2)
    const shape = (r: CommandResult) => (r.ok ? { stream: r.stream, version: r.version, events: r.events } : r.error.code)
    expect(results.map(shape)).toEqual(wanted.map(shape))
    const t1 = store.all().filter((e) => e.streamId === 'talent-t-1')
    expect(t1.map((e) => e.version)).toEqual(t1.map((_, i) => i + 1))
    expect(t1.some((e) => e.metadata.actor.id === employer.id && e.metadata.recordedAt.startsWith('2026-02'))).toBe(true)
  })

  it('refuses with Conflict, past the retry bound, only the commands on a stream that keeps moving, and commits the rest', async () => {
    const store = createMemoryEventStore()
    const keys = createMemoryKeyStore()
    const ledger = createTalentLedger({ store, keys, clock: manualClock('2026-01-01T00:00:00.000Z'), retry: { maxAttempts: 3, backoff: noBackoff } })
    await ledger.execute(registerEmployer)
    await ledger.execute(registerTalent('t-1'))
    // the store finds t-1 moved by another writer at every commit of the batch
    const appendMany = store.appendMany
    let attempts = 0
    vi.spyOn(store, 'appendMany').mockImplementation(async (requests) => {
      attempts++
      const moved = requests.find((r) => r.streamId === 'talent-t-1')
      if (moved !== undefined) return { ok: false, conflicts: [{ code: 'Conflict', streamId: moved.streamId, expected: moved.expected, actual: 99 + attempts }] }
      return appendMany(requests)
    })
    const results = await ledger.executeMany([assess('a-1', 'intermediate', '2031-01-10'), registerTalent('t-2'), assess('a-2', 'junior', '2026-01-10', 't-2')])
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['Conflict', 'ok', 'ok'])
    expect(results[0]!.ok ? [] : results[0]!.error.details.map((d) => d.field)).toEqual(['stream', 'attempts', 'backoffMs', 'bound'])
    expect(attempts).toBe(4)
    expect(store.all().filter((e) => e.streamId === 'talent-t-2').length).toBeGreaterThan(1)
    expect(store.all().filter((e) => e.streamId === 'talent-t-1')).toHaveLength(1)
  })
})
