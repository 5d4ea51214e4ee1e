/**
 * A pool over a hosts list. Each new connection goes to the server the resolver chose
 * (`primary-resolver.ts`), checks its role when the URL asks for one, and on failure makes the
 * resolver ask every host again. The pool waits up to `failoverTimeoutMs` for a connection — a
 * failover leaves no primary for some seconds — retrying only the connecting, which is always safe
 * (nothing was sent). The clients carry the resolver in their class, so the notify sender's pool and
 * the LISTEN connection, made from the same options, follow the primary too.
 * A one-host URL without `target_session_attrs` gets the driver's plain pool, as before.
 */
import pg from 'pg'
import { describeTargets, hostUrl, needsHostSelection, parseConnectionUrl, type HostPort } from './connection-url.js'
import { retryOnConnectionLoss, WRONG_ROLE } from './connection-loss.js'
import { PostgresStoreError } from './errors.js'
import { createPrimaryResolver, readRole, type PrimaryResolver } from './primary-resolver.js'

/** How long a store over a hosts list waits for a suitable server by default, in ms (a Patroni failover takes 5–30 s). */
export const DEFAULT_FAILOVER_TIMEOUT_MS = 60_000

/** How long a probe waits for one host by default (libpq's `connect_timeout` overrides it). */
const PROBE_TIMEOUT_MS = 5_000

/** A URL the store cannot use, with what is wrong with it. */
export class PostgresUrlError extends PostgresStoreError {
  constructor(problem: string) {
    super(`not a usable PostgreSQL URL: ${problem}`)
    this.name = 'PostgresUrlError'
  }
}

const wrongRole = (host: HostPort, resolver: PrimaryResolver): Error =>
  Object.assign(new Error(`${host.host}:${host.port} does not fit target_session_attrs=${resolver.targets.targetSessionAttrs}`), { code: WRONG_ROLE })

/** A client class whose connections go where `resolver` says. */
const clientOf = (resolver: PrimaryResolver): typeof pg.Client =>
  class FailoverClient extends pg.Client {
    // the driver's overloads: a promise without a callback, the callback with one
    override connect(): Promise<pg.Client>
    override connect(callback: (err: Error) => void): void
    override connect(callback?: (err: Error) => void): Promise<pg.Client> | void {
      const connected = this.connectToChosen()
      if (callback === undefined) return connected
      connected.then(() => callback(null as unknown as Error), callback)
    }

    private async connectToChosen(): Promise<pg.Client> {
      const host = await resolver.current()
      const params = (this as unknown as { connectionParameters: { host: string; port: number } }).connectionParameters
      this.host = params.host = host.host
      this.port = params.port = host.port
      try {
        await super.connect()
      } catch (error) {
        resolver.forget(host)
        throw error
      }
      if (!resolver.checksRole) return this
      let fits: boolean
      try {
        fits = resolver.fits(await readRole(this as pg.Client))
      } catch (error) {
        resolver.forget(host)
        await this.end().catch(() => undefined)
        throw error
      }
      if (fits) return this
      resolver.forget(host)
      await this.end().catch(() => undefined)
      throw wrongRole(host, resolver)
    }
  }

/** The driver's pool, waiting through a failover for each new connection. */
export class FailoverPool extends pg.Pool {
  constructor(
    readonly resolver: PrimaryResolver,
    config: pg.PoolConfig,
    readonly failoverTimeoutMs: number,
  ) {
    super({ ...config, Client: clientOf(resolver) })
  }

  // the driver's overloads: a promise without a callback, the callback with one (its `any` is the driver's)
  /* eslint-disable @typescript-eslint/no-explicit-any */
  override connect(): Promise<pg.PoolClient>
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: any) => void) => void): void
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: any) => void) => void): Promise<pg.PoolClient> | void {
    const connected = retryOnConnectionLoss(() => super.connect(), this.failoverTimeoutMs)
    if (callback === undefined) return connected
    connected.then(
      (client) => callback(undefined, client, (release?: unknown) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => undefined),
    )
  }
  /* eslint-enable @typescript-eslint/no-explicit-any */
}

/** Options of a store's pool. */
export interface StorePoolOptions {
  readonly max: number
  /** How long a connection waits for a suitable server of a hosts list (default 60 s). */
  readonly failoverTimeoutMs?: number
}

/**
 * The pool for `connectionString`: the driver's own for one host, a `FailoverPool` for a hosts list
 * or a `target_session_attrs`. Throws `PostgresUrlError` for a URL it cannot use.
 */
export const createStorePool = (connectionString: string, options: StorePoolOptions): pg.Pool => withQuietClients(makePool(connectionString, options))

const makePool = (connectionString: string, options: StorePoolOptions): pg.Pool => {
  if (!/^postgres(ql)?:\/\//.test(connectionString)) return new pg.Pool({ connectionString, max: options.max })
  const parsed = parseConnectionUrl(connectionString)
  if (!parsed.ok) throw new PostgresUrlError(parsed.problem)
  if (!needsHostSelection(parsed.targets)) return new pg.Pool({ connectionString, max: options.max })
  const first = parsed.targets.hosts[0]!
  const resolver = createPrimaryResolver(parsed.targets, (parsed.targets.connectTimeoutS ?? 0) > 0 ? parsed.targets.connectTimeoutS! * 1_000 : PROBE_TIMEOUT_MS)
  // the driver's options for one host (user, database, ssl, …); each client then picks its host
  return new FailoverPool(resolver, { connectionString: hostUrl(parsed.targets, first), max: options.max }, options.failoverTimeoutMs ?? DEFAULT_FAILOVER_TIMEOUT_MS)
}

/**
 * A server lost while a connection is checked out emits an `error` event on it besides failing its
 * query; with no listener that event would end the process. The failed query reports the loss and
 * the pool drops the connection, so the event itself is ignored (and the pool's, for idle ones).
 */
const withQuietClients = (pool: pg.Pool): pg.Pool => {
  pool.on('error', () => undefined)
  pool.on('connect', (client) => void client.on('error', () => undefined))
  return pool
}

/** Where a pool connects, for messages: the hosts list of a `FailoverPool`, else undefined. */
export const hostsOf = (pool: pg.Pool): string | undefined => (pool instanceof FailoverPool ? describeTargets(pool.resolver.targets) : undefined)
