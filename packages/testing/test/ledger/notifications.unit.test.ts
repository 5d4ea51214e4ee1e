// Notices over generated city histories on the in-memory store: for every history, the outbox holds
// exactly the rows the notification policy asks for on the stored events (none for refused
// commands, none twice), and no row — nor any notice rendered for an erased talent — holds a name
// or a national id in clear (the talent's personal data rides along sealed, as the decision saw it).
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createTalentLedger, defaultNotificationPolicy, evolveTalent, initialTalentState, noticeRenderer, outboxEntriesFor, type TalentEvent, type TalentState } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, manualClock } from '@talent-ledger/store-memory'
import { cityHistory, commandsOf } from '../../src/index.js'

interface Registered {
  readonly type: 'RegisterTalent'
  readonly data: { readonly talentId: string; readonly name: string; readonly nationalId: string }
}
const isRegistration = (c: unknown): c is Registered => (c as { type?: unknown } | null)?.type === 'RegisterTalent' && typeof (c as Registered).data?.name === 'string'

describe('notices of generated histories', () => {
  it('are exactly what the policy asks for on the stored events, carry no personal data, and render without a name once erased', async () => {
    let seen = 0
    let renderedErased = 0
    await fc.assert(
      fc.asyncProperty(cityHistory({ talents: { min: 1, max: 3 }, maxSteps: 16 }), async (history) => {
        const commands = await commandsOf(history)
        const store = createMemoryEventStore()
        const keys = createMemoryKeyStore()
        const ledger = createTalentLedger({ store, keys, clock: manualClock('2026-01-01T08:00:00.000Z') })
        for (const c of commands) await ledger.execute(c)
        const rows = await store.outbox.list()
        expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length)
        seen += rows.length

        // recompute from the log: each event with the talent state just before it (its decision's state)
        const expected = []
        const states = new Map<string, TalentState>()
        for (const row of store.all()) {
          if (!row.streamId.startsWith('talent-')) continue
          const { event } = ledger.decode(row)
          const before = states.get(row.streamId) ?? initialTalentState
          expected.push(...outboxEntriesFor(defaultNotificationPolicy, [{ eventId: row.eventId, event }], before))
          states.set(row.streamId, evolveTalent(before, event as TalentEvent))
        }
        expect(rows.map(({ id, eventId, streamId, channel, recipient, template, locale, payload }) => ({ id, eventId, streamId, channel, recipient, template, locale, payload }))).toEqual(expected)

        // a malformed registration among the noise may carry null here: only text can leak into a notice
        const personal = commands.filter(isRegistration).flatMap((c) => [c.data.name, c.data.nationalId]).filter((p): p is string => typeof p === 'string')
        const text = JSON.stringify(rows)
        for (const p of personal) expect(text).not.toContain(p)

        const render = noticeRenderer({ keys })
        for (const r of rows) {
          if ((await ledger.profile(String(r.payload['talentId'])))?.erased !== true) continue
          renderedErased++
          const notice = JSON.stringify(await render(r))
          for (const p of personal) expect(notice).not.toContain(p)
        }
      }),
      { numRuns: 40 },
    )
    // the histories do reach the notified events and erasure (else the property proves little)
    expect(seen).toBeGreaterThan(40)
    expect(renderedErased).toBeGreaterThan(0)
  })
})
