/**
 * The ledger's command path without a store, for benchmarks: decode, decide with the core's pure
 * `decideCommand`, seal onto the hash chain — the same steps `createTalentLedger` takes (application/
 * ledger.ts), with each stream's folded state kept in memory instead of re-read and re-folded.
 * Sealing hashes with node:crypto (same algorithm as docs/hash-chain.md, native SHA-256) to make
 * the workload faster to build; the core's own `verifyStream` later checks every stream.
 * A shard handles every command but keeps only the talents it owns (and, shard 0, the rest), so
 * two workers can build one log; `globalPosition` is `8 × command index + n` until merged.
 */
import { createHash, randomUUID } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import {
  CURRENT_SCHEMA_VERSION,
  POLICY_STREAM,
  businessDateOf,
  canonicalJson,
  decideCommand,
  decisionNeeds,
  decodeCommand,
  hashedFieldsOf,
  organizationStream,
  personalDataOf,
  registrationPlaceholder,
  sealPersonalData,
  sealedRegistration,
  streamEvolvers,
  type Command,
  type Decider,
  type DecisionInput,
  type DecisionNeeds,
  type DomainError,
  type LedgerEvent,
  type OrganizationState,
  type PolicyRegistry,
  type RecordedEvent,
  type StreamState,
} from '@talent-ledger/core'
import { createMemoryKeyStore } from '@talent-ledger/store-memory'

/** What the driver produced: its part of the log in commit order, and refusals by error code. */
export interface PureLog {
  readonly log: RecordedEvent[]
  readonly refused: Readonly<Record<string, number>>
}

/** Which talents a run keeps: those whose id hashes to `index` modulo `of`. */
export interface Shard {
  readonly index: number
  readonly of: number
}

const shardOf = (id: string, of: number): number => {
  let h = 5381
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 33) ^ id.charCodeAt(i)) >>> 0
  return h % of
}

const GENESIS = '0'.repeat(64)

/** Runs raw commands one by one through the pure deciders and seals the events they decide. */
export const runPure = async (commands: Iterable<unknown>, shard: Shard = { index: 0, of: 1 }): Promise<PureLog> => {
  const keys = createMemoryKeyStore()
  const log: RecordedEvent[] = []
  const heads = new Map<string, { version: number; hash: string }>()
  const refused: Record<string, number> = {}
  let index = -1
  // each stream's folded state, by stream id (only those a command was accepted on)
  const states = new Map<string, StreamState>()
  const clock = Date.parse('2026-01-01T00:00:00.000Z')

  const append = (c: Command, streamId: string, events: ReadonlyArray<LedgerEvent>): void => {
    const recordedAt = new Date(clock + index).toISOString()
    const metadata = { actor: c.actor, correlationId: randomUUID(), causationId: null, occurredOn: businessDateOf(c) ?? recordedAt.slice(0, 10), recordedAt }
    const head = heads.get(streamId) ?? { version: 0, hash: GENESIS }
    let { version, hash: prevHash } = head
    events.forEach((e, n) => {
      const fields = { eventId: randomUUID(), streamId, version: ++version, type: e.type, schemaVersion: CURRENT_SCHEMA_VERSION, data: e.data, metadata }
      const hash = createHash('sha256').update(prevHash + canonicalJson(hashedFieldsOf(fields))).digest('hex')
      log.push({ ...fields, globalPosition: index * 8 + n + 1, prevHash, hash })
      prevHash = hash
    })
    heads.set(streamId, { version, hash: prevHash })
  }

  /** The policies and the organisations the command names, when its decision reads them. */
  const contextOf = (needs: DecisionNeeds): Omit<DecisionInput, 'streamState'> =>
    needs.needsPolicies
      ? {
          policies: (states.get(POLICY_STREAM) as PolicyRegistry | undefined) ?? streamEvolvers.policy.initialState,
          organizations: Object.fromEntries(needs.organizationsNamed.map((id) => [id, states.get(organizationStream(id)) as OrganizationState | undefined])),
        }
      : {}

  /** As the ledger does: RegisterTalent is decided with a placeholder first, so a refused registration never creates a key. */
  const decide = async (c: Command, needs: DecisionNeeds, state: StreamState): Promise<E.Either<DomainError, ReadonlyArray<LedgerEvent>>> => {
    const input = { streamState: state, ...contextOf(needs) }
    if (c.type !== 'RegisterTalent') return decideCommand(c, input)
    const dry = decideCommand(registrationPlaceholder(c), input)
    if (E.isLeft(dry)) return dry
    return decideCommand(sealedRegistration(c, await sealPersonalData(keys, c.data.talentId, personalDataOf(c))), input)
  }

  for (const raw of commands) {
    index++
    // another shard's talent: skip before paying for decoding
    const talentId = (raw as { data?: { talentId?: unknown } }).data?.talentId
    if (shard.of > 1 && typeof talentId === 'string' && shardOf(`talent-${talentId}`, shard.of) !== shard.index) continue
    const decoded = decodeCommand(raw)
    if (E.isLeft(decoded)) {
      if (shard.index === 0) refused['Malformed'] = (refused['Malformed'] ?? 0) + 1
      continue
    }
    const c = decoded.right
    const needs = decisionNeeds(c)
    const { aggregate, stream } = needs
    if (aggregate === 'talent' && shardOf(stream, shard.of) !== shard.index) continue
    const evolver = streamEvolvers[aggregate] as Pick<Decider<never, LedgerEvent, StreamState>, 'initialState' | 'evolve'>
    const state = states.get(stream) ?? evolver.initialState
    const decided = await decide(c, needs, state)
    if (E.isRight(decided)) states.set(stream, decided.right.reduce(evolver.evolve, state))
    // every shard decides the shared streams (talent decisions read them); shard 0 keeps their events
    if (aggregate !== 'talent' && shard.index !== 0) continue
    if (E.isLeft(decided)) refused[decided.left.code] = (refused[decided.left.code] ?? 0) + 1
    else if (decided.right.length > 0) append(c, stream, decided.right)
  }
  return { log, refused }
}
