/**
 * Telling a lost server from a refused request. During a failover the old primary's connections
 * break mid-query (the socket closes, or the server says it is shutting down), new connections are
 * refused until a standby is promoted, and a demoted primary comes back as a standby (a new
 * connection finds it in the wrong role). Each of these says "try again on the new primary", never "your request was wrong": the
 * store retries what is safe to repeat (reads, idempotent writes, appends by event id).
 */
import { errorCode } from './errors.js'

/** A connection that reached a server of the wrong kind (a standby when a primary was wanted). */
export const WRONG_ROLE = 'TL_WRONG_ROLE'

const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'EAI_AGAIN', WRONG_ROLE])

/**
 * SQLSTATEs of a server going away: 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot
 * connect now (starting or stopping), 08xxx connection exceptions. Not 25006 (a read-only
 * transaction): a server that refuses writes is a standby named on purpose, and Patroni restarts a
 * demoted primary, which breaks its connections anyway.
 */
const SERVER_GONE = /^(57P0[123]|08...)$/

/** Whether `error` says the connection or the server was lost (so the request may be retried elsewhere). */
export const isConnectionLoss = (error: unknown): boolean => {
  const code = errorCode(error)
  if (code !== undefined && (NETWORK.has(code) || SERVER_GONE.test(code))) return true
  if (error instanceof AggregateError) return error.errors.length > 0 && error.errors.every(isConnectionLoss)
  if (typeof error === 'object' && error !== null && 'transient' in error && error.transient === true) return true
  return error instanceof Error && /Connection terminated|connection timeout|Client has encountered a connection error|not queryable|socket hang up/i.test(error.message)
}

const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', WRONG_ROLE, '57P03'])

/** Whether `error` came before a request could reach any server (refused, no host fits, starting up): nothing of it was done. */
export const neverSent = (error: unknown): boolean => {
  const code = errorCode(error)
  if (code !== undefined && NEVER_SENT.has(code)) return true
  if (error instanceof AggregateError) return error.errors.length > 0 && error.errors.every(neverSent)
  return typeof error === 'object' && error !== null && 'transient' in error && error.transient === true
}

/** Waits `ms`, without keeping the process alive for it. */
export const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    timer.unref()
  })

/**
 * Runs `work`, again after a connection loss, until it succeeds, fails otherwise, or `budgetMs`
 * has passed since the first attempt (then the last loss is thrown). Only for work that may run
 * twice: a read, an upsert, a write idempotent by key.
 */
export const retryOnConnectionLoss = async <T>(work: () => Promise<T>, budgetMs: number): Promise<T> => {
  const deadline = Date.now() + budgetMs
  for (let attempt = 0; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (!isConnectionLoss(error) || Date.now() >= deadline) throw error
      await pause(Math.min(50 * 2 ** attempt, 1_000, Math.max(0, deadline - Date.now())))
    }
  }
}

/**
 * `port` with every method retried after a connection loss for up to `budgetMs` (the outbox: a
 * claim repeated after a lost answer only leases rows until their lease ends, and the marks are
 * updates by id, so repeating one keeps delivery at least once).
 */
export const retryingPort = <T extends object>(port: T, budgetMs: number): T =>
  Object.fromEntries(
    Object.entries(port).map(([name, value]) => [
      name,
      typeof value === 'function' ? (...args: unknown[]) => retryOnConnectionLoss(async () => (value as (...a: unknown[]) => unknown).apply(port, args), budgetMs) : value,
    ]),
  ) as T
