/**
 * Equality and readable differences of plain JSON values, for the spec assertions. JSON semantics:
 * a key whose value is `undefined` counts as absent, as it would once stored. No test runner is
 * needed, so the specs work under vitest, node:test, jest or a plain script.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

const definedKeys = (o: Record<string, unknown>): string[] => Object.keys(o).filter((k) => o[k] !== undefined)

const show = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v))

const childPath = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`

/** Every place where `actual` differs from `expected`, as `path: expected …, got …` lines. */
export const jsonDifferences = (expected: unknown, actual: unknown, path = '$', out: string[] = []): string[] => {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) out.push(`${path}: expected ${expected.length} item(s), got ${actual.length}`)
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) jsonDifferences(expected[i], actual[i], childPath(path, i), out)
    return out
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...definedKeys(expected), ...definedKeys(actual)])].sort()
    for (const k of keys) jsonDifferences(expected[k], actual[k], childPath(path, k), out)
    return out
  }
  if (!Object.is(expected, actual)) out.push(`${path}: expected ${show(expected)}, got ${show(actual)}`)
  return out
}

/** True when two plain JSON values are equal (keys holding `undefined` count as absent). */
export const jsonEqual = (expected: unknown, actual: unknown): boolean => jsonDifferences(expected, actual).length === 0

/** Indented JSON for a failure message. */
export const pretty = (v: unknown): string => JSON.stringify(v, null, 2) ?? 'undefined'
