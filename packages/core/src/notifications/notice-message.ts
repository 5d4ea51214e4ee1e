/**
 * A notice as machine receivers get it (消息体): the JSON that the webhook and NATS channels send,
 * with its io-ts codec so a receiver decodes it and a malformed one is refused naming the field.
 * `id` is the idempotency key (the `webhook-id` / `Nats-Msg-Id` header), `type` the template.
 * The structured `data` travels; the rendered text travels only where a channel adds it.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describeErrors } from '../kernel/decode-errors.js'
import type { Notice } from '../kernel/notification-channel.js'

/** The fields every notice message has. */
export const noticeMessageProps = {
  id: t.string,
  type: t.string,
  recipient: t.string,
  locale: t.keyof({ 'zh-CN': null, en: null }),
  subject: t.string,
  data: t.UnknownRecord,
}

/** A notice message without its rendered body. */
export const NoticeMessage = t.type(noticeMessageProps)
/** A decoded notice message. */
export type NoticeMessage = t.TypeOf<typeof NoticeMessage>

/** The message for `notice` (its template is the `type`). */
export const noticeMessageOf = (notice: Notice): NoticeMessage => ({
  id: notice.idempotencyKey,
  type: notice.template,
  recipient: notice.recipient,
  locale: notice.locale,
  subject: notice.subject,
  data: notice.data,
})

/**
 * A decoder of received payloads for `codec`: Left says the payload is not JSON (prefixed with
 * `what`), or names the fields at fault.
 */
export const noticeMessageDecoder =
  <A>(codec: t.Decoder<unknown, A>, what: string) =>
  (payload: string): E.Either<string, A> => {
    let json: unknown
    try {
      json = JSON.parse(payload)
    } catch (error) {
      return E.left(`${what} is not JSON: ${(error as Error).message}`)
    }
    return E.mapLeft((errors: t.Errors) => describeErrors(errors).map((d) => d.message).join('; '))(codec.decode(json))
  }
