/**
 * The ledger service: what an embedding application calls. It decodes a raw command, routes it to
 * its aggregate, loads the context (policies, organisations), decides, appends with the expected
 * version (retrying on conflict), and reads talents back as of a business date or a record time.
 * Effects go through the ports only, so the same code runs on every store.
 */
import * as E from 'fp-ts/lib/Either.js'
import { v7 as uuidv7 } from 'uuid'
import { defaultRetryPolicy, handleCommand, type Attempt, type RetryPolicy } from '../kernel/command-handler.js'
import { dateOf, recordDateOf } from '../kernel/dates.js'
import type { Decider } from '../kernel/decider.js'
import type { NewEvent, RecordedEvent } from '../kernel/envelope.js'
import type { DomainError } from '../kernel/errors.js'
import type { Clock, EventStore, KeyStore } from '../kernel/ports.js'
import { upcasterChain, type Upcaster } from '../kernel/upcasting.js'
import { cityDecider } from '../domain/city.js'
import type { Command, CommandOf } from '../domain/commands.js'
import { sanityOf, type DateContext } from '../domain/date-rules.js'
import { decodeCommand, decodeStored } from '../domain/decode.js'
import { CURRENT_SCHEMA_VERSION, type LedgerEvent } from '../domain/events.js'
import { organizationDecider, organizationStream, type OrganizationState } from '../domain/organization.js'
import { officialRefusal, type Officials } from '../domain/officials.js'
import { openPersonalData, sealPersonalData } from '../domain/personal-data.js'
import { POLICY_STREAM, policyDecider } from '../domain/policy-stream.js'
import type { SealedRegisterTalent } from '../domain/talent/context.js'
import { initialTalentState, type TalentState } from '../domain/talent/state.js'
import { talentDecider, talentStream } from '../domain/talent/talent.js'
import type { PolicyRegistry } from '../policy/registry.js'
import { talentProfile, type TalentProfile } from '../projections/talent-profile.js'
import { defaultNotificationPolicy } from '../notifications/default-notification-policy.js'
import type { NotificationPolicy } from '../notifications/notification-policy.js'
import { outboxEntriesFor } from '../notifications/outbox-entries.js'
import { foldedStreams, type StreamFold } from './folded-streams.js'
import { decideCommand, decisionNeeds, type DecidableCommand, type DecisionInput, type DecisionNeeds, type StreamState, type StreamStates } from './decide-command.js'
import { businessDateOf, type Aggregate } from './routing.js'
import { personalDataOf, registrationPlaceholder, sealedRegistration } from './sealed-registration.js'

/**
 * A command's outcome, in the shape of a CLI result line. `erasure: 'pending'` (ForgetTalent only):
 * the key is gone from the store's reads but a reader held a copy in its files; `erasures` finishes it.
 */
export type CommandResult =
  | { readonly ok: true; readonly stream: string; readonly version: number; readonly events: ReadonlyArray<string>; readonly erasure?: 'pending' }
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
  /** Retries on a conflicting append (default: up to 100 attempts within 30 s of back-off, decorrelated jitter). */
  readonly retry?: RetryPolicy
  /** How many streams to keep folded between commands (default 50,000; 0 keeps none). See `folded-streams.ts`. */
  readonly foldedStreams?: number
  /**
   * Which events notify whom (default: the shipped policy). The notices are written to the
   * store's outbox in the same append as their events; `null` or a policy without rules: none.
   */
  readonly notifications?: NotificationPolicy | null
  /**
   * Allowed hr-bureau and auditor ids (DOMAIN.md §8): when given, those roles are restricted to the
   * ids it lists for them. Without it any id may act as an official (the embedding system vouches).
   */
  readonly officials?: Officials
  /**
   * Business dates may lie at most this many days after the record date (`dates.not-after-record-date`,
   * DOMAIN.md §17). Unset (the default): no bound, for simulations and imports of planned facts;
   * production deployments should set 0.
   */
  readonly maxFutureDays?: number
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
  const policyFold = streamFold(policyDecider)
  const organizationFold = streamFold(organizationDecider)
  const folds: { readonly [A in Aggregate]: StreamFold<StreamStates[A]> } = {
    policy: policyFold,
    organization: organizationFold,
    city: streamFold(cityDecider),
    talent: streamFold(talentDecider),
  }

  const policies = async (fresh = false): Promise<PolicyRegistry> => (await folded.load(POLICY_STREAM, policyFold, fresh)).state

  const organization = async (id: string, fresh: boolean): Promise<OrganizationState | undefined> => {
    const loaded = await folded.load(organizationStream(id), organizationFold, fresh)
    return loaded.version === 0 ? undefined : loaded.state
  }

  /** The context `needs` names; after a conflict (`fresh`), folded again from the store too. */
  const contextFor = async (needs: DecisionNeeds, fresh = false): Promise<Omit<DecisionInput, 'streamState'>> => {
    if (!needs.needsPolicies && needs.organizationsNamed.length === 0) return {}
    const ids = needs.organizationsNamed
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

  /** RegisterTalent: decide with a placeholder first so a refused registration never creates a key. */
  const sealRegistration = async (
    c: CommandOf<'RegisterTalent'>,
    needs: DecisionNeeds,
    dates: DateContext,
  ): Promise<E.Either<DomainError, SealedRegisterTalent>> => {
    const placeholder = registrationPlaceholder(c)
    const { state } = await folded.load(needs.stream, folds.talent)
    const dry = decideCommand(placeholder, { streamState: state, ...(await contextFor(needs)), dates })
    if (E.isLeft(dry)) return dry
    return E.right(sealedRegistration(c, await sealPersonalData(keys, c.data.talentId, personalDataOf(c))))
  }

  /**
   * The birth date for the §17 rules, opened from the sealed personal data only for a talent fact
   * dated before `occupationSince` (the one case it decides), never stored. Null once erased.
   */
  const openedBirthDate = async (c: Command, state: TalentState): Promise<string | null> => {
    const date = businessDateOf(c)
    if (date === null || !state.registered || state.personal === null || date >= state.occupationSince) return null
    return (await openPersonalData(keys, state.personal))?.birthDate ?? null
  }

  const run = async (
    c: Command,
    options: ExecuteOptions,
    recordDate: string,
  ): Promise<E.Either<DomainError, { stream: string; version: number; events: ReadonlyArray<{ type: string }>; erasurePending?: boolean }>> => {
    const needs = decisionNeeds(c)
    // a registration gives the birth date in clear; for other talent facts it is opened once the state is loaded
    let dates: DateContext = { recordDate, maxFutureDays: deps.maxFutureDays ?? null, birthDate: c.type === 'RegisterTalent' ? c.data.birthDate : null }
    let command: DecidableCommand
    if (c.type === 'RegisterTalent') {
      const sealed = await sealRegistration(c, needs, dates)
      if (E.isLeft(sealed)) return sealed
      command = sealed.right
    } else command = c
    const fold = folds[needs.aggregate] as StreamFold<StreamState>
    // notices are for talent events only (their recipients are the talent's)
    const outboxFor =
      needs.aggregate !== 'talent' || notifications === null || notifications.rules.length === 0
        ? undefined
        : (events: ReadonlyArray<NewEvent>, state: StreamState) =>
            // NOTE: `data` is what the decider returned a moment ago (typed LedgerEvent data), only
            // untyped by the NewEvent envelope; the typed runner will hand the events over as they are
            outboxEntriesFor(notifications, events.map((e) => ({ eventId: e.eventId, event: { type: e.type, data: e.data } as LedgerEvent })), state as TalentState)
    const result = await handleCommand(store, needs.stream, retry, async (n) => {
      const context = await contextFor(needs, n > 1)
      const attempt: Attempt<StreamState, LedgerEvent> = {
        fold: (rows) => fold.foldRows(fold.initialState, rows),
        load: async (fresh) => {
          const loaded = await folded.load(needs.stream, fold, fresh)
          if (needs.aggregate === 'talent' && c.type !== 'RegisterTalent') dates = { ...dates, birthDate: await openedBirthDate(c, loaded.state as TalentState) }
          return loaded
        },
        decide: (state) => decideCommand(command, { streamState: state, ...context, dates }),
        toNewEvents: toNewEvents(c, options),
      }
      return E.right(outboxFor === undefined ? attempt : { ...attempt, outboxFor })
    })()
    // erase the key after the event is stored, and again on a repeated ForgetTalent in case a crash came between
    if (c.type === 'ForgetTalent' && (E.isRight(result) || result.left.code === 'Duplicate')) {
      const erasure = await keys.forget(c.data.talentId)
      if (!erasure.complete && E.isRight(result)) return E.right({ ...result.right, erasurePending: true })
    }
    return result
  }

  const execute = async (raw: unknown, options: ExecuteOptions = {}): Promise<CommandResult> => {
    const decoded = decodeCommand(raw)
    if (E.isLeft(decoded)) return { ok: false, error: decoded.left }
    // record date: the Clock's now in UTC+8 (DOMAIN.md §17)
    const recordDate = recordDateOf(clock.now())
    const insane = sanityOf(decoded.right, recordDate)
    if (insane !== null) return { ok: false, error: insane }
    const notOfficial = officialRefusal(deps.officials, decoded.right.actor)
    if (notOfficial !== null) return { ok: false, error: notOfficial }
    const result = await run(decoded.right, options, recordDate)
    return E.isLeft(result)
      ? { ok: false, error: result.left }
      : {
          ok: true,
          stream: result.right.stream,
          version: result.right.version,
          events: result.right.events.map((e) => e.type),
          ...(result.right.erasurePending === true ? { erasure: 'pending' as const } : {}),
        }
  }

  const talentState = async (talentId: string, at?: AsOf): Promise<TalentState> => {
    const rows = (await store.readStream(talentStream(talentId))).filter(within(at))
    return rows.length === 0 ? initialTalentState : folds.talent.foldRows(initialTalentState, rows)
  }

  const profile = async (talentId: string, at?: AsOf): Promise<TalentProfile | null> => {
    const state = await talentState(talentId, at)
    if (!state.registered) return null
    const personal = state.personal === null ? null : await openPersonalData(keys, state.personal)
    return talentProfile(state, personal?.name ?? null)
  }

  return { execute, talentState, profile, policies: () => policies(), decode }
}
