/**
 * Rendering an outbox row into a `Notice` (通知渲染), at delivery time: the row carries the
 * template, the language and the non-personal facts; the talent's name (masked: 王*) is looked up now, so a
 * talent erased after the event and before delivery is named by id alone. The current
 * notification policy is not consulted: a row written under an earlier policy renders as written.
 */
import { maskName } from '../kernel/masking.js'
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { describeErrors } from '../kernel/decode-errors.js'
import type { Notice } from '../kernel/notification-channel.js'
import type { OutboxRecord } from '../kernel/outbox.js'
import type { TalentProfile } from '../projections/talent-profile.js'
import { AnyNoticeFacts } from './notice-facts.js'
import type { RecipientKind } from './notification-policy.js'
import { renderTemplate, TemplateName } from './templates.js'

/** Where the renderer reads a talent's name: the ledger service (`TalentLedger`) is one. */
export interface ProfileLookup {
  readonly profile: (talentId: string) => Promise<TalentProfile | null>
}

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

/** Options of the renderer. */
export interface NoticeRendererOptions {
  readonly profiles: ProfileLookup
}

/** A `render` function for the relay: row → notice. Rejects with `UnrenderableNotice` for a row that never will render. */
export const noticeRenderer =
  ({ profiles }: NoticeRendererOptions) =>
  async (record: OutboxRecord): Promise<Notice> => {
    const template = decodeOr(TemplateName, record.template, record.id, 'template')
    const facts = decodeOr(AnyNoticeFacts, record.payload, record.id, 'payload')
    const kind = recipientKindOf(record.recipient)
    if (kind === null) throw new UnrenderableNotice(record.id, `recipient ${JSON.stringify(record.recipient)} is not talent:<id>, employer:<id> or bureau`)
    const profile = await profiles.profile(facts.talentId)
    let text
    try {
      // a delivered notice leaves the ledger for good (mailboxes, webhook receivers, NATS streams):
      // it names the talent only in masked form (王*), never in clear (issue: no personal data where
      // it can't be taken back)
      const name = profile?.name ?? null
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
