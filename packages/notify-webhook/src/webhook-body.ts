/**
 * The JSON body of a delivery (请求体), as a codec: the sender encodes a notice with it and a receiver
 * decodes with it, so a malformed body is refused with the field named. It is core's notice message:
 * the notice's structured `data` (event type, ids, facts) with its ids, not the rendered text.
 */
import { NoticeMessage, noticeMessageDecoder, noticeMessageOf } from '@talent-ledger/core'

/** A webhook body. `id` equals the `webhook-id` header: the idempotency key. */
export const WebhookNotice = NoticeMessage
/** A decoded webhook body. */
export type WebhookNotice = NoticeMessage

/** The body sent for `notice` (its template is the `type`). */
export const webhookBodyOf = noticeMessageOf

/** Parses and decodes a received body; Left names the offending field. */
export const decodeWebhookBody = noticeMessageDecoder(WebhookNotice, 'webhook body')
