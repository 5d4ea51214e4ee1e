/**
 * What a notice looks like on NATS (消息): a JSON message on a subject per template and recipient,
 * with `Nats-Msg-Id` set to the idempotency key so JetStream stores a re-published notice once
 * (within the stream's duplicate window). The codec lets a consumer decode it, naming a bad field.
 */
import * as t from 'io-ts'
import * as E from 'fp-ts/lib/Either.js'
import { describeErrors, type Notice } from '@talent-ledger/core'

/** A notice message. `id` equals its `Nats-Msg-Id` header. */
export const NatsNotice = t.type({
  id: t.string,
  type: t.string,
  recipient: t.string,
  locale: t.keyof({ 'zh-CN': null, en: null }),
  subject: t.string,
  body: t.string,
  data: t.UnknownRecord,
})
/** A decoded notice message. */
export type NatsNotice = t.TypeOf<typeof NatsNotice>

/** The message published for `notice`. */
export const natsMessageOf = (notice: Notice): NatsNotice => ({
  id: notice.idempotencyKey,
  type: notice.template,
  recipient: notice.recipient,
  locale: notice.locale,
  subject: notice.subject,
  body: notice.body,
  data: notice.data,
})

/** Decodes a received payload; Left names the field at fault. */
export const decodeNatsNotice = (payload: string): E.Either<string, NatsNotice> => {
  let json: unknown
  try {
    json = JSON.parse(payload)
  } catch (error) {
    return E.left(`NATS notice is not JSON: ${(error as Error).message}`)
  }
  return E.mapLeft((errors: t.Errors) => describeErrors(errors).map((d) => d.message).join('; '))(NatsNotice.decode(json))
}

/** A subject token for `text`: NATS forbids `.`, `*`, `>` and whitespace inside a token. */
export const subjectToken = (text: string): string => text.replace(/[.*>\s]/g, '_')

/** Default subject: `<prefix>.<template>.<recipient>`, e.g. `talent-ledger.notices.level-certified.talent:42`. */
export const defaultSubject = (prefix: string, notice: Notice): string => `${prefix}.${subjectToken(notice.template)}.${subjectToken(notice.recipient)}`
