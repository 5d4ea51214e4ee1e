// The example's checks pass on the draft, and catch a draft that does not say what its authors meant.
import { describe, expect, it } from 'vitest'
import { checkInvariants, checkSeniorIntent, seniorIntent } from '../src/checks.js'
import { decodes, draftPolicy } from '../src/draft-policy.js'

describe('checking the lyg-2027 draft', () => {
  it('decodes and keeps every invariant of the testing package', () => {
    expect(decodes(draftPolicy())).toBe(true)
    expect(checkInvariants(draftPolicy(), 100)).toHaveLength(8)
  })

  it('certifies senior exactly as the draft intends', () => {
    expect(() => checkSeniorIntent(draftPolicy(1), seniorIntent(1), 500)).not.toThrow()
  })

  it('reports a counterexample when the document says 2 years but the authors meant 1', () => {
    expect(() => checkSeniorIntent(draftPolicy(2), seniorIntent(1), 500)).toThrow(/Property failed/)
  })
})
