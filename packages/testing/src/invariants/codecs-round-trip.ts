/**
 * Invariant 5 — the codecs are the storage format, so decode ∘ encode = id (io-ts laws): every
 * event a run stores is valid for its `EventData` codec and comes back equal from encode, decode
 * and a JSON round trip; every command that decodes comes back equal when encoded and decoded
 * again; and a command that does not decode is refused as `Malformed`, storing nothing.
 */
import * as E from 'fp-ts/lib/Either.js'
import { Actor, CommandData, EventData, decodeCommand, type Command, type CommandType, type EventType, type LedgerEvent } from '@talent-ledger/core'
import type * as t from 'io-ts'
import { defineInvariant } from './invariant.js'
import { firstDifference, viaJson } from './json.js'

const eventCodec = (type: EventType): t.Mixed => EventData[type] as unknown as t.Mixed
const commandCodec = (type: CommandType): t.Mixed => CommandData[type] as unknown as t.Mixed

const eventRoundTrip = (e: LedgerEvent): string | null => {
  const codec = eventCodec(e.type)
  if (!codec.is(e.data)) return `${e.type}: the decider emitted data its codec rejects`
  // through JSON text, as a store keeps it: decode(JSON(encode(data))) = data
  const back = codec.decode(viaJson(codec.encode(e.data)))
  if (E.isLeft(back)) return `${e.type}: decode(encode(data)) fails`
  const d = firstDifference(back.right, e.data)
  return d === null ? null : `${e.type}: decode(encode(data)) ≠ data at ${d}`
}

const commandRoundTrip = (c: Command): string | null => {
  const encoded = { type: c.type, actor: Actor.encode(c.actor), data: commandCodec(c.type).encode(c.data) as unknown }
  const back = decodeCommand(viaJson(encoded))
  if (E.isLeft(back)) return `${c.type}: the encoded command no longer decodes (${back.left.message})`
  const d = firstDifference(back.right, c)
  return d === null ? null : `${c.type}: decode(encode(command)) ≠ command at ${d}`
}

/** Events and commands survive encode, JSON and decode unchanged; undecodable commands are Malformed. */
export const codecsRoundTrip = defineInvariant(
  'codecsRoundTrip',
  'decode ∘ encode = id for every stored event and every decoded command; malformed commands store nothing',
  (run) => {
    const found: string[] = []
    for (const { event } of run.log) {
      const problem = eventRoundTrip(event)
      if (problem !== null) found.push(problem)
    }
    for (const o of run.outcomes) {
      if (o.command === null) {
        if (E.isRight(o.result) || o.result.left.code !== 'Malformed') found.push(`a command that does not decode was not refused as Malformed: ${JSON.stringify(o.raw)}`)
        continue
      }
      const problem = commandRoundTrip(o.command)
      if (problem !== null) found.push(problem)
    }
    return found
  },
)
