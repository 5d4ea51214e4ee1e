/**
 * Decoding at the boundaries: commands from callers, events from store rows. A command failure is
 * a `Malformed` refusal naming the field; a store row that does not decode is corruption and throws.
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { pipe } from 'fp-ts/lib/function.js'
import { CorruptEventError } from '../kernel/corrupt-event.js'
import { describeErrors } from '../kernel/decode-errors.js'
import { RecordedEvent } from '../kernel/envelope.js'
import { personalFieldMask } from '../vocabulary/personal-fields.js'
import { Actor, ActorRole } from '../vocabulary/roles.js'
import { domainError, type DomainError } from '../kernel/errors.js'
import { inputViolations } from '../vocabulary/input-limits.js'
import { maskIdNumbers } from '../kernel/masking.js'
import { strictType } from '../kernel/strict.js'
import type { Upcast } from '../kernel/upcasting.js'
import { checksOnly } from './checks-only.js'
import { CommandData, COMMAND_TYPES, type Command } from './commands.js'
import { EventData, type LedgerEvent } from './events.js'
import { domainUpcast } from './upcasters.js'
import type { PolicyDocument } from '../policy/document.js'
import { policyDocumentProblems } from '../policy/document-sense.js'

// defined in the kernel (the stores' row codecs raise it too); re-exported beside the decoders that throw it


/** The actor of a command: exact, like its data (an extra field would be sealed into every event). */
const CommandActor = strictType(Actor.props, 'Actor')
const COMMAND_FIELDS = ['type', 'actor', 'data']
/** Command types whose actor and data codecs only check (checks-only.ts). */
const CHECKS_ONLY: ReadonlySet<string> = new Set(checksOnly(CommandActor) ? COMMAND_TYPES.filter((type) => checksOnly((CommandData as Readonly<Record<string, t.Decoder<unknown, unknown>>>)[type]!)) : [])

const malformed = (details: DomainError['details'], prefix = ''): DomainError =>
  domainError(
    'Malformed',
    details.map((d) => d.message).join('; '),
    details.map((d) => (prefix && d.field !== undefined ? { ...d, field: `${prefix}${d.field}` } : d)),
  )

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * Decodes a command: the input limits first (one iterative walk, before any codec sees the value),
 * then unknown top-level fields, its type, then actor and data with the exact codec of that type.
 */
export const decodeCommand = (raw: unknown): E.Either<DomainError, Command> => {
  if (!isRecord(raw)) return E.left(malformed([{ field: '(root)', message: 'a command must be a JSON object' }]))
  const violations = inputViolations(raw)
  if (violations.length > 0) return E.left(malformed(violations))
  const unknown = Object.keys(raw).filter((k) => !COMMAND_FIELDS.includes(k))
  if (unknown.length > 0) return E.left(malformed(unknown.map((k) => ({ field: k, message: `${k}: unknown field` }))))
  const type = raw['type']
  if (typeof type !== 'string' || !(COMMAND_TYPES as string[]).includes(type))
    return E.left(
      malformed([{ field: 'type', message: `type: expected one of ${COMMAND_TYPES.join(', ')}, got ${maskIdNumbers(JSON.stringify(type ?? null).slice(0, 60))}` }]),
    )
  const codecs: Readonly<Record<string, t.Mixed>> = CommandData
  const codec = codecs[type]!
  // a well-formed command of a checking codec is its own decoding (checks-only.ts); decode words a refusal
  const accepted = CHECKS_ONLY.has(type) && CommandActor.is(raw['actor']) && codec.is(raw['data'])
  const actor = accepted ? E.right(raw['actor'] as t.TypeOf<typeof CommandActor>) : CommandActor.decode(raw['actor'])
  const data = accepted ? E.right(raw['data']) : codec.decode(raw['data'])
  const details = [
    ...(E.isLeft(actor) ? describeErrors(actor.left, personalFieldMask).map((d) => ({ ...d, message: `actor.${d.message}`, field: `actor.${d.field}` })) : []),
    ...(E.isLeft(data) ? describeErrors(data.left, personalFieldMask).map((d) => ({ ...d, message: `data.${d.message}`, field: `data.${d.field}` })) : []),
  ]
  if (E.isLeft(actor) || E.isLeft(data)) return E.left(malformed(details))
  // a policy must make sense, not only have the right shape (document-sense.ts)
  if (type === 'AdoptPolicy') {
    const problems = policyDocumentProblems((data.right as { readonly document: PolicyDocument }).document, 'data.document')
    if (problems.length > 0) return E.left(malformed(problems))
  }
  return E.right({ type, actor: actor.right, data: data.right } as Command)
}


const EVENT_CODECS: Readonly<Record<string, t.Mixed | undefined>> = EventData
/** Event types whose data codec only checks (checks-only.ts): a stored event of one that `is` accepts is its own decoding. */
const EVENTS_CHECKS_ONLY: ReadonlySet<string> = new Set(Object.entries(EventData as Readonly<Record<string, t.Mixed>>).flatMap(([type, codec]) => (checksOnly(codec) ? [type] : [])))

/**
 * Decodes the data of an envelope that is already a checked `RecordedEvent` (what an EventStore
 * returns: stores decode every row with the envelope codec before handing it out), after upcasting.
 * Checking the envelope a second time would only repeat the store's work on every read.
 */
// the ledger's own upcasters by default: a row written before a shape changed reads as today's

export const decodeStored =
  (upcast: Upcast = domainUpcast) =>
  (envelope: RecordedEvent): { readonly envelope: RecordedEvent; readonly event: LedgerEvent } => {
    const lifted = upcast(envelope)
    const codec = Object.hasOwn(EVENT_CODECS, lifted.type) ? EVENT_CODECS[lifted.type] : undefined
    if (codec === undefined) throw new CorruptEventError(envelope.streamId, envelope.version, `unknown event type ${lifted.type}`)
    // the envelope carries any role as text; which roles exist is the domain's word (§8)
    if (!ActorRole.is(envelope.metadata.actor.role))
      throw new CorruptEventError(envelope.streamId, envelope.version, `metadata.actor.role: ${JSON.stringify(envelope.metadata.actor.role).slice(0, 60)} is not a role of the ledger`)
    // `is` first, as the envelope's check does, where the codec only checks (checks-only.ts: a value
    // `is` accepts decodes to that very value): `decode`, which builds a context and an Either at
    // every node, then runs only on data `is` refuses, to name the fault
    if (EVENTS_CHECKS_ONLY.has(lifted.type) && codec.is(lifted.data)) return { envelope, event: { type: lifted.type, data: lifted.data } as LedgerEvent }
    const data = codec.decode(lifted.data)
    if (E.isLeft(data))
      throw new CorruptEventError(envelope.streamId, envelope.version, describeErrors(data.left).map((d) => d.message).join('; '))
    return { envelope, event: { type: lifted.type, data: data.right } as LedgerEvent }
  }

/** Decodes a row of unknown shape: the envelope, then (after upcasting: by default the domain's own upcasters) the data of its type. */
export const decodeRecorded = (upcast: Upcast = domainUpcast): ((row: unknown) => { readonly envelope: RecordedEvent; readonly event: LedgerEvent }) => {
  const data = decodeStored(upcast)
  return (row) =>
    data(
      pipe(
        RecordedEvent.decode(row),
        E.getOrElseW((errors) => {
          const r = isRecord(row) ? row : {}
          throw new CorruptEventError(String(r['streamId'] ?? '?'), typeof r['version'] === 'number' ? r['version'] : null, describeErrors(errors).map((d) => d.message).join('; '))
        }),
      ),
    )
}
