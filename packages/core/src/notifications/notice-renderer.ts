/**
 * Rendering an outbox row into a `Notice` (通知渲染), at delivery time: the row carries the
 * template, the language, the facts and the talent's personal data sealed at the decision. The
 * renderer opens the seal with the talent's key now, so a talent erased after the event and before
 * delivery (key forgotten) is named by id alone, and it never reads the ledger back. A row written
 * before rows carried the sealed data renders by id alone too. The current notification policy is
 * not consulted: a row written under an earlier policy renders as written.
 */
import { maskName } from '../kernel/masking.js'
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { describeErrors } from '../kernel/decode-errors.js'
import type { Notice } from '../kernel/notification-channel.js'
import type { OutboxRecord } from '../kernel/outbox.js'
import type { KeyStore } from '../kernel/ports.js'
import { openPersonalData } from '../domain/personal-data.js'
import { NoticePayload } from './notice-facts.js'
import type { RecipientKind } from './notification-policy.js'
import { renderTemplate, TemplateName } from './templates.js'

/** A row that can never be rendered (unknown template or recipient, payload of the wrong shape): retrying will not help. */
export class UnrenderableNotice extends Error {
  constructor(
    readonly rowId: string,
    message: string,
  ) {
    super(`outbox row ${rowId}: ${message}`)
    this.name = 'UnrenderableNotice'
  }
}

/** The recipient kind of an address (`talent:<id>`, `employer:<id>` — a former employer's too —, `bureau`); null for anything else. */
export const recipientKindOf = (recipient: string): Exclude<RecipientKind, 'former-employer'> | null =>
  recipient === 'bureau' ? 'bureau' : /^talent:./.test(recipient) ? 'talent' : /^employer:./.test(recipient) ? 'employer' : null

const decodeOr = <A>(codec: t.Decoder<unknown, A>, value: unknown, rowId: string, field: string): A => {
  const decoded = codec.decode(value)
  if (E.isLeft(decoded)) throw new UnrenderableNotice(rowId, describeErrors(decoded.left).map((d) => (d.field === '(root)' ? d.message.replace('(root)', field) : `${field}.${d.message}`)).join('; '))
  return decoded.right
}

/** Options of the renderer: where it finds the talents' keys (the ledger's KeyStore). */
export interface NoticeRendererOptions {
  readonly keys: Pick<KeyStore, 'find'>
}

/** A `render` function for the relay: row → notice. Rejects with `UnrenderableNotice` for a row that never will render. */
export const noticeRenderer =
  ({ keys }: NoticeRendererOptions) =>
  async (record: OutboxRecord): Promise<Notice> => {
    const template = decodeOr(TemplateName, record.template, record.id, 'template')
    const { personal: sealed, ...facts } = decodeOr(NoticePayload, record.payload, record.id, 'payload')
    const kind = recipientKindOf(record.recipient)
    if (kind === null) throw new UnrenderableNotice(record.id, `recipient ${JSON.stringify(record.recipient)} is not talent:<id>, employer:<id> or bureau`)
    let name: string | null = null
    try {
      // null once the key is forgotten (erased talent); no seal on a row written before rows had one
      name = sealed === undefined ? null : ((await openPersonalData(keys, sealed))?.name ?? null)
    } catch (error) {
      throw new UnrenderableNotice(record.id, `payload.personal does not open: ${error instanceof Error ? error.message : String(error)}`)
    }
    let text
    try {
      // a delivered notice leaves the ledger for good (mailboxes, webhook receivers, NATS streams):
      // it names the talent only in masked form (王*), never in clear (issue: no personal data where
      // it can't be taken back); the sealed data stays in the outbox, not in the notice's data
      text = renderTemplate(template, facts, { recipient: kind, name: name === null ? null : maskName(name) }, record.locale)
    } catch (error) {
      throw new UnrenderableNotice(record.id, error instanceof Error ? error.message : String(error))
    }
    return {
      idempotencyKey: record.id,
      channel: record.channel,
      recipient: record.recipient,
      locale: record.locale,
      template,
      subject: text.subject,
      body: text.body,
      data: { ...facts, eventId: record.eventId, streamId: record.streamId },
    }
  }
