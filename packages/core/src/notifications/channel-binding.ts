/**
 * How a notification channel (通知渠道) is offered to a host such as the CLI: the fields of its
 * section in a configuration file (the CLI's `notify --config`) and the adapter made from a decoded
 * section. It lives in the core, not in the CLI, so each adapter package declares its own binding
 * beside its adapter without depending on the CLI; a host registers the binding with one line, and
 * adding a channel touches only its own package and that line.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describeErrors } from '../kernel/decode-errors.js'
import type { NotificationChannel } from '../kernel/notification-channel.js'
import type { ChannelName } from '../kernel/outbox.js'

/** A decoded section: its required fields, and those of its optional fields that were given. */
export type SectionOf<R extends t.Props, O extends t.Props> = t.TypeOf<t.IntersectionC<[t.TypeC<R>, t.PartialC<O>]>>

/** What an adapter package declares for its binding. */
export interface ChannelSection<R extends t.Props, O extends t.Props> {
  /** The section's fields as `notify --help` shows them, e.g. `{servers, subjectPrefix, stream?}`. */
  readonly usage: string
  readonly required: R
  readonly optional: O
  /** Fields mapping recipients to addresses: their keys must be recipients (io-ts records do not check keys). */
  readonly recipientMaps?: ReadonlyArray<string>
  /** A rule across fields the codecs cannot state: a message naming the section, or null when it holds. */
  readonly check?: (section: SectionOf<R, O>) => string | null
  /** The adapter for a decoded section, named `name` (its registered name, which rows carry). */
  readonly open: (section: SectionOf<R, O>, name: ChannelName) => NotificationChannel
}

/** A binding with its section's types hidden, as a host's registry holds it. */
export interface ChannelBinding {
  readonly usage: string
  /** The section's codec (named like a plain `t.type`, so its messages read the same). */
  readonly codec: t.Mixed
  /** Every field the section knows, required first. */
  readonly fields: ReadonlyArray<string>
  readonly recipientMaps: ReadonlyArray<string>
  /** The cross-field rule on a section the codec accepted; null when it holds or the section does not decode. */
  readonly check: (section: unknown) => string | null
  /** Decodes the section and makes the adapter; throws for a section the host's configuration decoder would have refused. */
  readonly open: (section: unknown, name: ChannelName) => NotificationChannel
}

/** Makes a binding from a section's declaration. */
export const bindChannel = <R extends t.Props, O extends t.Props>(s: ChannelSection<R, O>): ChannelBinding => {
  const required = t.type(s.required)
  const codec = t.intersection([required, t.partial(s.optional)], required.name)
  return {
    usage: s.usage,
    codec,
    fields: [...Object.keys(s.required), ...Object.keys(s.optional)],
    recipientMaps: s.recipientMaps ?? [],
    check: (section) => {
      const decoded = codec.decode(section)
      return E.isRight(decoded) && s.check !== undefined ? s.check(decoded.right) : null
    },
    open: (section, name) => {
      // the section was decoded with the whole file; decoded again here to keep its type, not cast
      const decoded = codec.decode(section)
      if (E.isLeft(decoded)) throw new Error(`${name}: ${describeErrors(decoded.left).map((d) => d.message).join('; ')}`)
      return s.open(decoded.right, name)
    },
  }
}
