/**
 * The header form of an idempotency key: printable ASCII whatever the ids inside (a Chinese
 * employer id made the webhook-id header unbuildable), unchanged for an ASCII key, and one-to-one:
 * decoding gives the key back, so distinct keys never share a header (dedupe stays exact).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { idempotencyHeaderOf, idempotencyKeyOfHeader } from '../src/index.js'

describe('the idempotency key as a header value', () => {
  it('leaves an ASCII key as it is and percent-encodes Chinese ids, spaces and % itself', () => {
    expect(idempotencyHeaderOf('0193:webhook:employer:port-co')).toBe('0193:webhook:employer:port-co')
    expect(idempotencyHeaderOf('0193:webhook:employer:港口集团')).toBe('0193:webhook:employer:%E6%B8%AF%E5%8F%A3%E9%9B%86%E5%9B%A2')
    expect(idempotencyHeaderOf('a b%c')).toBe('a%20b%25c')
  })

  it('is printable ASCII and decodes back to the key, for any key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (key) => {
        const header = idempotencyHeaderOf(key)
        expect(header).toMatch(/^[\x21-\x7e]*$/)
        expect(idempotencyKeyOfHeader(header)).toBe(key)
      }),
    )
  })

  it('answers undefined for a header that is not a percent-encoded key', () => {
    expect(idempotencyKeyOfHeader('evt-1%E6')).toBeUndefined()
    expect(idempotencyKeyOfHeader('evt-1%zz')).toBeUndefined()
  })
})
