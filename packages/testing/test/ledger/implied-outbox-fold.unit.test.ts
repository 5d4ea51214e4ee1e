// core's impliedOutboxEntries follows only the two facts of a talent that a notice reads (its
// employer and its sealed personal data) instead of the talent's whole state: over a simulated
// city — registrations, changes of employer, releases, erasures — it gives every talent stream
// exactly the rows the fold of the whole state gives (the ledger's own way, written out here as
// the reference), and so does it on a talent stream holding an event of another category.
import { describe, expect, it } from 'vitest'
import {
  createTalentLedger,
  decodeStored,
  defaultNotificationPolicy,
  impliedOutboxEntries,
  initialTalentState,
  outboxEntriesFor,
  talentCategory,
  type LedgerEvent,
  type NotificationPolicy,
  type OutboxEntry,
  type RecordedEvent,
  type TalentState,
} from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, manualClock } from '@talent-ledger/store-memory'
import { simulateCity } from '@talent-ledger/testing'

/** The rows by the talent's whole state, batch by batch, as the ledger computed them when it appended. */
const byWholeState = (policy: NotificationPolicy, rows: ReadonlyArray<RecordedEvent>, decode: (row: RecordedEvent) => LedgerEvent): OutboxEntry[] => {
  const entries: OutboxEntry[] = []
  let state: TalentState = initialTalentState
  for (let i = 0; i < rows.length; ) {
    let end = i + 1
    const same = (a: RecordedEvent, b: RecordedEvent): boolean => a.metadata.correlationId === b.metadata.correlationId && a.metadata.recordedAt === b.metadata.recordedAt
    while (end < rows.length && same(rows[i]!, rows[end]!)) end++
    const batch = rows.slice(i, end).map((row) => ({ eventId: row.eventId, event: decode(row) }))
    entries.push(...outboxEntriesFor(policy, batch, state))
    for (const { event } of batch) state = talentCategory.evolve(state, event as never)
    i = end
  }
  return entries
}

const outcome = (f: () => OutboxEntry[]): { entries: OutboxEntry[] } | { error: string } => {
  try {
    return { entries: f() }
  } catch (error) {
    return { error: String(error) }
  }
}

const cityStore = async () => {
  const store = createMemoryEventStore()
  const ledger = createTalentLedger({ store, keys: createMemoryKeyStore(), clock: manualClock('2026-01-01T00:00:00.000Z') })
  for (const c of simulateCity({ talents: 80, seed: 11 }).commands) await ledger.execute(c)
  return store
}

describe('impliedOutboxEntries', () => {
  it('gives every talent stream of a city the rows of the whole state’s fold', async () => {
    const store = await cityStore()
    const all = await store.readAll()
    const types = new Set(all.map((e) => e.type))
    // the events that move the employer or the sealed personal data are all there
    for (const t of ['TalentRegistered', 'EmployerChanged', 'TalentReleased', 'TalentForgotten']) expect(types).toContain(t)
    const decode = decodeStored()
    const streams = [...new Set(all.map((e) => e.streamId))].filter((s) => s.startsWith('talent-'))
    let rows = 0
    for (const streamId of streams) {
      const events = await store.readStream(streamId)
      const want = byWholeState(defaultNotificationPolicy, events, (r) => decode(r).event)
      expect(impliedOutboxEntries(defaultNotificationPolicy, events, (r) => decode(r).event)).toEqual(want)
      rows += want.length
    }
    expect(rows).toBeGreaterThan(100)
    expect(rows).toBe((await store.outbox.list()).length)
  })

  it('answers as the whole state’s fold for a talent stream holding an event of another category, anywhere in it', async () => {
    const store = await cityStore()
    const decode = decodeStored()
    const all = await store.readAll()
    const foreign = all.find((e) => !e.streamId.startsWith('talent-'))!
    const busiest = [...new Set(all.map((e) => e.streamId))].filter((s) => s.startsWith('talent-')).map((s) => all.filter((e) => e.streamId === s)).sort((a, b) => b.length - a.length)[0]!
    expect(busiest.length).toBeGreaterThan(3)
    const kinds = new Set<string>()
    for (let at = 0; at <= busiest.length; at++) {
      // a row of another stream's kind spliced in (its own batch), the versions left as they are: only the fold is under test
      const rows = [...busiest.slice(0, at), { ...foreign, streamId: busiest[0]!.streamId, metadata: { ...foreign.metadata, correlationId: 'spliced' } }, ...busiest.slice(at)]
      const want = outcome(() => byWholeState(defaultNotificationPolicy, rows, (r) => decode(r).event))
      expect(outcome(() => impliedOutboxEntries(defaultNotificationPolicy, rows, (r) => decode(r).event))).toEqual(want)
      kinds.add(Object.keys(want)[0]!)
    }
    // the whole state's fold fails on such a stream unless the event comes last: both answers were compared
    expect([...kinds].sort()).toEqual(['entries', 'error'])
  })
})
