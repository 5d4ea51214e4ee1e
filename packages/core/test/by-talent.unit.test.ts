/**
 * Entries by talent, then by id (by-talent.ts): what a flat `talentId/id` dictionary held, with
 * ids that are free text: `__proto__` stays an ordinary entry (own, counted, through JSON) and
 * nothing reaches a prototype; a replaced entry keeps its place.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { entryOf, everyEntry, setEntry, type ByTalent } from '../src/projections/by-talent.js'

describe('entries by talent', () => {
  it('keep `__proto__` as an ordinary talent id and id, through JSON, touching no prototype', () => {
    const byTalent: ByTalent<number> = {}
    setEntry(byTalent, '__proto__', '__proto__', 1)
    setEntry(byTalent, '__proto__', 'g', 2)
    setEntry(byTalent, 't-1', '__proto__', 3)
    expect(({} as Record<string, unknown>)['g']).toBeUndefined()
    expect(Object.getPrototypeOf(byTalent)).toBe(Object.prototype)
    expect(everyEntry(byTalent)).toEqual([1, 2, 3])
    const again = JSON.parse(JSON.stringify(byTalent)) as ByTalent<number>
    expect([entryOf(again, '__proto__', '__proto__'), entryOf(again, '__proto__', 'g'), entryOf(again, 't-1', '__proto__')]).toEqual([1, 2, 3])
    expect(entryOf(again, 't-1', 'toString')).toBeUndefined()
    expect(entryOf(again, 'constructor', 'name')).toBeUndefined()
  })

  it('hold what a flat dictionary keyed `talentId/id` holds when ids have no slash', () => {
    const pair = fc.tuple(fc.constantFrom('t-1', 't-2', '__proto__', 'constructor'), fc.constantFrom('a', 'b', '__proto__', 'toString'), fc.integer())
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 30 }), (sets) => {
        const byTalent: ByTalent<number> = {}
        const flat = new Map<string, number>()
        for (const [talentId, id, v] of sets) {
          setEntry(byTalent, talentId, id, v)
          flat.set(`${talentId}/${id}`, v)
        }
        for (const [key, v] of flat) expect(entryOf(byTalent, key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1))).toBe(v)
        expect(everyEntry(byTalent).sort()).toEqual([...flat.values()].sort())
      }),
    )
  })
  it('list every own entry in the order Object.keys gives, integer-like ids first, inherited keys never', () => {
    const byKeys = <V>(byTalent: ByTalent<V>): V[] => Object.values(byTalent).flatMap((mine) => Object.keys(mine).map((id) => mine[id]!))
    const pair = fc.tuple(fc.constantFrom('t-1', '7', '__proto__', 'constructor', 't-0'), fc.constantFrom('a', '10', '2', '__proto__', 'toString', 'b'), fc.integer())
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 30 }), (sets) => {
        const byTalent: ByTalent<number> = {}
        for (const [talentId, id, v] of sets) setEntry(byTalent, talentId, id, v)
        expect(everyEntry(byTalent)).toEqual(byKeys(byTalent))
        const again = JSON.parse(JSON.stringify(byTalent)) as ByTalent<number>
        expect(everyEntry(again)).toEqual(byKeys(again))
        // records whose prototypes hold enumerable keys: only the own ones are entries
        const withProto = <V>(proto: object, own: Record<string, V>): Record<string, V> => {
          const o = Object.create(proto) as Record<string, V>
          for (const [k, v] of Object.entries(own)) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
          return o
        }
        const inherited = withProto({ 't-9': { x: 1 } }, Object.fromEntries(Object.entries(again).map(([t, mine]) => [t, withProto({ y: 2 }, mine)])))
        expect(everyEntry(inherited)).toEqual(byKeys(again))
      }),
    )
  })
})
