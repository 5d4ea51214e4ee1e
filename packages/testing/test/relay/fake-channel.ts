/**
 * A scripted channel for the relay's unit tests (pure logic, so a fake is allowed): each send takes
 * the next outcome of the notice's script, and the channel records what reached its "receiver".
 */
import type { ChannelName, DeliveryOutcome, Notice, NotificationChannel } from '@talent-ledger/core'

/** One scripted answer. `throw` fails before sending; `lost-ack` hands the notice over, then throws. */
export type Step = 'delivered' | 'retry' | 'retry-after' | 'rejected' | 'throw' | 'lost-ack'

/** A fake channel: `received` lists keys the receiver got, `sends` counts calls per key. */
export interface FakeChannel extends NotificationChannel {
  readonly received: string[]
  readonly sends: Map<string, number>
  readonly maxInFlight: () => number
}

/** A channel answering each key's sends with `script(key)` in turn (then `fallback`). */
export const fakeChannel = (
  name: ChannelName,
  script: (key: string) => ReadonlyArray<Step>,
  fallback: Step = 'delivered',
  delayMs = 0,
): FakeChannel => {
  const received: string[] = []
  const sends = new Map<string, number>()
  let inFlight = 0
  let maxInFlight = 0
  const send = async (notice: Notice): Promise<DeliveryOutcome> => {
    const n = sends.get(notice.idempotencyKey) ?? 0
    sends.set(notice.idempotencyKey, n + 1)
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    try {
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs))
      const step = script(notice.idempotencyKey)[n] ?? fallback
      switch (step) {
        case 'delivered':
          received.push(notice.idempotencyKey)
          return { kind: 'delivered' }
        case 'retry':
          return { kind: 'retry', reason: 'HTTP 503' }
        case 'retry-after':
          return { kind: 'retry', reason: 'HTTP 429', retryAfterMs: 120_000 }
        case 'rejected':
          return { kind: 'rejected', reason: 'HTTP 404' }
        case 'throw':
          throw new Error('connection refused')
        case 'lost-ack':
          received.push(notice.idempotencyKey)
          throw new Error('socket hang up after the body was sent')
      }
    } finally {
      inFlight--
    }
  }
  return { name, send, received, sends, maxInFlight: () => maxInFlight }
}
