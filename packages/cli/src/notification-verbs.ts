/**
 * The notification verbs of the CLI: `notifications` (the outbox and its delivery status, requeue
 * of parked notices, retention of delivered ones) and `notify` (the relay). Kept beside program.ts, which registers them; both
 * open the store with `withLedger`.
 */
import type { Command } from 'commander'
import { systemClock } from '@talent-ledger/node'
import { notificationsListing, printNotifications } from './commands/notifications.js'
import { compactDelivered, parseRetentionAge } from './commands/compact-delivered.js'
import { runNotify } from './commands/notify.js'
import { CHANNELS, channelNames } from './channels/registry.js'
import { readNotifyConfig } from './notify-config.js'
import { parseChoice } from './options.js'
import { writeLine } from './output.js'
import { UsageError } from './usage-error.js'
import { withLedger } from './with-ledger.js'

const print = (value: unknown): Promise<void> => writeLine(process.stdout, JSON.stringify(value))

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
    .action(async (options: { status?: string; channel?: string; json?: boolean; requeue?: true | string[]; compactDelivered?: string }, command: Command) => {
      const requeue = options.requeue
      if (options.compactDelivered !== undefined) {
        if (options.status !== undefined || options.channel !== undefined || options.json === true || requeue !== undefined)
          throw new UsageError('notifications --compact-delivered takes no --status, --channel, --json or --requeue')
        const age = parseRetentionAge('--compact-delivered', options.compactDelivered)
        await withLedger(command, { mustExist: true }, async (opened) => {
          await print(await compactDelivered(opened.store, age, systemClock.now()))
          return 0
        })
        return
      }
      if (requeue !== undefined) {
        if (options.status !== undefined || options.channel !== undefined || options.json === true) throw new UsageError('notifications --requeue takes no --status, --channel or --json')
        await withLedger(command, { mustExist: true }, async (opened) => {
          await print({ requeued: await opened.store.outbox.requeue(requeue === true ? undefined : requeue) })
          return 0
        })
        return
      }
      const query = {
        ...(options.status === undefined ? {} : { status: parseChoice('--status', options.status, ['pending', 'delivered', 'parked'] as const) }),
        ...(options.channel === undefined ? {} : { channel: parseChoice('--channel', options.channel, channelNames) }),
      }
      await withLedger(command, { mustExist: true, readOnly: true }, async (opened) => {
        await printNotifications(await notificationsListing(opened.store, query, systemClock.now(), channelNames), options.json === true, process.stdout)
        return 0
      })
    })

  program
    .command('notify')
    .description('deliver the outbox through the channels of --config (at least once; what keeps failing is parked)')
    .requiredOption('--config <file>', `JSON: ${channelNames.map((name) => `${name} ${CHANNELS[name]!.usage}`).join(', ')}, relay {…}`)
    .option('--once', 'one round: claim the due notices once, deliver them, exit')
    .option('--until-idle', 'rounds until no pending notice of a configured channel remains (each delivered or parked)')
    .action(async (options: { config: string; once?: boolean; untilIdle?: boolean }, command: Command) => {
      if (options.once === true && options.untilIdle === true) throw new UsageError('notify takes --once or --until-idle, not both')
      const config = readNotifyConfig(options.config)
      const mode = options.once === true ? 'once' : options.untilIdle === true ? 'until-idle' : 'until-stopped'
      await withLedger(command, { mustExist: true }, async (opened) => {
        const stop = new AbortController()
        const abort = (): void => stop.abort()
        process.once('SIGINT', abort).once('SIGTERM', abort)
        try {
          const result = await runNotify({ store: opened.store, keys: opened.keys, clock: systemClock }, config, mode, stop.signal)
          await print(result)
          // a run that parked notices did not do its job: say so in the exit code too
          return result.ok ? 0 : 1
        } finally {
          process.off('SIGINT', abort).off('SIGTERM', abort)
        }
      })
    })
}
