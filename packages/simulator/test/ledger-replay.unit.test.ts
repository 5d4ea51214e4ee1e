// Three hundred simulated talents applied one by one to the ledger over the in-memory store: the
// ledger accepts what the simulator means it to accept, refuses exactly what it means to be
// refused, the dashboard sees the high-skilled talents the simulator planned, and every stream verifies.
import { cityDashboardProjection, createTalentLedger, dashboardReport, verifyStream, type CommandResult, type RecordedEvent } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, manualClock } from '@talent-ledger/store-memory'
import { beforeAll, describe, expect, it } from 'vitest'
import { simulateCity } from '../src/index.js'

const simulation = simulateCity({ talents: 300, seed: 20260101 })
const store = createMemoryEventStore()
const ledger = createTalentLedger({ store, keys: createMemoryKeyStore(), clock: manualClock('2026-01-01T08:00:00.000Z') })
const results: CommandResult[] = []

beforeAll(async () => {
  for (const command of simulation.commands) results.push(await ledger.execute(command))
})

describe('a simulated city applied to the ledger', () => {
  it('is mostly accepted, and refused only where the simulator meant it, with the code it meant', () => {
    const accepted = results.filter((r) => r.ok).length
    expect(accepted / results.length).toBeGreaterThan(0.9)
    const intended = new Map(simulation.intendedRefusals.map((r) => [r.index, r.code]))
    const refused = results.flatMap((r, index) => (r.ok ? [] : [{ index, type: simulation.commands[index]!.type, code: r.error.code, message: r.error.message }]))
    expect(refused.filter((r) => intended.get(r.index) !== r.code)).toEqual([])
    expect(refused.map((r) => r.index)).toEqual([...intended.keys()])
    expect(refused.length).toBeGreaterThan(0)
  })

  it('shows on the dashboard the high-skilled talents the simulator planned', () => {
    const state = store.all().reduce((s, row) => cityDashboardProjection.apply(s, ledger.decode(row).event), cityDashboardProjection.initialState())
    const report = dashboardReport(state, simulation.summary.to)
    expect(report.highSkilledTotal).toBeGreaterThan(0)
    expect(report.highSkilledTotal).toBe(simulation.summary.highSkilled)
    expect(report.skilledTotal).toBe(simulation.summary.skilled)
    expect(report.newHighSkilled).toBe(simulation.summary.newHighSkilled)
    // the talents simulated, and the schools' students and teachers (DOMAIN.md §11)
    expect(report.talentsTotal).toBe(300 + simulation.commands.filter((c) => c.type === 'RegisterTalent' && c.data.relation !== undefined).length)
    expect(report.policyId).toBe('lianyungang-2027')
    expect(report.carriers).toBeGreaterThanOrEqual(20)
    expect(report.employedPersons).toBeGreaterThan(2_000_000)
  })

  it('leaves every stream verifiable', () => {
    const streams = new Map<string, RecordedEvent[]>()
    for (const e of store.all()) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e])
    expect(streams.size).toBeGreaterThan(300)
    for (const [id, events] of streams) expect(verifyStream(id, events)).toBeNull()
  })

  it('erases the names of the talents it forgets', async () => {
    const forgotten = simulation.commands.flatMap((c) => (c.type === 'ForgetTalent' ? [c.data.talentId] : []))
    expect(forgotten.length).toBe(simulation.summary.forgotten)
    expect(forgotten.length).toBeGreaterThan(0)
    for (const id of forgotten) expect((await ledger.profile(id))?.name).toBeNull()
  })
})
