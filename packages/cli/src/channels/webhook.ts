/**
 * The webhook channel in `notify --config`: `{ "url"?, "endpoints"?, "secrets", "timeoutMs"? }`, a URL
 * for every recipient and/or one per recipient, signed with the `whsec_` secrets.
 */
import * as t from 'io-ts'
import { PositiveInt } from '@talent-ledger/core'
import { createWebhookChannel } from '@talent-ledger/notify-webhook'
import { bindChannel } from './channel-binding.js'
import { nonEmpty, refined } from './config-fields.js'

const HttpUrl = refined('URL (http:// or https://)', (s) => /^https?:\/\/[^\s/]+/.test(s))
const WebhookSecret = refined('webhook secret (whsec_ followed by base64)', (s) => /^whsec_[A-Za-z0-9+/]+=*$/.test(s))

/** The webhook binding. */
export const webhookBinding = bindChannel({
  usage: '{url|endpoints, secrets}',
  required: { secrets: nonEmpty(WebhookSecret, 'at least one webhook secret') },
  optional: { url: HttpUrl, endpoints: t.record(t.string, HttpUrl), timeoutMs: PositiveInt },
  recipientMaps: ['endpoints'],
  check: (c) => (c.url === undefined && c.endpoints === undefined ? 'give url (every recipient) or endpoints (recipient → URL), or both' : null),
  open: ({ url, endpoints = {}, secrets, timeoutMs }, name) =>
    createWebhookChannel({ name, endpoints: (r) => endpoints[r] ?? url, secrets, ...(timeoutMs === undefined ? {} : { timeoutMs }) }),
})
