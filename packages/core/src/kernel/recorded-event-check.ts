/**
 * The `RecordedEvent` codec's check (`RecordedEvent.is`) written out by hand, for the stores' read
 * path: every row a store reads is checked before it is trusted, and io-ts walks its codec tree
 * for each, which cost more than reading the row. This accepts exactly what the codec accepts (a
 * property test holds it to `RecordedEvent.is`); a row it refuses goes through the codec, which
 * names what is wrong. Within a stream, each event's `prevHash` is the hash of the one before and
 * events of one command share their dates, so a string already found valid is accepted again at
 * the cost of a comparison: validity depends on the string alone, never on where it was read.
 */
import { isLocalDate, isTimestamp } from './dates.js'

/**
 * True exactly when `/^[0-9a-f]{64}$/` matches `s`, read character by character: the regular
 * expression cost three times as much, once for every row read. Branch-free, because digits and
 * letters follow each other at random in a hash: a character is bad when it is neither 0-9 nor
 * a-f, which leaves both `(d | (9 - d))` and `(l | (5 - l))` negative, and the sign bit stays in `bad`.
 */
const isSha256Hex = (s: string): boolean => {
  if (s.length !== 64) return false
  let bad = 0
  for (let i = 0; i < 64; i++) {
    const c = s.charCodeAt(i)
    const d = c - 48 // '0'
    const l = c - 97 // 'a'
    bad |= (d | (9 - d)) & (l | (5 - l))
  }
  return bad >= 0
}

// the last string of each kind found valid (strings are immutable: a valid one stays valid)
let goodHash = ''
let goodDate = ''
let goodStamp = ''

const isHash = (u: unknown): boolean => {
  if (u === goodHash) return true
  if (typeof u !== 'string' || !isSha256Hex(u)) return false
  goodHash = u
  return true
}

const isDate = (u: unknown): boolean => {
  if (u === goodDate) return true
  if (typeof u !== 'string' || !isLocalDate(u)) return false
  goodDate = u
  return true
}

const isStamp = (u: unknown): boolean => {
  if (u === goodStamp) return true
  if (typeof u !== 'string' || !isTimestamp(u)) return false
  goodStamp = u
  return true
}

/** io-ts's `UnknownRecord`: an object that is not an array. */
const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> => u !== null && typeof u === 'object' && !Array.isArray(u)

/** io-ts's rule for a prop typed `unknown`: any value, but an `undefined` one only if the key is there. */
const hasData = (o: Readonly<Record<string, unknown>>): boolean => o.data !== undefined || Object.prototype.hasOwnProperty.call(o, 'data')

/** True exactly when `RecordedEvent.is(u)`: the envelope's shape, dates that exist, hashes of 64 lowercase hex digits. */
export const isRecordedEvent = (u: unknown): boolean => {
  if (!isRecord(u)) return false
  const m = u.metadata
  if (!isRecord(m)) return false
  const actor = m.actor
  return (
    typeof u.eventId === 'string' &&
    typeof u.streamId === 'string' &&
    typeof u.version === 'number' &&
    typeof u.type === 'string' &&
    typeof u.schemaVersion === 'number' &&
    hasData(u) &&
    isRecord(actor) &&
    typeof actor.id === 'string' &&
    typeof actor.role === 'string' &&
    typeof m.correlationId === 'string' &&
    (typeof m.causationId === 'string' || m.causationId === null) &&
    isDate(m.occurredOn) &&
    isStamp(m.recordedAt) &&
    typeof u.globalPosition === 'number' &&
    isHash(u.prevHash) &&
    isHash(u.hash)
  )
}
