// The example's checks pass on the draft, and catch a draft that does not say what its authors meant.
import { describe, expect, it } from 'vitest'
import { checkInvariants, checkSeniorIntent, seniorIntent } from '../src/checks.js'
import { decodes, draftPolicy } from '../src/draft-policy.js'

describe('checking the lyg-2027 draft', () => {
  it('decodes and keeps every invariant of the testing package', async () => {
    expect(decodes(draftPolicy())).toBe(true)
    expect(await checkInvariants(draftPolicy(), 100)).toHaveLength(9)
  })

  it('certifies senior exactly as the draft intends', async () => {
    await expect(checkSeniorIntent(draftPolicy(1), seniorIntent(1), 500)).resolves.toBeUndefined()
  })

  it('reports a counterexample when the document says 2 years but the authors meant 1', async () => {
    await expect(checkSeniorIntent(draftPolicy(2), seniorIntent(1), 500)).rejects.toThrow(/Property failed/)
  })
})
