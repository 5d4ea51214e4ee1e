/**
 * Equality of two JSON values as their canonical JSON (RFC 8785) would judge it — same members in
 * any order, same array items in order, same scalars — without building either text. `verify`
 * compares every stored outbox payload with the one its event implies, hundreds of thousands of
 * them on a city's log, where serialising both sides cost more than hashing the events.
 */

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** True when `a` and `b` have the same canonical JSON (members with `undefined` values count as absent). */
export const jsonEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false
    return true
  }
  if (!isObject(a) || !isObject(b)) return false
  // plain loops, no filtered copies of the keys: this runs for every member of every payload
  let members = 0
  for (const k of Object.keys(a)) {
    const v = a[k]
    if (v === undefined) continue
    members++
    if (!Object.prototype.hasOwnProperty.call(b, k) || !jsonEqual(v, b[k])) return false
  }
  for (const k of Object.keys(b)) if (b[k] !== undefined) members--
  return members === 0
}
