/**
 * `Retry-After` (RFC 9110 §10.2.3): the receiver's own wait, as delay-seconds or an HTTP date. The
 * relay waits at least this long before the next attempt.
 */

/** Milliseconds to wait from `now` (ms), or undefined when the header is absent or unreadable. */
export const retryAfterMs = (value: string | null, now: number): number | undefined => {
  if (value === null) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
