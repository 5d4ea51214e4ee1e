/**
 * The e-mail channel in `notify --config`: `{ "smtpUrl", "from", "addressBook" }`, an SMTP server,
 * the sender, and the address of each recipient (recipient → e-mail).
 */
import * as t from 'io-ts'
import { createEmailChannel } from '@talent-ledger/notify-email'
import { bindChannel } from './channel-binding.js'
import { refined } from './config-fields.js'

const SmtpUrl = refined('SMTP URL (smtp:// or smtps://)', (s) => /^smtps?:\/\/[^\s/]+/.test(s))
const EmailAddress = refined('e-mail address', (s) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(s))
const Sender = refined('sender ("Name <address>" or address)', (s) => /^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(s.trim()))

/** The e-mail binding. */
export const emailBinding = bindChannel({
  usage: '{smtpUrl, from, addressBook}',
  required: { smtpUrl: SmtpUrl, from: Sender, addressBook: t.record(t.string, EmailAddress) },
  optional: {},
  recipientMaps: ['addressBook'],
  open: (c, name) => createEmailChannel({ name, smtp: c.smtpUrl, from: c.from, addressBook: c.addressBook }),
})
