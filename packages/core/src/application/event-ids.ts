/**
 * The ledger's default event ids: UUID v7 (RFC 9562), time-ordered, as `uuid`'s `v7()` makes them —
 * the same monotonic counter within a millisecond (a random start each new millisecond, then one up
 * per id) and the same layout. WHY not `v7()` itself: its random bytes come 16 at a time from a
 * 256-byte pool refilled by a platform call every 15 ids, which was 2 % of a command's CPU; here
 * one Web Crypto call fills 4 KiB, enough for 256 ids.
 */
import { randomBytes } from '@noble/ciphers/webcrypto'
import { v7 } from 'uuid'

const POOL_BYTES = 4096

/** An id factory with its own pool and counter (filled on first use). */
export const uuidV7Ids = (): (() => string) => {
  let pool: Uint8Array = new Uint8Array(0)
  let at = 0
  let msecs = -Infinity
  let seq = 0
  return () => {
    if (at + 16 > pool.length) {
      pool = randomBytes(POOL_BYTES)
      at = 0
    }
    const random = pool.subarray(at, (at += 16))
    // uuid's `updateV7State`: a later millisecond starts the counter at random bits, the same one counts up
    const now = Date.now()
    if (now > msecs) {
      seq = (random[6]! << 23) | (random[7]! << 16) | (random[8]! << 8) | random[9]!
      msecs = now
    } else {
      seq = (seq + 1) | 0
      if (seq === 0) msecs++
    }
    return v7({ random, msecs, seq })
  }
}

/** The ledgers' shared factory: like `v7()`, one counter for the process, so ids made in one millisecond stay ordered. */
export const newEventIdV7 = uuidV7Ids()
