/**
 * Dictionaries keyed by free text (own-keys.ts): an id, district or field that is one of
 * JavaScript's own property names (`__proto__`, `constructor`, `toString` …) is an ordinary key,
 * held as a `Map` holds it, kept through JSON with the same bytes, and nothing reaches
 * `Object.prototype`. The dashboard's districts are such a dictionary, built on read.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { entryOrKept, keepEntry, ownEntry } from '../src/kernel/own-keys.js'
import { cityDashboardProjection, dashboardReport } from '../src/projections/city-dashboard.js'
import { project } from '../src/kernel/projection.js'
import type { LedgerEvent } from '../src/domain/events.js'

const KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf', 't-1', 'emp-2', '连云区']
const PROTOTYPE_OWN = Object.getOwnPropertyNames(Object.prototype).sort()
const OBJECT_OWN = Object.getOwnPropertyNames(Object).sort()

afterEach(() => {
  // whatever a test did, Object.prototype and Object (`constructor`) have the members they started with
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_OWN)
  expect(Object.getOwnPropertyNames(Object).sort()).toEqual(OBJECT_OWN)
})

describe('dictionaries keyed by free text', () => {
  it('hold what a Map holds, in its order, through JSON with the same bytes', () => {
    const op = fc.oneof(
      fc.tuple(fc.constant('keep' as const), fc.constantFrom(...KEYS), fc.integer()),
      fc.tuple(fc.constant('keptOr' as const), fc.constantFrom(...KEYS), fc.integer()),
      fc.tuple(fc.constant('delete' as const), fc.constantFrom(...KEYS), fc.integer()),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const record: Record<string, number> = {}
        const model = new Map<string, number>()
        for (const [kind, key, n] of ops) {
          if (kind === 'keep') {
            keepEntry(record, key, n)
            model.set(key, n)
          } else if (kind === 'keptOr') {
            expect(entryOrKept(record, key, () => n)).toBe(model.get(key) ?? n)
            if (!model.has(key)) model.set(key, n)
          } else {
            delete record[key]
            model.delete(key)
          }
        }
        expect(Object.getPrototypeOf(record)).toBe(Object.prototype)
        expect(Object.entries(record)).toEqual([...model])
        const again = JSON.parse(JSON.stringify(record)) as Record<string, number>
        expect(JSON.stringify(again)).toBe(JSON.stringify(record))
        for (const key of KEYS) {
          expect(ownEntry(record, key)).toBe(model.get(key))
          expect(ownEntry(again, key)).toBe(model.get(key))
        }
      }),
      { numRuns: 300, seed: 11 },
    )
  })

  it('count talents by district on read when districts are named like Object.prototype members', () => {
    const registered = (talentId: string, district: string) =>
      ({ type: 'TalentRegistered', data: { talentId, district, registeredOn: '2026-01-01', employerId: 'emp-1', relation: 'employee' } }) as unknown as LedgerEvent
    const certified = (talentId: string) => ({ type: 'LevelCertified', data: { talentId, level: 'senior', on: '2026-03-01', source: `${talentId}-a` } }) as unknown as LedgerEvent
    const events = [registered('__proto__', 'constructor'), registered('constructor', '__proto__'), registered('toString', '连云区'), registered('t-4', 'toString'), certified('constructor'), certified('toString'), registered('valueOf', '连云区')]
    const s = project(cityDashboardProjection, events)
    const report = dashboardReport(s, '2026-12-31')
    expect(report.levelsByDistrict).toEqual(JSON.parse('{"constructor":{"none":1},"__proto__":{"senior":1},"连云区":{"senior":1,"none":1},"toString":{"none":1}}'))
    expect(Object.keys(report.levelsByDistrict)).toEqual(['constructor', '__proto__', '连云区', 'toString'])
    expect(report.talentsTotal).toBe(5)
    expect(report.highSkilledTotal).toBe(2)
    // a state resumed from its JSON reports the same bytes
    expect(JSON.stringify(dashboardReport(JSON.parse(JSON.stringify(s)) as typeof s, '2026-12-31'))).toBe(JSON.stringify(report))
  })
})
