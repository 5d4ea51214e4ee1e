/**
 * The ledger's command path without a store, for benchmarks: decode, route, decide with the pure
 * deciders, seal onto the hash chain — the same steps `createTalentLedger` takes (application/
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
  businessDateOf,
  cityDecider,
  decodeCommand,
  organizationDecider,
  organizationsNamed,
  policyDecider,
  canonicalJson,
  hashedFieldsOf,
  routeOf,
  sealPersonalData,
  talentDecider,
  type CityState,
  type Command,
  type CommandOf,
  type DomainError,
  type LedgerEvent,
  type OrganizationState,
  type PolicyRegistry,
  type RecordedEvent,
  type SealedRegisterTalent,
  type TalentCommand,
  type TalentEvent,
  type TalentState,
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
  const talents = new Map<string, TalentState>()
  const organizations = new Map<string, OrganizationState>()
  let policies: PolicyRegistry = policyDecider.initialState
  let city: CityState = cityDecider.initialState
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

  const decideTalent = async (c: Command, state: TalentState): Promise<E.Either<DomainError, ReadonlyArray<TalentEvent>>> => {
    const ids = organizationsNamed(c)
    const context = { policies, organizations: Object.fromEntries(ids.map((id) => [id, organizations.get(id)])) }
    if (c.type !== 'RegisterTalent') return talentDecider.decide({ command: c as TalentCommand, context }, state)
    // as the ledger does: decide with a placeholder first, so a refused registration never creates a key
    const { name, nationalId, birthDate, ...rest } = c.data
    const placeholder: SealedRegisterTalent = { type: c.type, actor: c.actor, data: { ...rest, personal: { alg: 'xchacha20poly1305', keyId: rest.talentId, ciphertext: '' } } }
    const dry = talentDecider.decide({ command: placeholder, context }, state)
    if (E.isLeft(dry)) return dry
    const personal = await sealPersonalData(keys, rest.talentId, { name, nationalId, birthDate })
    return talentDecider.decide({ command: { ...placeholder, data: { ...placeholder.data, personal } }, context }, state)
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
    const { aggregate, stream } = routeOf(c)
    let decided: E.Either<DomainError, ReadonlyArray<LedgerEvent>>
    switch (aggregate) {
      case 'policy': {
        const d = policyDecider.decide(c as CommandOf<'AdoptPolicy'>, policies)
        if (E.isRight(d)) policies = d.right.reduce(policyDecider.evolve, policies)
        decided = d
        break
      }
      case 'organization': {
        const id = (c as CommandOf<'RegisterOrganization'>).data.organizationId
        const state = organizations.get(id) ?? organizationDecider.initialState
        const d = organizationDecider.decide(c as CommandOf<'RegisterOrganization'>, state)
        if (E.isRight(d)) organizations.set(id, d.right.reduce(organizationDecider.evolve, state))
        decided = d
        break
      }
      case 'city': {
        const d = cityDecider.decide(c as CommandOf<'DesignateCarrier' | 'ReportEmploymentStatistics'>, city)
        if (E.isRight(d)) city = d.right.reduce(cityDecider.evolve, city)
        decided = d
        break
      }
      case 'talent': {
        if (shardOf(stream, shard.of) !== shard.index) continue
        const state = talents.get(stream) ?? talentDecider.initialState
        const d = await decideTalent(c, state)
        if (E.isRight(d)) talents.set(stream, d.right.reduce(talentDecider.evolve, state))
        decided = d
        break
      }
    }
    // every shard decides the shared streams (talent decisions read them); shard 0 keeps their events
    if (aggregate !== 'talent' && shard.index !== 0) continue
    if (E.isLeft(decided)) refused[decided.left.code] = (refused[decided.left.code] ?? 0) + 1
    else if (decided.right.length > 0) append(c, stream, decided.right)
  }
  return { log, refused }
}
