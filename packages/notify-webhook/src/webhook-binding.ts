/**
 * The webhook channel's binding (how a host such as the CLI offers it): its configuration section
 * `{ "url"?, "endpoints"?, "secrets", "timeoutMs"? }`, a URL for every recipient and/or one per
 * recipient, signed with the `whsec_` secrets, and the adapter made from a decoded section. It sits
 * beside the adapter so the host registers the channel with one line and knows nothing else of it.
 */
import * as t from 'io-ts'
import { bindChannel, nonEmptyArray, PositiveInt, refinedString, type ChannelBinding } from '@talent-ledger/core'
import { createWebhookChannel } from './webhook-channel.js'
import { webhookUsage } from './webhook-usage.js'

const HttpUrl = refinedString('URL (http:// or https://)', (s) => /^https?:\/\/[^\s/]+/.test(s))
const WebhookSecret = refinedString('webhook secret (whsec_ followed by base64)', (s) => /^whsec_[A-Za-z0-9+/]+=*$/.test(s))

/** The webhook binding. */
export const webhookBinding: ChannelBinding = bindChannel({
  usage: webhookUsage,
  required: { secrets: nonEmptyArray(WebhookSecret, 'at least one webhook secret') },
  optional: { url: HttpUrl, endpoints: t.record(t.string, HttpUrl), timeoutMs: PositiveInt },
  recipientMaps: ['endpoints'],
  check: (c) => (c.url === undefined && c.endpoints === undefined ? 'give url (every recipient) or endpoints (recipient → URL), or both' : null),
  open: ({ url, endpoints = {}, secrets, timeoutMs }, name) =>
    createWebhookChannel({ name, endpoints: (r) => endpoints[r] ?? url, secrets, ...(timeoutMs === undefined ? {} : { timeoutMs }) }),
})
