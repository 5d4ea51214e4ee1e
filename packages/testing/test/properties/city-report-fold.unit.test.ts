/**
 * The city report's fold (core's `cityReportProjection`) gives every part the state that part
 * reaches folded alone, and so the same report: it hands each event only to the parts that read
 * its type, and in a fresh state the honour, service and cooperation figures share one dictionary
 * of dated certificates, recorded once per event. Checked on generated and simulated cities, on a
 * state resumed through JSON half-way (three copies of the dictionary then, each kept by itself),
 * and on hand-made revocations, which update the certificates in place.
 */
import * as fc from 'fast-check'
import {
  benefitFiguresProjection,
  carrierOutputsProjection,
  cityDashboardProjection,
  cityReportProjection,
  cooperationFiguresProjection,
  featuredCertificatesProjection,
  fullCityReport,
  honourFiguresProjection,
  project,
  seniorPostsProjection,
  serviceFiguresProjection,
  type CityReportState,
  type LedgerEvent,
} from '@talent-ledger/core'
import { describe, expect, it } from 'vitest'
import { cityHistory, commandsOf } from '../../src/arbitraries/history.js'
import { runPureLedger } from '../../src/invariants/index.js'
import { simulateCity } from '../../src/index.js'

const PARTS = {
  dashboard: cityDashboardProjection,
  benefits: benefitFiguresProjection,
  honours: honourFiguresProjection,
  services: serviceFiguresProjection,
  seniorPosts: seniorPostsProjection,
  featured: featuredCertificatesProjection,
  carriers: carrierOutputsProjection,
  cooperation: cooperationFiguresProjection,
}

/** Every part folded alone, over the types it names (as `report` reads them). */
const alone = (events: ReadonlyArray<LedgerEvent>): CityReportState =>
  Object.fromEntries(Object.entries(PARTS).map(([key, p]) => [key, project(p as never, events.filter((e) => p.eventTypes!.has(e.type)))])) as CityReportState

const fold = (events: ReadonlyArray<LedgerEvent>, from: CityReportState = cityReportProjection.initialState()): CityReportState =>
  project(cityReportProjection, events.filter((e) => cityReportProjection.eventTypes!.has(e.type)), from)

const viaJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

const expectSameFold = (events: ReadonlyArray<LedgerEvent>, dates: ReadonlyArray<string>): void => {
  const expected = alone(events)
  const half = Math.floor(events.length / 2)
  const folded = fold(events)
  const resumed = fold(events.slice(half), viaJson(fold(events.slice(0, half))))
  for (const state of [folded, resumed]) {
    expect(state).toEqual(expected)
    expect(JSON.stringify(state)).toBe(JSON.stringify(expected))
    for (const asOf of dates) expect(fullCityReport(state, asOf)).toEqual(fullCityReport(expected, asOf))
  }
}

// only the fields the parts read; the rest of each event does not matter to them
const registered = (talentId: string) =>
  ({ type: 'TalentRegistered', data: { talentId, district: '海州区', registeredOn: '2026-01-01', employerId: 'emp-1', relation: 'teacher' } }) as unknown as LedgerEvent
const certified = (talentId: string, level: string, on: string) => ({ type: 'LevelCertified', data: { talentId, level, on, source: `${talentId}-${on}` } }) as unknown as LedgerEvent
const prior = (talentId: string, level: string, issuedOn: string) => ({ type: 'PriorCertificateRecorded', data: { talentId, level, issuedOn } }) as unknown as LedgerEvent
const revoked = (talentId: string, level: string, on: string) =>
  ({ type: 'CertificateRevoked', data: { talentId, level, reason: 'forged papers', on, flaggedGrants: [] } }) as unknown as LedgerEvent

describe('the city report fold', () => {
  it('names the types its parts read, and shares the certificates of a fresh state', () => {
    expect(new Set(cityReportProjection.eventTypes)).toEqual(new Set(Object.values(PARTS).flatMap((p) => [...p.eventTypes!])))
    const s = cityReportProjection.initialState()
    expect(s.services.certificates).toBe(s.honours.certificates)
    expect(s.cooperation.certificates).toBe(s.honours.certificates)
    expect(viaJson(s)).toEqual(alone([]))
  })

  it('records a certificate and its revocation once in a shared dictionary, and in each of three copies', () => {
    const events = [registered('t-1'), certified('t-1', 'senior', '2026-03-01'), prior('t-1', 'senior', '2020-01-01'), certified('t-1', 'junior', '2026-02-01'), revoked('t-1', 'senior', '2027-01-01'), certified('t-2', 'technician', '2027-02-01')]
    const shared = fold(events)
    expect(shared.honours.certificates['t-1']).toEqual([
      { level: 'senior', on: '2026-03-01', revokedOn: '2027-01-01' },
      { level: 'senior', on: '2020-01-01', revokedOn: '2027-01-01' },
      { level: 'junior', on: '2026-02-01', revokedOn: null },
    ])
    expectSameFold(events, ['2026-12-31', '2027-06-30'])
    for (let cut = 0; cut <= events.length; cut++) expect(fold(events.slice(cut), viaJson(fold(events.slice(0, cut))))).toEqual(shared)
  })

  it('gives the state and report of the parts folded alone, on generated cities', async () => {
    await fc.assert(
      fc.asyncProperty(cityHistory({ talents: { min: 1, max: 6 } }), async (h) => {
        const events = (await runPureLedger(await commandsOf(h))).log.map((l) => l.event)
        expectSameFold(events, ['2026-06-30', '2027-12-31', '2030-12-31'])
      }),
      { numRuns: 25, seed: 29 },
    )
  })

  it('gives the state and report of the parts folded alone, on a simulated city', async () => {
    const city = simulateCity({ talents: 120, seed: 5 })
    const events = (await runPureLedger(city.commands)).log.map((l) => l.event)
    expect(events.filter((e) => e.type === 'LevelCertified').length).toBeGreaterThan(50)
    expectSameFold(events, ['2026-12-31', '2029-06-30', city.summary.to])
  })
})
