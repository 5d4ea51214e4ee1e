/**
 * The idempotency key as a header value. HTTP (`webhook-id`), NATS (`Nats-Msg-Id`) and mail
 * (`X-Idempotency-Key`) headers carry ASCII only, while a key holds the recipient's id, which may be
 * Chinese (`…:webhook:employer:港口集团`): sent raw, the header cannot even be built. Every character
 * outside printable ASCII, and `%` itself, is percent-encoded as UTF-8, so an ASCII key stays as it
 * is and the mapping is one-to-one: `idempotencyKeyOfHeader` gives the key back.
 */

/** One character as UTF-8 percent escapes; a lone surrogate (never in a decoded id) as U+FFFD. */
const escaped = (c: string): string => {
  try {
    return encodeURIComponent(c)
  } catch {
    return '%EF%BF%BD'
  }
}

/** The header form of an idempotency key: printable ASCII, equal to the key when it is ASCII without `%`. */
export const idempotencyHeaderOf = (key: string): string => key.replace(/[^\x21-\x24\x26-\x7e]/gu, escaped)

/** The key a header value stands for; undefined when the value is not a header form (bad `%` escapes, not UTF-8). */
export const idempotencyKeyOfHeader = (header: string): string | undefined => {
  try {
    return decodeURIComponent(header)
  } catch {
    return undefined
  }
}
