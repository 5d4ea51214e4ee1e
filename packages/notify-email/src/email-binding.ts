/**
 * The e-mail channel's binding (how a host such as the CLI offers it): its configuration section
 * `{ "smtpUrl", "from", "addressBook" }`, an SMTP server, the sender, and the address of each
 * recipient (recipient → e-mail), and the adapter made from a decoded section. It sits beside the
 * adapter so the host registers the channel with one line and knows nothing else of it.
 */
import * as t from 'io-ts'
import { bindChannel, refinedString, type ChannelBinding } from '@talent-ledger/core'
import { createEmailChannel } from './email-channel.js'
import { emailUsage } from './email-usage.js'

const SmtpUrl = refinedString('SMTP URL (smtp:// or smtps://)', (s) => /^smtps?:\/\/[^\s/]+/.test(s))
const EmailAddress = refinedString('e-mail address', (s) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(s))
const Sender = refinedString('sender ("Name <address>" or address)', (s) => /^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(s.trim()))

/** The e-mail binding. */
export const emailBinding: ChannelBinding = bindChannel({
  usage: emailUsage,
  required: { smtpUrl: SmtpUrl, from: Sender, addressBook: t.record(t.string, EmailAddress) },
  optional: {},
  recipientMaps: ['addressBook'],
  open: (c, name) => createEmailChannel({ name, smtp: c.smtpUrl, from: c.from, addressBook: c.addressBook }),
})
