/**
 * The channel adapters the CLI can run (通知渠道登记): one line each, the channel's name (the key of
 * its `notify --config` section and the `channel` of the outbox rows it delivers) mapped to its
 * binding, which its adapter package exports. Adding a channel is its adapter package and one line
 * here (and its import). Rows of a channel not listed stay pending for a relay that has it;
 * `notifications` still counts them.
 */
import { isChannelName, type ChannelBinding, type ChannelName } from '@talent-ledger/core'
import { emailBinding } from '@talent-ledger/notify-email'
import { natsBinding } from '@talent-ledger/notify-nats'
import { webhookBinding } from '@talent-ledger/notify-webhook'

/** The registered channels, in the order the CLI lists them. */
export const CHANNELS: Readonly<Record<ChannelName, ChannelBinding>> = {
  webhook: webhookBinding,
  email: emailBinding,
  nats: natsBinding,
}

/** The registered channel names, in order. */
export const channelNames: ReadonlyArray<ChannelName> = Object.keys(CHANNELS)

// a registered name must be one a notification policy can name
for (const name of channelNames) if (!isChannelName(name)) throw new Error(`channel ${JSON.stringify(name)} is not a channel name ([a-z][a-z0-9-]*)`)
