/**
 * `notifications`: the outbox and its delivery status, requeue of parked notices, retention of
 * delivered ones (registered by notification-verbs.ts, loaded when it runs). It names channels but
 * delivers nothing, so it loads the channels' names (channel-usage.ts), not their adapters.
 */
import type { Command } from 'commander'
import { systemClock } from '@talent-ledger/node'
import { notificationsListing, printNotifications } from '../commands/notifications.js'
import { compactDelivered, parseRetentionAge } from '../commands/compact-delivered.js'
import { channelNames } from '../channels/channel-usage.js'
import { parseChoice } from '../options.js'
import { writeLine } from '../output.js'
import { UsageError } from '../usage-error.js'
import { withLedger } from '../with-ledger.js'

/** The options of `notifications`. */
export interface NotificationsOptions {
  readonly status?: string
  readonly channel?: string
  readonly json?: boolean
  readonly requeue?: true | string[]
  readonly compactDelivered?: string
}

const print = (value: unknown): Promise<void> => writeLine(process.stdout, JSON.stringify(value))

/** Runs `notifications` with `options`. */
export const runNotifications = async (options: NotificationsOptions, command: Command): Promise<void> => {
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
}
