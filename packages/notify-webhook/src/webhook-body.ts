/**
 * The JSON body of a delivery (请求体), as a codec: the sender encodes a notice with it and a receiver
 * decodes with it, so a malformed body is refused with the field named. It carries the notice's
 * structured `data` (event type, ids, facts) with its ids, not the rendered text.
 */
import * as t from 'io-ts'
import * as E from 'fp-ts/lib/Either.js'
import { describeErrors, type Notice } from '@talent-ledger/core'

/** A webhook body. `id` equals the `webhook-id` header: the idempotency key. */
export const WebhookNotice = t.type({
  id: t.string,
  type: t.string,
  recipient: t.string,
  locale: t.keyof({ 'zh-CN': null, en: null }),
  subject: t.string,
  data: t.UnknownRecord,
})
/** A decoded webhook body. */
export type WebhookNotice = t.TypeOf<typeof WebhookNotice>

/** The body sent for `notice` (its template is the `type`). */
export const webhookBodyOf = (notice: Notice): WebhookNotice => ({
  id: notice.idempotencyKey,
  type: notice.template,
  recipient: notice.recipient,
  locale: notice.locale,
  subject: notice.subject,
  data: notice.data,
})

/** Parses and decodes a received body; Left names the offending field. */
export const decodeWebhookBody = (body: string): E.Either<string, WebhookNotice> => {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch (error) {
    return E.left(`webhook body is not JSON: ${(error as Error).message}`)
  }
  return E.mapLeft((errors: t.Errors) => describeErrors(errors).map((d) => d.message).join('; '))(WebhookNotice.decode(json))
}
