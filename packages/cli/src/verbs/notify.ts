/**
 * `notify`: the relay, delivering the outbox through the channels of `--config` (registered by
 * notification-verbs.ts, loaded when it runs: the channel adapters come with it).
 */
import type { Command } from 'commander'
import { systemClock } from '@talent-ledger/node'
import { runNotify } from '../commands/notify.js'
import { readNotifyConfig } from '../notify-config.js'
import { writeLine } from '../output.js'
import { UsageError } from '../usage-error.js'
import { withLedger } from '../with-ledger.js'

/** The options of `notify`. */
export interface NotifyOptions {
  readonly config: string
  readonly once?: boolean
  readonly untilIdle?: boolean
}

/** Runs `notify` with `options`. */
export const runNotifyVerb = async (options: NotifyOptions, command: Command): Promise<void> => {
  if (options.once === true && options.untilIdle === true) throw new UsageError('notify takes --once or --until-idle, not both')
  const config = readNotifyConfig(options.config)
  const mode = options.once === true ? 'once' : options.untilIdle === true ? 'until-idle' : 'until-stopped'
  await withLedger(command, { mustExist: true }, async (opened) => {
    const stop = new AbortController()
    const abort = (): void => stop.abort()
    process.once('SIGINT', abort).once('SIGTERM', abort)
    try {
      const result = await runNotify({ store: opened.store, keys: opened.keys, clock: systemClock }, config, mode, stop.signal)
      await writeLine(process.stdout, JSON.stringify(result))
      // a run that parked notices did not do its job: say so in the exit code too
      return result.ok ? 0 : 1
    } finally {
      process.off('SIGINT', abort).off('SIGTERM', abort)
    }
  })
}
