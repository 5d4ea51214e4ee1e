/**
 * The ledger's default event ids: UUID v7 (RFC 9562), time-ordered, as `uuid`'s `v7()` makes them —
 * the same monotonic counter within a millisecond (a random start each new millisecond, then one up
 * per id) and the same layout. WHY not `v7()` itself: its random bytes come 16 at a time from a
 * 256-byte pool refilled by a platform call every 15 ids, which was 2 % of a command's CPU; here
 * one Web Crypto call fills 4 KiB, enough for 256 ids. And its text is some twenty joined pieces
 * (an options object, a 16-byte array and a chain of short strings per id, a kilobyte of garbage
 * for two ids a command): `uuidV7Text` writes the same 36 characters as one string.
 */
import { randomBytes } from '@noble/ciphers/webcrypto'

// the character codes of the sixteen hex digits, lowercase as `uuid` writes them
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0))
const DASH = 0x2d

/**
 * The text of `v7({ random, msecs, seq })` (uuid's `v7Bytes` then `unsafeStringify`), with `random`
 * the 16 bytes of `pool` from `at`: 48 bits of milliseconds, version 7 and 12 bits of the counter,
 * the variant and 18 more bits of it, then two random bits and five random bytes.
 */
export const uuidV7Text = (pool: Uint8Array, at: number, msecs: number, seq: number): string => {
  const b0 = (msecs / 0x10000000000) & 0xff
  const b1 = (msecs / 0x100000000) & 0xff
  const b2 = (msecs / 0x1000000) & 0xff
  const b3 = (msecs / 0x10000) & 0xff
  const b4 = (msecs / 0x100) & 0xff
  const b5 = msecs & 0xff
  const b6 = 0x70 | ((seq >>> 28) & 0x0f)
  const b7 = (seq >>> 20) & 0xff
  const b8 = 0x80 | ((seq >>> 14) & 0x3f)
  const b9 = (seq >>> 6) & 0xff
  const b10 = ((seq << 2) & 0xff) | (pool[at + 10]! & 0x03)
  const b11 = pool[at + 11]!
  const b12 = pool[at + 12]!
  const b13 = pool[at + 13]!
  const b14 = pool[at + 14]!
  const b15 = pool[at + 15]!
  const h = HEX
  // one string of 36 character codes: no intermediate pieces
  return String.fromCharCode(
    h[b0 >> 4]!, h[b0 & 15]!, h[b1 >> 4]!, h[b1 & 15]!, h[b2 >> 4]!, h[b2 & 15]!, h[b3 >> 4]!, h[b3 & 15]!, DASH,
    h[b4 >> 4]!, h[b4 & 15]!, h[b5 >> 4]!, h[b5 & 15]!, DASH,
    h[b6 >> 4]!, h[b6 & 15]!, h[b7 >> 4]!, h[b7 & 15]!, DASH,
    h[b8 >> 4]!, h[b8 & 15]!, h[b9 >> 4]!, h[b9 & 15]!, DASH,
    h[b10 >> 4]!, h[b10 & 15]!, h[b11 >> 4]!, h[b11 & 15]!, h[b12 >> 4]!, h[b12 & 15]!, h[b13 >> 4]!, h[b13 & 15]!, h[b14 >> 4]!, h[b14 & 15]!, h[b15 >> 4]!, h[b15 & 15]!,
  )
}

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
    const from = at
    at += 16
    // uuid's `updateV7State`: a later millisecond starts the counter at random bits, the same one counts up
    const now = Date.now()
    if (now > msecs) {
      seq = (pool[from + 6]! << 23) | (pool[from + 7]! << 16) | (pool[from + 8]! << 8) | pool[from + 9]!
      msecs = now
    } else {
      seq = (seq + 1) | 0
      if (seq === 0) msecs++
    }
    return uuidV7Text(pool, from, msecs, seq)
  }
}

/** The ledgers' shared factory: like `v7()`, one counter for the process, so ids made in one millisecond stay ordered. */
export const newEventIdV7 = uuidV7Ids()
