/**
 * `combinedProjection`: several projections folded in one pass give each the state it reaches
 * alone; each event reaches only the parts that read its type; the combination names the union of
 * their types, or none (every event) when a part names none.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { combinedProjection, project, type Projection } from '../src/index.js'

type Ev = { readonly type: 'A' | 'B' | 'C'; readonly n: number }

const counter = (name: string, types?: ReadonlyArray<Ev['type']>): Projection<{ seen: string[] }, Ev> => ({
  name,
  ...(types === undefined ? {} : { eventTypes: new Set(types) }),
  initialState: () => ({ seen: [] }),
  // a part that names its types must leave the state alone for the others: it records only those
  apply: (s, e) => {
    if (types === undefined || types.includes(e.type)) s.seen.push(`${e.type}${e.n}`)
    return s
  },
})
// a part that returns a new state instead of updating in place
const sum: Projection<number, Ev> = { name: 'sum', eventTypes: new Set(['B']), initialState: () => 0, apply: (s, e) => (e.type === 'B' ? s + e.n : s) }

const events = fc.array(fc.record({ type: fc.constantFrom<Ev['type']>('A', 'B', 'C'), n: fc.integer({ min: 0, max: 9 }) }), { maxLength: 30 })

describe('combinedProjection', () => {
  it('gives each part the state it reaches alone, and names the union of their types', () => {
    const parts = { a: counter('a', ['A']), ab: counter('ab', ['A', 'B']), sum }
    const combined = combinedProjection('both', parts)
    expect([...(combined.eventTypes ?? [])].sort()).toEqual(['A', 'B'])
    fc.assert(
      fc.property(events, (log) => {
        const state = project(combined, log)
        expect(state).toEqual({ a: project(parts.a, log), ab: project(parts.ab, log), sum: project(sum, log) })
      }),
    )
  })

  it('names no types, and hands every event to a part that names none', () => {
    const combined = combinedProjection('all', { every: counter('every'), a: counter('a', ['A']) })
    expect(combined.eventTypes).toBeUndefined()
    const log: Ev[] = [{ type: 'A', n: 1 }, { type: 'C', n: 2 }, { type: 'B', n: 3 }]
    expect(project(combined, log)).toEqual({ every: { seen: ['A1', 'C2', 'B3'] }, a: { seen: ['A1'] } })
  })
})
