/**
 * The ledger service: what an embedding application calls. It decodes a raw command, routes it to
 * its aggregate, loads the context (policies, organisations), decides, appends with the expected
 * version (retrying on conflict), and reads talents back as of a business date or a record time.
 * Effects go through the ports only, so the same code runs on every store.
 */
import * as E from 'fp-ts/lib/Either.js'
import { v7 as uuidv7 } from 'uuid'
import { defaultRetryPolicy, handleCommand, type Attempt, type RetryPolicy } from '../kernel/command-handler.js'
import { dateOf } from '../kernel/dates.js'
import type { Decider } from '../kernel/decider.js'
import type { NewEvent, RecordedEvent } from '../kernel/envelope.js'
import type { DomainError } from '../kernel/errors.js'
import type { Clock, EventStore, KeyStore } from '../kernel/ports.js'
import { upcasterChain, type Upcaster } from '../kernel/upcasting.js'
import { cityDecider } from '../domain/city.js'
import type { Command, CommandOf } from '../domain/commands.js'
import { decodeCommand, decodeStored } from '../domain/decode.js'
import { CURRENT_SCHEMA_VERSION, type LedgerEvent, type TalentEvent } from '../domain/events.js'
import { organizationDecider, organizationStream, type OrganizationState } from '../domain/organization.js'
import { openPersonalData, sealPersonalData } from '../domain/personal-data.js'
import { POLICY_STREAM, policyDecider } from '../domain/policy-stream.js'
import type { SealedRegisterTalent, TalentCommand, TalentContext, TalentDecision } from '../domain/talent/context.js'
import { initialTalentState, type TalentState } from '../domain/talent/state.js'
import { talentDecider, talentStream } from '../domain/talent/talent.js'
import type { PolicyRegistry } from '../policy/registry.js'
import { talentProfile, type TalentProfile } from '../projections/talent-profile.js'
import { defaultNotificationPolicy } from '../notifications/default-notification-policy.js'
import type { NotificationPolicy } from '../notifications/notification-policy.js'
import { outboxEntriesFor } from '../notifications/outbox-entries.js'
import { foldedStreams, type StreamFold } from './folded-streams.js'
import { businessDateOf, organizationsNamed, routeOf } from './routing.js'

/** A command's outcome, in the shape of a CLI result line. */
export type CommandResult =
  | { readonly ok: true; readonly stream: string; readonly version: number; readonly events: ReadonlyArray<string> }
  | { readonly ok: false; readonly error: DomainError }

/** Where a read stops: business date (`asOf`, inclusive) and/or record time (`knownAt`, inclusive). */
export interface AsOf {
  readonly asOf?: string
  readonly knownAt?: string
}

/** Dependencies of the ledger. */
export interface LedgerDeps {
  readonly store: EventStore
  readonly keys: KeyStore
  readonly clock: Clock
  readonly upcasters?: ReadonlyArray<Upcaster>
  /** Event id factory (default: UUID v7, time-ordered). */
  readonly newEventId?: () => string
  /** Retries on a conflicting append (default: 12 attempts, jittered back-off). */
  readonly retry?: RetryPolicy
  /** How many streams to keep folded between commands (default 50,000; 0 keeps none). See `folded-streams.ts`. */
  readonly foldedStreams?: number
  /**
   * Which events notify whom (default: the shipped policy). The notices are written to the
   * store's outbox in the same append as their events; `null` or a policy without rules: none.
   */
  readonly notifications?: NotificationPolicy | null
}

/** Per-command options. */
export interface ExecuteOptions {
  readonly correlationId?: string
  readonly causationId?: string
}

/** Decoded event with its envelope. */
export interface Decoded {
  readonly envelope: RecordedEvent
  readonly event: LedgerEvent
}

/** The ledger service. */
export interface TalentLedger {
  /** Runs one raw command (decoded here): never throws for a refusal, only for infrastructure failure. */
  readonly execute: (raw: unknown, options?: ExecuteOptions) => Promise<CommandResult>
  /** The talent's aggregate state, optionally as of a business date or record time. */
  readonly talentState: (talentId: string, at?: AsOf) => Promise<TalentState>
  /** The talent's profile with personal data opened (name null once erased); null when unknown. */
  readonly profile: (talentId: string, at?: AsOf) => Promise<TalentProfile | null>
  /** Policies adopted so far. */
  readonly policies: () => Promise<PolicyRegistry>
  /** Decodes a stored event's data (after upcasting); the envelope is the store's, already checked. */
  readonly decode: (row: RecordedEvent) => Decoded
}

const within = (at: AsOf | undefined) => (e: RecordedEvent): boolean =>
  (at?.asOf === undefined || e.metadata.occurredOn <= at.asOf) && (at?.knownAt === undefined || e.metadata.recordedAt <= at.knownAt)

/** Creates the ledger service over the given ports. */
export const createTalentLedger = (deps: LedgerDeps): TalentLedger => {
  const { store, keys, clock } = deps
  const newId = deps.newEventId ?? (() => uuidv7())
  const retry = deps.retry ?? defaultRetryPolicy
  const notifications = deps.notifications === undefined ? defaultNotificationPolicy : deps.notifications
  // rows come from the store port, which hands out checked envelopes: only the data is decoded here
  const decodeRow = decodeStored(upcasterChain(deps.upcasters ?? []))
  const decode = (row: RecordedEvent): Decoded => decodeRow(row)
  // every command reads its own stream and the policy and organisation streams: folded once, kept
  const folded = foldedStreams(store, deps.foldedStreams)

  const streamFold = <S, Ev>(decider: Pick<Decider<unknown, Ev, S>, 'initialState' | 'evolve'>): StreamFold<S> => ({
    initialState: decider.initialState,
    foldRows: (from, rows) => {
      let state = from
      for (const row of rows) state = decider.evolve(state, decode(row).event as Ev)
      return state
    },
  })
  const foldStream = <S, Ev>(decider: Pick<Decider<unknown, Ev, S>, 'initialState' | 'evolve'>, rows: ReadonlyArray<RecordedEvent>): S =>
    streamFold(decider).foldRows(decider.initialState, rows)
  const policyFold = streamFold(policyDecider)
  const organizationFold = streamFold(organizationDecider)
  const talentFold = streamFold(talentDecider)

  const policies = async (fresh = false): Promise<PolicyRegistry> => (await folded.load(POLICY_STREAM, policyFold, fresh)).state

  const organization = async (id: string, fresh: boolean): Promise<OrganizationState | undefined> => {
    const loaded = await folded.load(organizationStream(id), organizationFold, fresh)
    return loaded.version === 0 ? undefined : loaded.state
  }

  /** After a conflict (`fresh`), the context is folded again from the store too. */
  const talentContext = async (c: Command, fresh = false): Promise<TalentContext> => {
    const ids = organizationsNamed(c)
    const orgs = await Promise.all(ids.map((id) => organization(id, fresh)))
    return { policies: await policies(fresh), organizations: Object.fromEntries(ids.map((id, i) => [id, orgs[i]])) }
  }

  const toNewEvents =
    (c: Command, options: ExecuteOptions) =>
    (events: ReadonlyArray<{ readonly type: string; readonly data: unknown }>): NewEvent[] => {
      const recordedAt = clock.now()
      const occurredOn = businessDateOf(c) ?? dateOf(recordedAt)
      const correlationId = options.correlationId ?? newId()
      return events.map((e) => ({
        eventId: newId(),
        type: e.type,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        data: e.data,
        metadata: { actor: c.actor, correlationId, causationId: options.causationId ?? null, occurredOn, recordedAt },
      }))
    }

  const attemptFor = <S, Ev extends { type: string; data: unknown }, C>(
    decider: Decider<C, Ev, S>,
    command: C,
    c: Command,
    options: ExecuteOptions,
  ): Attempt<S, Ev> => ({
    fold: (rows) => foldStream(decider, rows),
    load: (fresh) => folded.load(routeOf(c).stream, streamFold(decider), fresh),
    decide: (state) => decider.decide(command, state),
    toNewEvents: toNewEvents(c, options),
  })

  /** RegisterTalent: decide with a placeholder first so a refused registration never creates a key. */
  const sealRegistration = async (c: CommandOf<'RegisterTalent'>): Promise<E.Either<DomainError, SealedRegisterTalent>> => {
    const { name, nationalId, birthDate, ...rest } = c.data
    const placeholder: SealedRegisterTalent = { type: c.type, actor: c.actor, data: { ...rest, personal: { alg: 'xchacha20poly1305', keyId: rest.talentId, ciphertext: '' } } }
    const { state } = await folded.load(talentStream(rest.talentId), talentFold)
    const dry = talentDecider.decide({ command: placeholder, context: await talentContext(c) }, state)
    if (E.isLeft(dry)) return dry
    const personal = await sealPersonalData(keys, rest.talentId, { name, nationalId, birthDate })
    return E.right({ ...placeholder, data: { ...placeholder.data, personal } })
  }

  const run = async (c: Command, options: ExecuteOptions): Promise<E.Either<DomainError, { stream: string; version: number; events: ReadonlyArray<{ type: string }> }>> => {
    const { aggregate, stream } = routeOf(c)
    switch (aggregate) {
      case 'policy':
        return handleCommand(store, stream, retry, async () => E.right(attemptFor(policyDecider, c as CommandOf<'AdoptPolicy'>, c, options)))()
      case 'organization':
        return handleCommand(store, stream, retry, async () => E.right(attemptFor(organizationDecider, c as CommandOf<'RegisterOrganization'>, c, options)))()
      case 'city':
        return handleCommand(store, stream, retry, async () =>
          E.right(attemptFor(cityDecider, c as CommandOf<'DesignateCarrier' | 'ReportEmploymentStatistics'>, c, options)),
        )()
      case 'talent': {
        let command: TalentCommand
        if (c.type === 'RegisterTalent') {
          const sealed = await sealRegistration(c)
          if (E.isLeft(sealed)) return sealed
          command = sealed.right
        } else command = c as TalentCommand
        const result = await handleCommand(store, stream, retry, async (n) => {
          const attempt = attemptFor<TalentState, TalentEvent, TalentDecision>(talentDecider, { command, context: await talentContext(c, n > 1) }, c, options)
          return E.right(notifications === null || notifications.rules.length === 0 ? attempt : { ...attempt, outboxFor: (events, state) => outboxEntriesFor(notifications, events, state) })
        })()
        // erase the key after the event is stored, and again on a repeated ForgetTalent in case a crash came between
        if (c.type === 'ForgetTalent' && (E.isRight(result) || result.left.code === 'Duplicate')) await keys.forget(c.data.talentId)
        return result
      }
    }
  }

  const execute = async (raw: unknown, options: ExecuteOptions = {}): Promise<CommandResult> => {
    const decoded = decodeCommand(raw)
    if (E.isLeft(decoded)) return { ok: false, error: decoded.left }
    const result = await run(decoded.right, options)
    return E.isLeft(result)
      ? { ok: false, error: result.left }
      : { ok: true, stream: result.right.stream, version: result.right.version, events: result.right.events.map((e) => e.type) }
  }

  const talentState = async (talentId: string, at?: AsOf): Promise<TalentState> => {
    const rows = (await store.readStream(talentStream(talentId))).filter(within(at))
    return rows.length === 0 ? initialTalentState : foldStream(talentDecider, rows)
  }

  const profile = async (talentId: string, at?: AsOf): Promise<TalentProfile | null> => {
    const state = await talentState(talentId, at)
    if (!state.registered) return null
    const personal = state.personal === null ? null : await openPersonalData(keys, state.personal)
    return talentProfile(state, personal?.name ?? null)
  }

  return { execute, talentState, profile, policies: () => policies(), decode }
}
