/**
 * The notification verbs of the CLI: `notifications` (the outbox and its delivery status, requeue
 * of parked notices, retention of delivered ones) and `notify` (the relay). Kept beside program.ts,
 * which registers them. Only their options and usage texts are here, which name the channels
 * (channel-usage.ts, not the adapters): what each does is in verbs/, loaded when it runs, so that
 * `--help` loads what it prints.
 */
import type { Command } from 'commander'
import { CHANNEL_USAGE, channelNames } from './channels/channel-usage.js'
import type { NotificationsOptions } from './verbs/notifications.js'
import type { NotifyOptions } from './verbs/notify.js'

/** Adds the notification verbs to `program`. */
export const addNotificationVerbs = (program: Command): void => {
  program
    .command('notifications')
    .description('notices in the outbox (written with their events) and the delivery status: pending, delivered, parked')
    .option('--status <status>', 'list only notices in this status: pending | delivered | parked')
    .option('--channel <channel>', `list only notices for this channel: ${channelNames.join(' | ')}`)
    .option('--json', 'print {summary, notices} as one JSON line')
    .option('--requeue [ids...]', 'move parked notices (all, or the ids given) back to pending, due now; prints {"requeued":N}')
    .option(
      '--compact-delivered <age>',
      'retention: notices delivered more than AGE ago (30d, 12h) keep only their columns and the hash of their payload; prints {"compacted":N,"before":TIME}',
    )
    .action(async (options: NotificationsOptions, command: Command) => (await import('./verbs/notifications.js')).runNotifications(options, command))

  program
    .command('notify')
    .description('deliver the outbox through the channels of --config (at least once; what keeps failing is parked)')
    .requiredOption('--config <file>', `JSON: ${channelNames.map((name) => `${name} ${CHANNEL_USAGE[name]!}`).join(', ')}, relay {…}`)
    .option('--once', 'one round: claim the due notices once, deliver them, exit')
    .option('--until-idle', 'rounds until no pending notice of a configured channel remains (each delivered or parked)')
    .action(async (options: NotifyOptions, command: Command) => (await import('./verbs/notify.js')).runNotifyVerb(options, command))
}
