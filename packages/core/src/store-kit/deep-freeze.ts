/**
 * Freezing a value read from a store all the way down, for a value handed to more than one reader
 * (a shared outbox payload, the metadata of consecutive rows, an in-memory stored event): none of
 * them can then change what another reads, or what a hash covers. An object already frozen is
 * taken as frozen below too (every caller freezes whole values only).
 */

/** Freezes `value` and everything it holds; returns it. */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}
