/**
 * Hostile ids, a metamorphic check: a simulated city whose ids are renamed onto JavaScript's own
 * property names (`__proto__`, `constructor`, `toString` …, a bijection) must run through the
 * ledger exactly as the city itself — every command's outcome, every aggregate's state, the city
 * report's folded state (fresh and resumed through JSON) and the report on several dates — once
 * the names are mapped back. Ids are free text; the states keep dictionaries keyed by them.
 */
import * as E from 'fp-ts/lib/Either.js'
import { cityReportProjection, fullCityReport, project, type CityReportState, type LedgerEvent } from '@talent-ledger/core'
import { describe, expect, it } from 'vitest'
import { PROTOTYPE_NAMES, prototypeRenaming, renamed, renamedBack, rowsInOneOrder } from '../../src/arbitraries/prototype-ids.js'
import { runPureLedger, type PureRun } from '../../src/invariants/index.js'
import { simulateCity } from '../../src/index.js'

const fold = (events: ReadonlyArray<LedgerEvent>, from: CityReportState = cityReportProjection.initialState()): CityReportState =>
  project(cityReportProjection, events.filter((e) => cityReportProjection.eventTypes!.has(e.type)), from)

const viaJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

/** `value` with the stand-in ciphertexts of personal data blanked: they spell the talent's id in hex. */
const unsealed = <T>(value: T): T => JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'ciphertext' ? '' : v))) as T

const eventsOf = (run: PureRun): LedgerEvent[] => run.log.map((l) => l.event)

describe('ids that are JavaScript property names', () => {
  it.each([
    [60, 7, PROTOTYPE_NAMES],
    [45, 23, [...PROTOTYPE_NAMES].reverse()],
  ] as const)('run a simulated city of %i talents (seed %i) as the city itself, renamed back', async (talents, seed, names) => {
    const city = simulateCity({ talents, seed })
    const renaming = prototypeRenaming(city.commands, names)
    expect(renaming.to.size).toBe(names.length)
    const original = await runPureLedger(city.commands)
    const hostile = await runPureLedger(city.commands.map((c) => renamed(c, renaming.to)))
    expect(hostile.failure).toBe(original.failure)
    expect(hostile.outcomes).toHaveLength(original.outcomes.length)
    // the renamed ids are decided on: talents and organisations among them, with events of their own
    const renamedTalents = Object.keys(hostile.talents).filter((id) => renaming.back.has(id))
    expect(renamedTalents.length).toBeGreaterThanOrEqual(2)
    expect(Object.keys(hostile.organizations).some((id) => renaming.back.has(id))).toBe(true)
    expect(original.outcomes.filter((o) => E.isRight(o.result)).length).toBeGreaterThan(talents * 5)

    original.outcomes.forEach((o, i) => {
      const h = hostile.outcomes[i]!
      const where = `command ${i + 1}: ${JSON.stringify(o.raw).slice(0, 200)}`
      if (E.isLeft(o.result)) {
        expect(E.isLeft(h.result) ? JSON.stringify(renamedBack(h.result.left, renaming)) : 'accepted', where).toBe(JSON.stringify(o.result.left))
      } else {
        expect(E.isRight(h.result) ? unsealed(renamedBack(h.result.right, renaming)) : h.result.left, where).toEqual(unsealed(o.result.right))
      }
    })
    expect(unsealed(renamedBack(hostile.talents, renaming))).toEqual(unsealed(original.talents))
    expect(renamedBack(hostile.organizations, renaming)).toEqual(original.organizations)
    expect(renamedBack(hostile.city, renaming)).toEqual(original.city)

    // the report's folded state: the same bytes once renamed back, fresh and resumed through JSON
    const events = eventsOf(hostile)
    const state = fold(events)
    expect(JSON.stringify(renamedBack(state, renaming))).toBe(JSON.stringify(fold(eventsOf(original))))
    const half = Math.floor(events.length / 2)
    const resumed = fold(events.slice(half), viaJson(fold(events.slice(0, half))))
    expect(JSON.stringify(resumed)).toBe(JSON.stringify(state))
    for (const asOf of ['2026-12-31', '2028-06-30', city.summary.to]) {
      const report = fullCityReport(state, asOf)
      expect(JSON.stringify(fullCityReport(resumed, asOf))).toBe(JSON.stringify(report))
      expect(JSON.stringify(rowsInOneOrder(renamedBack(report, renaming)))).toBe(JSON.stringify(rowsInOneOrder(fullCityReport(fold(eventsOf(original)), asOf))))
    }
  }, 60_000)
})
