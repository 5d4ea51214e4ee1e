/**
 * @talent-ledger/notify-webhook — the webhook notification channel: signed JSON POSTs with Standard
 * Webhooks headers (`webhook-id` = idempotency key, `webhook-timestamp`, `webhook-signature`),
 * secret rotation by signing with every current secret, and `verifyWebhook` for receivers.
 */
export { createWebhookChannel, type WebhookChannelOptions, type WebhookEndpoints } from './webhook-channel.js'
export { verifyWebhook, type VerifiedWebhook, type VerifyOptions, type WebhookHeaders } from './verify.js'
export { signWebhook, SECRET_PREFIX } from './signature.js'
export { WebhookNotice, webhookBodyOf, decodeWebhookBody } from './webhook-body.js'
export { retryAfterMs } from './retry-after.js'
export { webhookBinding } from './webhook-binding.js'
