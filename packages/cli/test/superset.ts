// How a read of an old log is compared with what the old code printed, where today's output may
// gain fields and lines (the report's dashboard keys, a profile's posts) but must keep every old one.
import { expect } from 'vitest'

/** `actual` holds every key of `expected` with the same value, recursively (arrays: same length, same order). */
export const deepSubsetProblems = (actual: unknown, expected: unknown, path = '$'): string[] => {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: expected an array of ${expected.length}`]
    return expected.flatMap((e, i) => deepSubsetProblems(actual[i], e, `${path}[${i}]`))
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: expected an object`]
    return Object.entries(expected).flatMap(([k, v]) => (k in actual ? deepSubsetProblems((actual as Record<string, unknown>)[k], v, `${path}.${k}`) : [`${path}.${k}: missing`]))
  }
  return Object.is(actual, expected) ? [] : [`${path}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`]
}

/** The lines of `expected` that do not appear, in order, among the lines of `actual`. */
export const linesMissingInOrder = (actual: string, expected: string): string[] => {
  const lines = actual.split('\n')
  let at = 0
  const missing: string[] = []
  for (const line of expected.split('\n')) {
    const found = lines.indexOf(line, at)
    if (found < 0) missing.push(line)
    else at = found + 1
  }
  return missing
}

/** `actual` prints at least what `expected` printed: a deep JSON subset when it is JSON, else its lines in order. */
export const expectSuperset = (actual: string, expected: string): void => {
  if (expected.trimStart().startsWith('{') || expected.trimStart().startsWith('[')) {
    expect(actual.endsWith('\n'), 'one JSON document, newline-terminated, as the old code printed').toBe(expected.endsWith('\n'))
    expect(deepSubsetProblems(JSON.parse(actual), JSON.parse(expected))).toEqual([])
  } else expect(linesMissingInOrder(actual, expected)).toEqual([])
}
