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
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]))
  if (!isObject(a) || !isObject(b)) return false
  const keysA = Object.keys(a).filter((k) => a[k] !== undefined)
  const keysB = Object.keys(b).filter((k) => b[k] !== undefined)
  return keysA.length === keysB.length && keysA.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]))
}
