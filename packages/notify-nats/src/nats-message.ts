/**
 * What a notice looks like on NATS (消息): a JSON message on a subject per template and recipient,
 * with `Nats-Msg-Id` set to the idempotency key so JetStream stores a re-published notice once
 * (within the stream's duplicate window). The codec lets a consumer decode it, naming a bad field.
 */
import * as t from 'io-ts'
import { noticeMessageDecoder, noticeMessageOf, noticeMessageProps, type Notice } from '@talent-ledger/core'

/** A notice message with its rendered body (core's notice message plus `body`). `Nats-Msg-Id` is `idempotencyHeaderOf(id)` (`id` itself when ASCII). */
export const NatsNotice = t.type({ ...noticeMessageProps, body: t.string })
/** A decoded notice message. */
export type NatsNotice = t.TypeOf<typeof NatsNotice>

/** The message published for `notice`. */
export const natsMessageOf = (notice: Notice): NatsNotice => ({ ...noticeMessageOf(notice), body: notice.body })

/** Decodes a received payload; Left names the field at fault. */
export const decodeNatsNotice = noticeMessageDecoder(NatsNotice, 'NATS notice')

/** A subject token for `text`: NATS forbids `.`, `*`, `>` and whitespace inside a token. */
export const subjectToken = (text: string): string => text.replace(/[.*>\s]/g, '_')

/** Default subject: `<prefix>.<template>.<recipient>`, e.g. `talent-ledger.notices.level-certified.talent:42`. */
export const defaultSubject = (prefix: string, notice: Notice): string => `${prefix}.${subjectToken(notice.template)}.${subjectToken(notice.recipient)}`
