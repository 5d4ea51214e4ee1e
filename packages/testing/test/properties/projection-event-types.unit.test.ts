/**
 * A projection that names its `eventTypes` lets a rebuild skip every other event undecoded (the
 * report's replay). That is only sound when `apply` leaves the state as it is for every type it
 * does not name: here, for generated city histories, folding only the named types gives exactly the
 * state that folding every event gives. NOTE: a type handled in `apply` but missing from the list
 * would make `report` silently drop it; this test is what catches that.
 */
import * as fc from 'fast-check'
import {
  benefitFiguresProjection,
  cityDashboardProjection,
  cooperationFiguresProjection,
  featuredCertificatesProjection,
  honourFiguresProjection,
  project,
  seniorPostsProjection,
  serviceFiguresProjection,
  type Projection,
} from '@talent-ledger/core'
import { describe, expect, it } from 'vitest'
import { cityHistory, commandsOf } from '../../src/arbitraries/history.js'
import { runPureLedger } from '../../src/invariants/index.js'

type Named = Projection<unknown, { readonly type: string }>
const NAMED: ReadonlyArray<Named> = [cityDashboardProjection, benefitFiguresProjection, honourFiguresProjection, serviceFiguresProjection, seniorPostsProjection, featuredCertificatesProjection, cooperationFiguresProjection].map((p) => p as unknown as Named)

/** The state from every event, and from the named types only. */
const both = (projection: Named, events: ReadonlyArray<{ readonly type: string }>) => ({
  all: project(projection, events),
  named: project(projection, events.filter((e) => projection.eventTypes!.has(e.type))),
})

describe('a projection’s eventTypes', () => {
  it('every report projection names the types it reads', () => {
    for (const p of NAMED) expect(p.eventTypes, p.name).toBeDefined()
  })

  it('folding the named types alone gives the state folding every event gives', async () => {
    await fc.assert(
      fc.asyncProperty(cityHistory({ talents: { min: 1, max: 6 } }), async (h) => {
        const events = (await runPureLedger(await commandsOf(h))).log.map((l) => l.event)
        for (const p of NAMED) {
          const { all, named } = both(p, events)
          expect(named, p.name).toEqual(all)
        }
      }),
      { numRuns: 25, seed: 13 },
    )
  })

  it('would catch a type left out of the list', async () => {
    const dropped: Named = { ...(cityDashboardProjection as unknown as Named), eventTypes: new Set([...cityDashboardProjection.eventTypes!].filter((t) => t !== 'TalentRegistered')) }
    const [h] = fc.sample(cityHistory({ talents: { min: 1, max: 3 } }), { numRuns: 1, seed: 2 })
    const events = (await runPureLedger(await commandsOf(h!))).log.map((l) => l.event)
    const { all, named } = both(dropped, events)
    expect(named).not.toEqual(all)
  })
})
