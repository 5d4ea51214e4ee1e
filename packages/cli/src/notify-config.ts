/**
 * `notify --config FILE`: where the relay delivers, as a JSON file decoded with io-ts. Each channel
 * is optional (a relay without an adapter for a channel leaves that channel's notices pending for
 * another relay); at least one must be configured. An unknown field is refused too, so a typo
 * (`"endpionts"`) is an error naming the field, not a channel silently switched off.
 *
 * ```json
 * { "webhook": { "url": "https://hr.example.gov.cn/hooks", "endpoints": { "employer:port-co": "https://port.example/hooks" }, "secrets": ["whsec_…"] },
 *   "email": { "smtpUrl": "smtp://mail.example:587", "from": "人社局 <notices@hr.example.gov.cn>", "addressBook": { "talent:t-1": "t1@example.cn" } },
 *   "nats": { "servers": ["nats://127.0.0.1:4222"], "subjectPrefix": "talent-ledger.notices", "stream": "TALENT_LEDGER_NOTICES" },
 *   "relay": { "maxAttempts": 10, "batchSize": 50 } }
 * ```
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describeErrors, PositiveInt, type ErrorDetail } from '@talent-ledger/core'
import { readJsonFile } from './input.js'
import { UsageError } from './usage-error.js'

const refined = (name: string, ok: (s: string) => boolean) => t.refinement(t.string, ok, name)

/** `talent:<id>`, `employer:<id>` or `bureau`: the recipients the ledger writes. */
const Recipient = refined('Recipient (talent:<id>, employer:<id> or bureau)', (s) => /^(talent:.+|employer:.+|bureau)$/.test(s))
const HttpUrl = refined('URL (http:// or https://)', (s) => /^https?:\/\/[^\s/]+/.test(s))
const SmtpUrl = refined('SMTP URL (smtp:// or smtps://)', (s) => /^smtps?:\/\/[^\s/]+/.test(s))
const NatsServer = refined('NATS server (nats://host:port or host:port)', (s) => /^(nats|tls):\/\/[^\s/]+$|^[^\s/:]+:\d+$/.test(s))
const EmailAddress = refined('e-mail address', (s) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(s))
const Sender = refined('sender ("Name <address>" or address)', (s) => /^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(s.trim()))
const WebhookSecret = refined('webhook secret (whsec_ followed by base64)', (s) => /^whsec_[A-Za-z0-9+/]+=*$/.test(s))
const SubjectPrefix = refined('NATS subject prefix (tokens of letters, digits, - and _, separated by dots)', (s) => /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(s))
const StreamName = refined('JetStream stream name (letters, digits, - and _)', (s) => /^[A-Za-z0-9_-]+$/.test(s))
/** A non-empty array; a value that is not an array at all says so (a lone string is the usual slip). */
const nonEmpty = <C extends t.Mixed>(c: C, name: string): t.Type<Array<t.TypeOf<C>>, Array<t.OutputOf<C>>, unknown> => {
  const array = t.array(c)
  return new t.Type(
    name,
    (u): u is Array<t.TypeOf<C>> => array.is(u) && u.length > 0,
    (u, ctx) => (!Array.isArray(u) ? t.failure(u, ctx, 'an array') : u.length === 0 ? t.failure(u, ctx, name) : array.validate(u, ctx)),
    array.encode,
  )
}

const sections = {
  webhook: {
    required: { secrets: nonEmpty(WebhookSecret, 'at least one webhook secret') },
    optional: { url: HttpUrl, endpoints: t.record(t.string, HttpUrl), timeoutMs: PositiveInt },
  },
  email: { required: { smtpUrl: SmtpUrl, from: Sender, addressBook: t.record(t.string, EmailAddress) }, optional: {} },
  nats: { required: { servers: nonEmpty(NatsServer, 'at least one NATS server'), subjectPrefix: SubjectPrefix }, optional: { stream: StreamName } },
  relay: {
    required: {},
    optional: { maxAttempts: PositiveInt, batchSize: PositiveInt, concurrency: PositiveInt, leaseMs: PositiveInt, idleMs: PositiveInt, backoffBaseMs: PositiveInt, backoffCapMs: PositiveInt },
  },
} as const

const { webhook, email, nats, relay } = sections

/** The notify configuration file. */
export const NotifyConfig = t.partial({
  webhook: t.intersection([t.type(webhook.required), t.partial(webhook.optional)]),
  email: t.type(email.required),
  nats: t.intersection([t.type(nats.required), t.partial(nats.optional)]),
  relay: t.partial(relay.optional),
}, 'a JSON object with webhook, email, nats and/or relay')
export type NotifyConfig = t.TypeOf<typeof NotifyConfig>

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** Fields the configuration does not know, as details naming them. */
const unknownFields = (raw: unknown): ErrorDetail[] => {
  if (!isObject(raw)) return []
  const out: ErrorDetail[] = []
  for (const [k, v] of Object.entries(raw)) {
    const known = (sections as Record<string, (typeof sections)[keyof typeof sections]>)[k]
    if (known === undefined) {
      out.push({ field: k, message: `${k}: unknown field (expected ${Object.keys(sections).join(', ')})` })
      continue
    }
    const fields = [...Object.keys(known.required), ...Object.keys(known.optional)]
    if (!isObject(v)) continue
    for (const f of Object.keys(v)) if (!fields.includes(f)) out.push({ field: `${k}.${f}`, message: `${k}.${f}: unknown field (expected ${fields.join(', ')})` })
    // the keys of a recipient map are recipients too (io-ts records do not check their keys)
    for (const f of ['endpoints', 'addressBook']) {
      const map = v[f]
      if (isObject(map))
        for (const r of Object.keys(map))
          if (!Recipient.is(r)) out.push({ field: `${k}.${f}`, message: `${k}.${f}: ${JSON.stringify(r)} is not a recipient (talent:<id>, employer:<id> or bureau)` })
    }
  }
  return out
}

/** Decodes a parsed configuration; every problem is a detail naming its field. */
export const decodeNotifyConfig = (raw: unknown): E.Either<ReadonlyArray<ErrorDetail>, NotifyConfig> => {
  const decoded = NotifyConfig.decode(raw)
  const problems = [...(E.isLeft(decoded) ? describeErrors(decoded.left) : []), ...unknownFields(raw)]
  if (E.isRight(decoded) && problems.length === 0) {
    const c = decoded.right
    if (c.webhook === undefined && c.email === undefined && c.nats === undefined)
      return E.left([{ field: '(root)', message: 'no channel configured: give at least one of webhook, email, nats' }])
    if (c.webhook !== undefined && c.webhook.url === undefined && c.webhook.endpoints === undefined)
      return E.left([{ field: 'webhook', message: 'webhook: give url (every recipient) or endpoints (recipient → URL), or both' }])
    return E.right(c)
  }
  return E.left(problems)
}

/** Reads and decodes FILE; a file that cannot be read, parsed or decoded is a `UsageError` (exit 2) naming what is wrong. */
export const readNotifyConfig = (file: string): NotifyConfig => {
  const raw = readJsonFile('--config', file)
  const decoded = decodeNotifyConfig(raw)
  if (E.isLeft(decoded)) throw new UsageError(`--config ${file}: ${decoded.left.map((d) => d.message).join('; ')}`)
  return decoded.right
}
