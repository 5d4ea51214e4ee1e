/**
 * @talent-ledger/notify-email — the e-mail notification channel: SMTP through nodemailer, UTF-8
 * subjects and bodies in zh-CN or en, a Message-ID and `X-Idempotency-Key` derived from the
 * idempotency key so receivers can drop duplicates; permanent SMTP replies park, temporary ones retry.
 */
export { createEmailChannel, type EmailChannelOptions, type AddressBook } from './email-channel.js'
export { messageIdFor, IDEMPOTENCY_HEADER } from './message-id.js'
export { smtpFailureOutcome } from './smtp-outcome.js'
export { emailBinding } from './email-binding.js'
