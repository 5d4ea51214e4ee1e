/**
 * The channel adapters the CLI can run (通知渠道登记): one line each, the channel's name (the key of
 * its `notify --config` section and the `channel` of the outbox rows it delivers) mapped to its
 * binding, which its adapter package exports. Adding a channel is its adapter package, one line
 * here (and its import) and one in channel-usage.ts, the light half that names the channels. Rows
 * of a channel not listed stay pending for a relay that has it; `notifications` still counts them.
 */
import { isChannelName, type ChannelBinding, type ChannelName } from '@talent-ledger/core'
import { emailBinding } from '@talent-ledger/notify-email'
import { natsBinding } from '@talent-ledger/notify-nats'
import { webhookBinding } from '@talent-ledger/notify-webhook'
import { CHANNEL_USAGE, channelNames } from './channel-usage.js'

export { channelNames }

/** The registered channels, in the order the CLI lists them. */
export const CHANNELS: Readonly<Record<ChannelName, ChannelBinding>> = {
  webhook: webhookBinding,
  email: emailBinding,
  nats: natsBinding,
}

// a registered name must be one a notification policy can name
for (const name of channelNames) if (!isChannelName(name)) throw new Error(`channel ${JSON.stringify(name)} is not a channel name ([a-z][a-z0-9-]*)`)
// the light half names the same channels, in the same order, with the bindings' own usage texts
if (Object.keys(CHANNELS).join() !== channelNames.join() || channelNames.some((name) => CHANNELS[name]!.usage !== CHANNEL_USAGE[name]))
  throw new Error('channel-usage.ts and registry.ts do not name the same channels in the same order')
