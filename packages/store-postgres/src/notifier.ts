/**
 * Waking subscribers. After an append commits, local subscribers are woken at once and the other
 * processes by a `NOTIFY` on the schema's channel, which a dedicated listening connection per store
 * receives; subscriptions also poll slowly as a safety net (a notification lost with a dropped
 * listening connection, or a writer killed between its commit and its notify).
 * NOTE: the NOTIFY is sent after the commit, not inside the append transaction: a transaction that
 * notifies takes PostgreSQL's database-wide notify lock at commit and holds it through the commit's
 * WAL flush, which would serialise every appender's commit and defeat group commit. It is coalesced
 * over a short window and sent on a connection of its own (`notify-sender.ts`): a notify sent after
 * the latest commit still wakes the listeners for every commit before it.
 */
import pg from 'pg'
import { createNotifySender, silentSender } from './notify-sender.js'

/** The wake-up service of one store. */
export interface Notifier {
  /** Call after a local append committed: wakes local listeners now and notifies other processes. */
  readonly poke: () => void
  /** Calls `listener` on every wake (local or from another process); returns the unsubscribe. Starts listening on first use. */
  readonly onWake: (listener: () => void) => () => void
  /** (Re)starts the listening connection if it is not up; subscribers call it when they poll. */
  readonly keepListening: () => void
  /** Resolves on the next wake, or after `ms`. */
  readonly next: (ms: number) => Promise<void>
  readonly close: () => Promise<void>
}

/** The notify channel of a schema (a channel name is at most 63 bytes; a collision only wakes more). */
export const channelOf = (schema: string): string => `talent_ledger:${schema}`.slice(0, 63)

/** A notifier on `pool` for `schema`; `windowMs` gathers commits into one notify to other processes (`'off'`: none). */
export const createNotifier = (pool: pg.Pool, schema: string, windowMs?: number | 'off'): Notifier => {
  const channel = channelOf(schema)
  const listeners = new Set<() => void>()
  const sender = windowMs === 'off' ? silentSender : createNotifySender(pool.options, channel, windowMs)
  let listening: Promise<pg.Client | null> | null = null
  let closed = false

  const wakeAll = (): void => {
    for (const l of [...listeners]) l()
  }
  const listen = (): void => {
    if (listening !== null || closed) return
    listening = (async () => {
      // the pool's client class: over a hosts list it connects to the current primary
      const client = new ((pool.options.Client as typeof pg.Client | undefined) ?? pg.Client)(pool.options)
      // a dropped listening connection is replaced on the next wake or poll
      client.on('error', () => void (listening = null))
      client.on('end', () => void (listening = null))
      client.on('notification', (n) => {
        if (n.channel === channel) wakeAll()
      })
      try {
        await client.connect()
        await client.query(`LISTEN "${channel}"`)
        if (closed) await client.end()
        // commits between the subscribers' last read and the LISTEN were not notified to us
        else wakeAll()
        return client
      } catch {
        await client.end().catch(() => undefined)
        listening = null
        return null
      }
    })()
  }

  return {
    poke: () => {
      wakeAll()
      sender.request()
    },
    onWake: (listener) => {
      listeners.add(listener)
      listen()
      return () => void listeners.delete(listener)
    },
    keepListening: listen,
    next: (ms) =>
      new Promise((resolve) => {
        const done = (): void => {
          clearTimeout(timer)
          listeners.delete(done)
          resolve()
        }
        const timer = setTimeout(done, ms)
        listeners.add(done)
        listen()
      }),
    close: async () => {
      closed = true
      await sender.close()
      const client = await listening
      listening = null
      await client?.end().catch(() => undefined)
    },
  }
}
