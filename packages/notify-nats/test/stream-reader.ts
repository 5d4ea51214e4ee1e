/**
 * The tests' consumer: reads everything a JetStream stream holds through an ordered consumer (a
 * real consumer, as a receiving service would use), and names and removes per-test streams.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'

/** The NATS server the tests use. */
export const NATS_URL = 'nats://127.0.0.1:4222'

/** A stream name and subject prefix no other test (or engineer) uses. */
export const uniqueStream = (): { readonly name: string; readonly prefix: string } => {
  const id = `${process.pid}_${globalThis.crypto.randomUUID().slice(0, 8)}`
  return { name: `TL_NOTIFY_TEST_${id}`, prefix: `tl-notify-test.${id}` }
}

/** One stored message as the consumer got it. */
export interface Stored {
  readonly seq: number
  readonly subject: string
  readonly msgId: string
  readonly payload: string
}

/** A connection for reading and cleaning up; `close` deletes the streams it was told about. */
export const streamReader = async () => {
  const nc: NatsConnection = await connect({ servers: NATS_URL })
  const jsm = await jetstreamManager(nc)
  const js = jetstream(nc)
  const owned = new Set<string>()
  return {
    own: (name: string) => void owned.add(name),
    /** Creates a stream ahead of the channel (to test one made with other limits). */
    create: async (name: string, subjects: ReadonlyArray<string>, maxMsgSize: number) => {
      owned.add(name)
      await jsm.streams.add({ name, subjects: [...subjects], max_msg_size: maxMsgSize })
    },
    /** How many messages `stream` holds (0 while it does not exist yet). */
    count: async (stream: string): Promise<number> => (await jsm.streams.info(stream).catch(() => undefined))?.state.messages ?? 0,
    /** Every message in `stream`, in order. */
    readAll: async (stream: string): Promise<Stored[]> => {
      const total = (await jsm.streams.info(stream)).state.messages
      const consumer = await js.consumers.get(stream)
      const out: Stored[] = []
      while (out.length < total) {
        const batch = await consumer.fetch({ max_messages: total - out.length, expires: 2_000 })
        for await (const m of batch) out.push({ seq: m.seq, subject: m.subject, msgId: m.headers?.get('Nats-Msg-Id') ?? '', payload: m.string() })
      }
      return out
    },
    close: async () => {
      for (const name of owned) await jsm.streams.delete(name).catch(() => false)
      await nc.close()
    },
  }
}
