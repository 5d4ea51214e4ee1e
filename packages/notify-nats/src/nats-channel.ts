/**
 * The NATS channel (消息总线): publishes each notice to a JetStream stream with `Nats-Msg-Id` = the
 * idempotency key (its ASCII header form, core `idempotencyHeaderOf`), so a notice the relay sends again (its acknowledgement was lost, the relay was
 * killed) is stored once. The connection is opened on the first send and the stream created if it is
 * missing; while the server is unreachable every send is a `retry`, and the next send connects again.
 * A publish the stream acknowledges (as new or as a duplicate) is delivered; an API error from the
 * server (message too large, subject not in the stream) is rejected; timeouts and lost connections retry.
 */
import { connect, nanos, type NatsConnection, type NodeConnectionOptions } from '@nats-io/transport-node'
import { jetstream, jetstreamManager, JetStreamApiError, type JetStreamClient } from '@nats-io/jetstream'
import { idempotencyHeaderOf, type ChannelName, type DeliveryOutcome, type Notice, type NotificationChannel } from '@talent-ledger/core'
import { defaultSubject, natsMessageOf } from './nats-message.js'

/** The stream notices go to; created when missing. */
export interface NatsStreamOptions {
  readonly name: string
  /** Subjects the stream captures (default `[<subjectPrefix>.>]`). */
  readonly subjects?: ReadonlyArray<string>
  /** JetStream's duplicate window: a re-publish within it is stored once (default 1 hour). */
  readonly duplicateWindowMs?: number
}

/** Configuration of the NATS channel. */
export interface NatsChannelOptions {
  /** The channel name it is registered under: the `channel` of the outbox rows it delivers (default `nats`). */
  readonly name?: ChannelName
  /** Server URLs, e.g. `nats://127.0.0.1:4222`. */
  readonly servers: string | ReadonlyArray<string>
  readonly stream: NatsStreamOptions
  /** Prefix of the default subjects (default `talent-ledger.notices`). */
  readonly subjectPrefix?: string
  /** Subject of a notice (default `<prefix>.<template>.<recipient>`). */
  readonly subjectFor?: (notice: Notice) => string
  /** Milliseconds to wait for the stream's acknowledgement (default 5 000). */
  readonly publishTimeoutMs?: number
  /** Further connection options (credentials, TLS, reconnect timing); `servers` above wins. */
  readonly connection?: Omit<NodeConnectionOptions, 'servers'>
}

interface Session {
  readonly nc: NatsConnection
  readonly js: JetStreamClient
}

const reasonOf = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error))

/** Creates the NATS channel; `close` drains the connection. */
export const createNatsChannel = (o: NatsChannelOptions): NotificationChannel => {
  const prefix = o.subjectPrefix ?? 'talent-ledger.notices'
  const subjectFor = o.subjectFor ?? ((n: Notice) => defaultSubject(prefix, n))
  const timeout = o.publishTimeoutMs ?? 5_000
  let session: Promise<Session> | undefined

  const open = async (): Promise<Session> => {
    const nc = await connect({ timeout: 2_000, ...o.connection, servers: typeof o.servers === 'string' ? o.servers : [...o.servers] })
    try {
      const jsm = await jetstreamManager(nc)
      const info = await jsm.streams.info(o.stream.name).catch(() => undefined)
      if (info === undefined)
        await jsm.streams.add({
          name: o.stream.name,
          subjects: [...(o.stream.subjects ?? [`${prefix}.>`])],
          duplicate_window: nanos(o.stream.duplicateWindowMs ?? 3_600_000),
        })
      return { nc, js: jetstream(nc) }
    } catch (error) {
      await nc.close()
      throw error
    }
  }

  /** The open session, or a new one when there is none or the last one closed. */
  const current = async (): Promise<Session> => {
    if (session !== undefined) {
      const s = await session.catch(() => undefined)
      if (s !== undefined && !s.nc.isClosed()) return s
    }
    session = open()
    session.catch(() => (session = undefined))
    return session
  }

  const send = async (notice: Notice): Promise<DeliveryOutcome> => {
    let s: Session
    try {
      s = await current()
    } catch (error) {
      return { kind: 'retry', reason: `NATS unreachable: ${reasonOf(error)}` }
    }
    try {
      await s.js.publish(subjectFor(notice), JSON.stringify(natsMessageOf(notice)), { msgID: idempotencyHeaderOf(notice.idempotencyKey), timeout })
      return { kind: 'delivered' }
    } catch (error) {
      if (error instanceof JetStreamApiError) return { kind: 'rejected', reason: `JetStream ${error.code}: ${error.message}` }
      return { kind: 'retry', reason: `NATS publish failed: ${reasonOf(error)}` }
    }
  }

  const close = async (): Promise<void> => {
    const s = await session?.catch(() => undefined)
    session = undefined
    if (s !== undefined && !s.nc.isClosed()) await s.nc.drain()
  }

  return { name: o.name ?? 'nats', send, close }
}
