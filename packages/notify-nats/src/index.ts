/**
 * @talent-ledger/notify-nats — the NATS JetStream notification channel: each notice published with
 * `Nats-Msg-Id` = its idempotency key, so the stream stores a re-sent notice once; the stream is
 * created when missing; a codec for consumers.
 */
export { createNatsChannel, type NatsChannelOptions, type NatsStreamOptions } from './nats-channel.js'
export { NatsNotice, natsMessageOf, decodeNatsNotice, defaultSubject, subjectToken } from './nats-message.js'
export { natsBinding, DEFAULT_NATS_STREAM } from './nats-binding.js'
