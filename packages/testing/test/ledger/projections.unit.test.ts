// A projection gives the same state whether it is rebuilt from the log or kept by a subscription.
import { describe, expect, it } from 'vitest'
import { benefitsLedgerProjection, cityDashboardProjection, dashboardReport, rebuild, talentPoolProjection, type Projection, type LedgerEvent } from '@talent-ledger/core'
import { createMemoryEventStore } from '@talent-ledger/store-memory'
import { assess, bureau, registerEmployer, registerTalent, setup } from './fixtures.js'

const projections: Projection<unknown, LedgerEvent>[] = [talentPoolProjection, cityDashboardProjection, benefitsLedgerProjection] as never

describe('projections', () => {
  it.each(projections.map((p) => [p.name, p] as const))('%s: rebuild equals the subscription-kept state', async (_name, projection) => {
    const store = createMemoryEventStore()
    const { ledger } = setup({ store })
    let live = projection.initialState()
    const sub = store.subscribe(projection.name, (e) => void (live = projection.apply(live, ledger.decode(e).event)))
    const commands = [
      registerEmployer,
      registerTalent('t-1'),
      registerTalent('t-2'),
      assess('a1', 'intermediate', '2026-02-01', 't-1'),
      assess('a2', 'senior', '2026-03-01', 't-1'),
      { type: 'GrantBenefit', actor: bureau, data: { talentId: 't-1', benefit: 'first-certification-allowance', level: 'senior', on: '2026-03-05' } },
      { type: 'RevokeCertificate', actor: bureau, data: { talentId: 't-1', level: 'senior', reason: 'forged papers', on: '2026-04-01' } },
      { type: 'DesignateCarrier', actor: bureau, data: { carrierId: 'c1', kind: 'master-studio', name: '港口技能大师工作室', on: '2026-05-01' } },
      { type: 'ReportEmploymentStatistics', actor: bureau, data: { year: 2026, employedPersons: 2_300_000 } },
    ]
    for (const c of commands) expect((await ledger.execute(c)).ok).toBe(true)
    await sub.caughtUp()
    await sub.stop()
    const rebuilt = await rebuild(store, projection, (e) => ledger.decode(e).event, { pageSize: 3 })
    expect(rebuilt.state).toEqual(live)
    expect(rebuilt.position).toBe(store.all().length)
  })

  it('rebuilds a projection that names its types from those events only, and still ends at the log end', async () => {
    const store = createMemoryEventStore()
    const { ledger } = setup({ store })
    for (const c of [registerEmployer, registerTalent('t-1'), registerTalent('t-2'), assess('a1', 'intermediate', '2026-02-01', 't-1')]) expect((await ledger.execute(c)).ok).toBe(true)
    const registered: Projection<string[], LedgerEvent> = {
      name: 'registered',
      eventTypes: new Set(['TalentRegistered']),
      initialState: () => [],
      apply: (ids, e) => (e.type === 'TalentRegistered' ? [...ids, e.data.talentId] : ids),
    }
    const asked: Array<ReadonlySet<string> | undefined> = []
    const spied = { ...store, readAll: (o?: Parameters<typeof store.readAll>[0]) => (asked.push(o?.types), store.readAll(o)) }
    for (const pageSize of [1, 2, 100]) {
      const rebuilt = await rebuild(spied, registered, (e) => ledger.decode(e).event, { pageSize })
      expect(rebuilt.state).toEqual(['t-1', 't-2'])
      // the log ends with the assessment's events, none of them read by the projection
      expect(rebuilt.position).toBe(store.all().length)
    }
    expect(asked).toContainEqual(new Set(['TalentRegistered']))
  })

  it('the dashboard counts a revoked certificate only before its revocation', async () => {
    const store = createMemoryEventStore()
    const { ledger } = setup({ store })
    for (const c of [
      registerEmployer,
      registerTalent(),
      assess('a1', 'intermediate', '2026-02-01'),
      assess('a2', 'senior', '2026-03-01'),
      { type: 'RevokeCertificate', actor: bureau, data: { talentId: 't-1', level: 'senior', reason: 'forged papers', on: '2026-04-01' } },
    ])
      expect((await ledger.execute(c)).ok).toBe(true)
    const state = (await rebuild(store, cityDashboardProjection, (e) => ledger.decode(e).event)).state
    expect(dashboardReport(state, '2026-03-15')).toMatchObject({ highSkilledTotal: 1, newHighSkilled: 1, skilledTotal: 1 })
    expect(dashboardReport(state, '2026-04-01')).toMatchObject({ highSkilledTotal: 0, newHighSkilled: 0, skilledTotal: 1 })
  })
})
