/**
 * The second half of the named invariants, 1,000 histories each, with one or two generated policy
 * documents adopted at random dates (years and amounts varied, values unset, competition table
 * edited). The first half is in invariants-city-policies-a, so the two run side by side.
 */
import { describe, it } from 'vitest'
import { policyDocument } from '../../src/arbitraries/index.js'
import { allInvariants, assertInvariant } from '../../src/invariants/index.js'

describe('invariants under policies a city adopts (2/2)', () => {
  for (const invariant of allInvariants.slice(4))
    it(`${invariant.invariantName}: ${invariant.statement}`, async () => {
      await assertInvariant(invariant, { numRuns: 1000, policies: policyDocument() })
    })
})
