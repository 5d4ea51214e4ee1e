/**
 * The e-mail channel (邮件通知): sends each notice as a plain-text UTF-8 message through an SMTP
 * server with nodemailer. The subject and body are the rendered notice (zh-CN or en, with a matching
 * `Content-Language`); the recipient is looked up in an address book. Every retry of a notice carries
 * the same `Message-ID` and `X-Idempotency-Key`, so a receiver (or its mail filter) drops duplicates.
 */
import nodemailer from 'nodemailer'
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js'
import { idempotencyHeaderOf, type ChannelName, type DeliveryOutcome, type Notice, type NotificationChannel } from '@talent-ledger/core'
import { domainOf, IDEMPOTENCY_HEADER, messageIdFor } from './message-id.js'
import { smtpFailureOutcome } from './smtp-outcome.js'

/** Recipient (`talent:<id>`, `employer:<id>`, `bureau`) → e-mail address; undefined = none known. */
export type AddressBook = Readonly<Record<string, string>> | ((recipient: string) => string | undefined)

/** Configuration of the e-mail channel. */
export interface EmailChannelOptions {
  /** The channel name it is registered under: the `channel` of the outbox rows it delivers (default `email`). */
  readonly name?: ChannelName
  /** nodemailer SMTP transport options (host, port, secure, auth, timeouts, pool …) or an `smtp://` URL. */
  readonly smtp: SMTPTransport.Options | string
  /** Sender, e.g. `"人社局 Bureau" <notices@hr.example.gov.cn>`. */
  readonly from: string
  readonly addressBook: AddressBook
  /** Domain of the generated Message-IDs (default the sender's domain). */
  readonly messageIdDomain?: string
  /** Extra headers on every message. */
  readonly headers?: Readonly<Record<string, string>>
}

/** Creates the e-mail channel; `close` shuts the transport (and its pool, if any). */
export const createEmailChannel = (o: EmailChannelOptions): NotificationChannel => {
  const transport = nodemailer.createTransport(o.smtp)
  const addressOf = typeof o.addressBook === 'function' ? o.addressBook : (r: string) => (o.addressBook as Record<string, string>)[r]
  const domain = o.messageIdDomain ?? domainOf(o.from)

  const send = async (notice: Notice): Promise<DeliveryOutcome> => {
    const to = addressOf(notice.recipient)
    if (to === undefined) return { kind: 'rejected', reason: `no e-mail address for recipient ${notice.recipient}` }
    try {
      const info = await transport.sendMail({
        from: o.from,
        to,
        subject: notice.subject,
        text: notice.body,
        messageId: messageIdFor(notice.idempotencyKey, domain),
        headers: { ...o.headers, [IDEMPOTENCY_HEADER]: idempotencyHeaderOf(notice.idempotencyKey), 'Content-Language': notice.locale },
      })
      // a server that accepts the message but refuses its only recipient answers with `rejected`
      return info.rejected.length > 0 ? { kind: 'rejected', reason: `recipient refused: ${to}` } : { kind: 'delivered' }
    } catch (error) {
      return smtpFailureOutcome(error)
    }
  }

  return { name: o.name ?? 'email', send, close: async () => transport.close() }
}
