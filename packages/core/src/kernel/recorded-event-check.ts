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

const SHA256_HEX = /^[0-9a-f]{64}$/

// the last string of each kind found valid (strings are immutable: a valid one stays valid)
let goodHash = ''
let goodDate = ''
let goodStamp = ''

const isHash = (u: unknown): boolean => {
  if (u === goodHash) return true
  if (typeof u !== 'string' || !SHA256_HEX.test(u)) return false
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
