/**
 * Every named invariant, 1,000 generated city histories each, under the shipped default policy
 * (`national-2018`, no AdoptPolicy): histories of 1–3 talents with arbitrary commands mixed in.
 */
import { describe, it } from 'vitest'
import { allInvariants, assertInvariant } from '../../src/invariants/index.js'

describe('invariants under the default policy', () => {
  for (const invariant of allInvariants)
    it(`${invariant.invariantName}: ${invariant.statement}`, async () => {
      await assertInvariant(invariant, { numRuns: 1000 })
    })
})
