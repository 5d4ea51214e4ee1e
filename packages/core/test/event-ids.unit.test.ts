/**
 * The ledger's default event ids (application/event-ids.ts) are UUID v7 as `uuid`'s `v7()` makes
 * them: valid, version 7, their time the clock's, ordered as made even within one millisecond and
 * across refills of the random pool, and all different.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { validate, version } from 'uuid'
import { uuidV7Ids } from '../src/application/event-ids.js'

afterEach(() => void vi.restoreAllMocks())

/** The millisecond a v7 id carries in its first 48 bits. */
const msecsOf = (id: string): number => parseInt(id.replaceAll('-', '').slice(0, 12), 16)

describe('uuidV7Ids', () => {
  it('makes valid version 7 UUIDs carrying the time they were made', () => {
    const next = uuidV7Ids()
    const before = Date.now()
    const id = next()
    expect(validate(id)).toBe(true)
    expect(version(id)).toBe(7)
    expect(msecsOf(id)).toBeGreaterThanOrEqual(before)
    expect(msecsOf(id)).toBeLessThanOrEqual(Date.now())
  })

  it('orders ids made in one millisecond, across several refills of the pool, and never repeats one', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 11, 7))
    const next = uuidV7Ids()
    const ids = Array.from({ length: 1000 }, next)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
    expect(ids.every((id) => validate(id) && version(id) === 7)).toBe(true)
  })

  it('keeps ids ordered when the clock steps back', () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 11, 7, 0, 0, 1))
    const next = uuidV7Ids()
    const first = next()
    now.mockReturnValue(Date.UTC(2026, 11, 7))
    const second = next()
    expect(second > first).toBe(true)
  })
})
