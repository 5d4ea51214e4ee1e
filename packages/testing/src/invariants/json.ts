/**
 * Structural equality of plain-JSON values (state is plain JSON, so this is equality of state),
 * reporting where two values first differ so a failed invariant says what went wrong.
 */

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** The path where `a` and `b` first differ, or null when they are equal (keys with `undefined` count as absent). */
export const firstDifference = (a: unknown, b: unknown, path = '$'): string | null => {
  if (a === b) return null
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length (${a.length} ≠ ${b.length})`
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`)
      if (d !== null) return d
    }
    return null
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => a[k] !== undefined || b[k] !== undefined))
    for (const k of [...keys].sort()) {
      const d = firstDifference(a[k], b[k], `${path}.${k}`)
      if (d !== null) return d
    }
    return null
  }
  return `${path} (${JSON.stringify(a)} ≠ ${JSON.stringify(b)})`
}

/** The value after a trip through JSON text, as a store or a wire would give it back. */
export const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown
