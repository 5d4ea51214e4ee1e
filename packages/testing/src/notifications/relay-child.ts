/**
 * The body of a relay run in its own process, for the channel adapters' SIGKILL tests: one relay
 * over a store's outbox and one channel, set up the same way for every channel (`quickRelaySettings`), that prints `ready`,
 * delivers until nothing is left, prints its totals as JSON and closes the channel and the store.
 * Each adapter's child script only opens the store and builds its channel from its arguments.
 */
import { createRelay, type NotificationChannel, type Outbox, type RelayOptions } from '@talent-ledger/core'
import { plainRender } from './notice-fixtures.js'

/**
 * Relay settings the channel tests share: plain rendering, the wall clock, a short backoff
 * (20–200 ms, so retries come within a test's time) and four deliveries at once.
 */
export const quickRelaySettings = {
  render: plainRender,
  clock: { now: () => new Date().toISOString() },
  backoff: { baseMs: 20, capMs: 200 },
  concurrency: 4,
} as const satisfies Partial<RelayOptions>

/** What the child relay runs over. */
export interface RelayChildOptions {
  /** The store whose outbox it delivers; closed at the end. */
  readonly store: { readonly outbox: Outbox; readonly close: () => Promise<void> }
  /** The channel it delivers through; closed at the end when it can be. */
  readonly channel: NotificationChannel
  /** The claim lease, in milliseconds (short, so a killed relay's rows come free soon). */
  readonly leaseMs: number
}

/** Runs the relay until idle, printing `ready` before and the totals (JSON) after, then closes everything. */
export const runRelayChild = async ({ store, channel, leaseMs }: RelayChildOptions): Promise<void> => {
  const relay = createRelay({
    outbox: store.outbox,
    channels: [channel],
    ...quickRelaySettings,
    leaseMs,
    batchSize: 8,
  })
  console.log('ready')
  const totals = await relay.run({ untilIdle: true, idleMs: 20 })
  console.log(JSON.stringify(totals))
  await channel.close?.()
  await store.close()
}
