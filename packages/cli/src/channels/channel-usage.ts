/**
 * The light half of the channel registry (registry.ts): each channel's name and the usage text of
 * its `notify --config` section, from its adapter package's `./usage` entry, which loads neither
 * the adapter nor its client library (nodemailer, NATS). `--help` and `notifications` need only
 * this; `notify` loads the bindings themselves.
 */
import type { ChannelName } from '@talent-ledger/core'
import { emailUsage } from '@talent-ledger/notify-email/usage'
import { natsUsage } from '@talent-ledger/notify-nats/usage'
import { webhookUsage } from '@talent-ledger/notify-webhook/usage'

/** The usage text of each registered channel's section, in the order the CLI lists them. */
export const CHANNEL_USAGE: Readonly<Record<ChannelName, string>> = {
  webhook: webhookUsage,
  email: emailUsage,
  nats: natsUsage,
}

/** The registered channel names, in order. */
export const channelNames: ReadonlyArray<ChannelName> = Object.keys(CHANNEL_USAGE)
