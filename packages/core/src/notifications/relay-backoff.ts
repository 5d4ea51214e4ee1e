/**
 * When the relay tries a notice again (重试间隔): exponential back-off with full jitter, so rows that
 * failed together (a receiver that was down) do not all come back in the same instant, and the
 * receiver's own wait (`Retry-After`) is honoured whenever it asks for longer than our draw.
 */

/** Back-off of the relay: the wait before retry n is a random draw in [0, min(capMs, baseMs·2^(n-1))). */
export interface RelayBackoff {
  /** Upper bound of the first wait, in milliseconds (default 1 000). */
  readonly baseMs?: number
  /** No wait is drawn above this, in milliseconds (default 300 000, five minutes). */
  readonly capMs?: number
}

/** Default base of the relay's back-off (1 s). */
export const DEFAULT_RELAY_BACKOFF_BASE_MS = 1_000
/** Default cap of the relay's back-off (5 min). */
export const DEFAULT_RELAY_BACKOFF_CAP_MS = 300_000

/**
 * Milliseconds to wait after failed attempt number `attempts` (1 = the first attempt failed).
 * `retryAfterMs` (the receiver's request) wins when it is longer than the jittered draw.
 */
export const retryDelayMs = (
  backoff: RelayBackoff,
  attempts: number,
  random: () => number,
  retryAfterMs?: number,
): number => {
  const base = backoff.baseMs ?? DEFAULT_RELAY_BACKOFF_BASE_MS
  const cap = backoff.capMs ?? DEFAULT_RELAY_BACKOFF_CAP_MS
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempts - 1))
  const drawn = Math.floor(random() * ceiling)
  return retryAfterMs !== undefined && retryAfterMs > drawn ? Math.ceil(retryAfterMs) : drawn
}

/** `iso` moved forward by `ms` milliseconds, as an ISO 8601 UTC timestamp. */
export const addMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString()
