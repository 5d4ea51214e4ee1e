/**
 * `notify --config FILE`: where the relay delivers, as a JSON file decoded with io-ts: one section
 * per registered channel (`channels/registry.ts`), each decoded by its adapter's binding, and `relay`. Each channel
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
import { describeErrors, PositiveInt, Recipient, type ChannelName, type ErrorDetail } from '@talent-ledger/core'
import { CHANNELS, channelNames } from './channels/registry.js'
import { readJsonFile } from './input.js'
import { UsageError } from './usage-error.js'

/** The relay's tuning, all optional. */
const relayFields = { maxAttempts: PositiveInt, batchSize: PositiveInt, concurrency: PositiveInt, leaseMs: PositiveInt, idleMs: PositiveInt, backoffBaseMs: PositiveInt, backoffCapMs: PositiveInt }
const RelaySection = t.partial(relayFields)
export type RelaySection = t.TypeOf<typeof RelaySection>

/** The fields of each section: a channel's from its binding, and the relay's. */
const sections: Readonly<Record<string, ReadonlyArray<string>>> = {
  ...Object.fromEntries(channelNames.map((name) => [name, CHANNELS[name]!.fields])),
  relay: Object.keys(relayFields),
}

const NotifyConfigCodec = t.partial(
  { ...Object.fromEntries(channelNames.map((name) => [name, CHANNELS[name]!.codec])), relay: RelaySection },
  `a JSON object with ${channelNames.join(', ')} and/or relay`,
)

/** The notify configuration file: a section per configured channel (its binding's shape), and `relay`. */
export type NotifyConfig = { readonly relay?: RelaySection } & { readonly [channel: ChannelName]: unknown }

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** Fields the configuration does not know, as details naming them. */
const unknownFields = (raw: unknown): ErrorDetail[] => {
  if (!isObject(raw)) return []
  const out: ErrorDetail[] = []
  for (const [k, v] of Object.entries(raw)) {
    const fields = Object.hasOwn(sections, k) ? sections[k] : undefined
    if (fields === undefined) {
      out.push({ field: k, message: `${k}: unknown field (expected ${Object.keys(sections).join(', ')})` })
      continue
    }
    if (!isObject(v)) continue
    for (const f of Object.keys(v)) if (!fields.includes(f)) out.push({ field: `${k}.${f}`, message: `${k}.${f}: unknown field (expected ${fields.join(', ')})` })
    // the keys of a recipient map are recipients too (io-ts records do not check their keys)
    for (const f of Object.hasOwn(CHANNELS, k) ? CHANNELS[k]!.recipientMaps : []) {
      const map = v[f]
      if (isObject(map))
        for (const r of Object.keys(map))
          if (!Recipient.is(r)) out.push({ field: `${k}.${f}`, message: `${k}.${f}: ${JSON.stringify(r)} is not a recipient (talent:<id>, employer:<id> or bureau)` })
    }
  }
  return out
}

/** The registered channels a configuration has a section for, in registry order. */
export const configuredChannels = (config: NotifyConfig): ChannelName[] => channelNames.filter((name) => config[name] !== undefined)

/** Decodes a parsed configuration; every problem is a detail naming its field. */
export const decodeNotifyConfig = (raw: unknown): E.Either<ReadonlyArray<ErrorDetail>, NotifyConfig> => {
  const decoded = NotifyConfigCodec.decode(raw)
  const problems = [...(E.isLeft(decoded) ? describeErrors(decoded.left) : []), ...unknownFields(raw)]
  if (E.isRight(decoded) && problems.length === 0) {
    const c: NotifyConfig = decoded.right
    const configured = configuredChannels(c)
    if (configured.length === 0) return E.left([{ field: '(root)', message: `no channel configured: give at least one of ${channelNames.join(', ')}` }])
    for (const name of configured) {
      const problem = CHANNELS[name]!.check(c[name])
      if (problem !== null) return E.left([{ field: name, message: `${name}: ${problem}` }])
    }
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
