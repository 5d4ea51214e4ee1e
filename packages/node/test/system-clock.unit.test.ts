// The system clock stamps `recordedAt`: an ISO-8601 UTC timestamp that round-trips through Date
// and reads the wall clock, not a fixed or manual time.
import { expect, it } from 'vitest'
import { systemClock } from '../src/index.js'

it('reads the wall clock as an ISO-8601 UTC timestamp', () => {
  const before = Date.now()
  const now = systemClock.now()
  const after = Date.now()
  expect(new Date(now).toISOString()).toBe(now)
  expect(Date.parse(now)).toBeGreaterThanOrEqual(before)
  expect(Date.parse(now)).toBeLessThanOrEqual(after)
})
