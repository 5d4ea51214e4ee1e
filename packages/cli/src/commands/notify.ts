/**
 * `notify --config FILE [--once | --until-idle]`: the relay (发件箱中继) over the store's outbox,
 * delivering through the channels the configuration names. At least once: a notice is marked
 * delivered only after its channel said so; a temporary failure is retried with back-off, and what
 * keeps failing (or is refused outright) is parked for `notifications --requeue`. Notices are
 * rendered at delivery time from what their rows carry, the talent's personal data opened with the
 * store's KeyStore, so an erased talent's notices carry no name; the ledger is never read back.
 * Rows of a channel the configuration does not name stay pending for a relay that has it.
 * Without `--once` or `--until-idle` it runs until SIGINT or SIGTERM.
 */
import {
  createRelay,
  noticeRenderer,
  type Clock,
  type DeliveryStatus,
  type EventStore,
  type KeyStore,
  type NotificationChannel,
  type RelayAbortSignal,
  type RelayTotals,
} from '@talent-ledger/core'
import { CHANNELS } from '../channels/registry.js'
import { configuredChannels, type NotifyConfig } from '../notify-config.js'

/** How long `notify` runs: one round, until nothing deliverable is pending, or until stopped. */
export type NotifyMode = 'once' | 'until-idle' | 'until-stopped'

/**
 * What a `notify` run did, and the outbox after it. `ok` is false when this run parked any notice
 * (refused outright or out of attempts): those need someone to look (`message` says what to do),
 * and the CLI exits 1.
 */
export interface NotifyResult extends RelayTotals {
  readonly ok: boolean
  readonly channels: ReadonlyArray<string>
  readonly outbox: Readonly<Record<DeliveryStatus, number>>
  readonly message?: string
}

const parkedMessage = (parked: number): string =>
  `${parked} notice${parked === 1 ? ' was' : 's were'} parked in this run: see notifications --status parked for why, fix it, then notifications --requeue`

/** The channel adapters the configuration names, each under its registered name. */
export const channelsOf = (config: NotifyConfig): NotificationChannel[] => configuredChannels(config).map((name) => CHANNELS[name]!.open(config[name], name))

/** Runs the relay in `mode` and closes the channels afterwards. */
export const runNotify = async (
  deps: { readonly store: EventStore; readonly keys: Pick<KeyStore, 'find'>; readonly clock: Clock },
  config: NotifyConfig,
  mode: NotifyMode,
  signal: RelayAbortSignal,
): Promise<NotifyResult> => {
  const channels = channelsOf(config)
  try {
    const r = config.relay ?? {}
    const relay = createRelay({
      outbox: deps.store.outbox,
      channels,
      render: noticeRenderer({ keys: deps.keys }),
      clock: deps.clock,
      ...(r.maxAttempts === undefined ? {} : { maxAttempts: r.maxAttempts }),
      ...(r.leaseMs === undefined ? {} : { leaseMs: r.leaseMs }),
      ...(r.batchSize === undefined ? {} : { batchSize: r.batchSize }),
      ...(r.concurrency === undefined ? {} : { concurrency: r.concurrency }),
      backoff: { ...(r.backoffBaseMs === undefined ? {} : { baseMs: r.backoffBaseMs }), ...(r.backoffCapMs === undefined ? {} : { capMs: r.backoffCapMs }) },
    })
    const totals: RelayTotals =
      mode === 'once' ? { rounds: 1, ...(await relay.runOnce()) } : await relay.run({ signal, untilIdle: mode === 'until-idle', ...(r.idleMs === undefined ? {} : { idleMs: r.idleMs }) })
    const outbox = await deps.store.outbox.counts()
    const base = { channels: channels.map((c) => c.name), ...totals, outbox }
    return totals.parked === 0 ? { ok: true, ...base } : { ok: false, ...base, message: parkedMessage(totals.parked) }
  } finally {
    await Promise.allSettled(channels.map((c) => c.close?.()))
  }
}
