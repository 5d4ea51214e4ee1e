/**
 * Sending the schema's `NOTIFY` to other processes after local commits, cheaply enough that eight
 * busy writers do not feel it. Measured on the bench (8 writers, one Node process, 2 cores): a
 * `pg_notify` after every burst of commits, on the appenders' own pool, took a pool connection
 * from the writers much of the time and a query's worth of client work per burst; leaving it out
 * cut the 8-writer append time by 11–24 % (interleaved runs). So the notifies go through a private
 * pool of one connection (outside the appenders' pool, closed after 10 s idle, never keeping the
 * process alive) and are coalesced over a short window: the first commit after a quiet spell
 * starts a `NOTIFY_WINDOW_MS` timer, the commits inside the window ride on the one notify sent when
 * it ends, and a commit during a send starts the next window. Every commit is therefore followed,
 * within about one window and one round trip, by a notify sent after it, which wakes the other
 * processes' subscribers for it; their slow poll stays a safety net only.
 */
import pg from 'pg'

/**
 * How long commits are gathered into one notify by default, in ms: other processes wake this much
 * later at most. Each window that saw a commit costs the server a transaction of its own, and each
 * writer process sends its own: with a 10 ms window, 8 busy writer processes could send 800 a
 * second beside their 1,500–2,500 appends. At 50 ms that is at most 20 a second per process. (On the
 * 2-core bench machine, 8 writer processes appended 0–15 % faster with notifies off than with them
 * on, about as much as runs spread; the notifies are not what limits them there.)
 */
export const NOTIFY_WINDOW_MS = 50

/** The coalescing sender of one store's notifies. */
export interface NotifySender {
  /** Asks for a notify after the commit that just happened (sent at the end of the current window). */
  readonly request: () => void
  /** Sends what is still asked for, then closes the connection. */
  readonly close: () => Promise<void>
}

/** Sends nothing: for a store told not to notify other processes (`notifyWindowMs: 'off'`). */
export const silentSender: NotifySender = { request: () => undefined, close: () => Promise.resolve() }

/**
 * A sender of `NOTIFY channel` over its own connection made with `config` (the appenders' pool's
 * options), gathering the commits of `windowMs` into one notify.
 */
export const createNotifySender = (config: pg.PoolConfig, channel: string, windowMs: number = NOTIFY_WINDOW_MS): NotifySender => {
  // best effort: a failed notify is covered by the subscribers' slow poll; the pool reconnects
  const pool = new pg.Pool({ ...config, max: 1, min: 0, idleTimeoutMillis: 10_000, allowExitOnIdle: true })
  pool.on('error', () => undefined)
  let asked = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let sending: Promise<void> | null = null
  let closed = false
  let closing: Promise<void> | null = null

  const sendNow = (): Promise<void> => {
    asked = false
    return pool.query('SELECT pg_notify($1, $2)', [channel, '']).then(
      () => undefined,
      () => undefined,
    )
  }
  const schedule = (): void => {
    if (timer !== null || sending !== null || closed) return
    const fire = (): void => {
      timer = null
      sending = sendNow().finally(() => {
        sending = null
        if (asked) schedule()
      })
    }
    timer = setTimeout(fire, windowMs)
  }

  return {
    request: () => {
      asked = true
      schedule()
    },
    // idempotent: a store closed twice must not end the pool twice
    close: () =>
      (closing ??= (async () => {
        closed = true
        if (timer !== null) clearTimeout(timer)
        timer = null
        await sending
        if (asked) await sendNow()
        await pool.end()
      })()),
  }
}
