/**
 * The notification verbs of the CLI: `notifications` (the outbox and its delivery status, requeue
 * of parked notices). Kept beside program.ts, which hands them its store opener.
 */
import type { Command } from 'commander'
import { systemClock } from '@talent-ledger/store-memory'
import { notificationsListing, printNotifications } from './commands/notifications.js'
import { parseChoice } from './options.js'
import { writeLine } from './output.js'
import type { withLedger as WithLedger } from './program.js'
import { UsageError } from './usage-error.js'

const print = (value: unknown): Promise<void> => writeLine(process.stdout, JSON.stringify(value))

/** Adds the notification verbs to `program`; `withLedger` opens the store of `--store` for a verb. */
export const addNotificationVerbs = (program: Command, withLedger: typeof WithLedger): void => {
  program
    .command('notifications')
    .description('notices in the outbox (written with their events) and the delivery status: pending, delivered, parked')
    .option('--status <status>', 'list only notices in this status: pending | delivered | parked')
    .option('--channel <channel>', 'list only notices for this channel: webhook | email | nats')
    .option('--json', 'print {summary, notices} as one JSON line')
    .option('--requeue [ids...]', 'move parked notices (all, or the ids given) back to pending, due now; prints {"requeued":N}')
    .action(async (options: { status?: string; channel?: string; json?: boolean; requeue?: true | string[] }, command: Command) => {
      const requeue = options.requeue
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
        ...(options.channel === undefined ? {} : { channel: parseChoice('--channel', options.channel, ['webhook', 'email', 'nats'] as const) }),
      }
      await withLedger(command, { mustExist: true, readOnly: true }, async (opened) => {
        await printNotifications(await notificationsListing(opened.store, query, systemClock.now()), options.json === true, process.stdout)
        return 0
      })
    })
}
