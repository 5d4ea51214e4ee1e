/**
 * The ledger service: what an embedding application calls. It decodes a raw command, checks its
 * shape (§17) and its official, seals a registration's personal data, and hands the command to the
 * runner on the category that owns it (load, decide, append with the expected version, retry on
 * conflict), with the notices its events cause; it reads talents back as of a business date or a
 * record time. Effects go through the ports only, so the same code runs on every store.
 */
import * as E from 'fp-ts/lib/Either.js'
import { foldEvents, type DomainEvent } from '../kernel/category.js'
import { dateOf } from '../kernel/dates.js'
import type { NewEvent, RecordedEvent } from '../kernel/envelope.js'
import type { DomainError } from '../kernel/errors.js'
import type { Clock, EventStore, KeyStore } from '../kernel/ports.js'
import { createRunner, type BatchCommand, type RetryPolicy, type Stamped, type Transactor } from '../kernel/transact.js'
import type { Upcaster } from '../kernel/upcasting.js'
import { routeOf, type DecidableCommand, type Notifies } from '../domain/aggregates.js'
import { certificateNumberCategory, type ClaimCertificateNumber } from '../domain/certificate/index.js'
import { businessDateOf, type Command, type CommandOf } from '../domain/commands.js'
import { decodeCommand, decodeStored } from '../domain/decode.js'
import { recordDateOf, type DecisionEnv } from '../domain/decision-env.js'
import type { LedgerEvent } from '../domain/events.js'
import { schemaVersionOf, withDomainUpcasters } from '../domain/upcasters.js'
import { officialRefusal, type Officials } from '../domain/officials.js'
import { openPersonalData, sealPersonalData } from '../domain/personal-data.js'
import { policyCategory, POLICY_STREAM } from '../domain/policies/policies.js'
import { sanityOf } from '../domain/sanity.js'
import { talentCategory, talentStream } from '../domain/talent/category.js'
import type { SealedRegisterTalent } from '../domain/talent/context.js'
import { personalDataOf, registrationPlaceholder, sealedRegistration } from '../domain/talent/sealed-registration.js'
import { initialTalentState, type TalentState } from '../domain/talent/state.js'
import type { PolicyRegistry } from '../policy/registry.js'
import { talentProfile, type TalentProfile } from '../projections/talent-profile.js'
import { defaultNotificationPolicy } from '../notifications/default-notification-policy.js'
import type { NotificationPolicy } from '../notifications/notification-policy.js'
import { outboxEntriesFor } from '../notifications/outbox-entries.js'
import { newEventIdV7 } from './event-ids.js'
import type { OutboxEntry } from '../kernel/outbox.js'

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
  /**
   * Group commit (成组提交): runs raw commands in order, deciding each against the store as the
   * earlier ones in the list leave it, and stores what they decide in one store transaction
   * (`EventStore.appendMany`; one at a time on a store without it). Each command keeps its own
   * outcome, the one `execute` would give it run one after another: a refusal stores nothing and
   * the others go on. A `ForgetTalent` ends a group (the key is erased once its event is stored).
   */
  readonly executeMany: (raws: ReadonlyArray<unknown>, options?: ExecuteOptions) => Promise<ReadonlyArray<CommandResult>>
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
  const newId = deps.newEventId ?? newEventIdV7
  const notifications = deps.notifications === undefined ? defaultNotificationPolicy : deps.notifications
  const notifying = notifications !== null && notifications.rules.length > 0
  // the domain's own upcasters first (events whose shape changed since 0.1), then the caller's
  const upcast = withDomainUpcasters(deps.upcasters)
  // rows come from the store port, which hands out checked envelopes: only the data is decoded here
  const decodeRow = decodeStored(upcast)
  const decode = (row: RecordedEvent): Decoded => decodeRow(row)
  // every command reads its own stream and the policy and organisation streams: the runner keeps them folded
  const runner = createRunner({ store, upcast, ...(deps.retry === undefined ? {} : { retry: deps.retry }), ...(deps.foldedStreams === undefined ? {} : { foldedStreams: deps.foldedStreams }) })
  const open: DecisionEnv['open'] = (sealed) => openPersonalData(keys, sealed)
  const decodeTalentRow = runner.decodeOf(talentCategory)

  /** The envelopes of a command's events: one correlation id and record time for the batch. */
  const stamp =
    (c: Command, options: ExecuteOptions) =>
    (events: ReadonlyArray<DomainEvent>): NewEvent[] => {
      const recordedAt = clock.now()
      const occurredOn = businessDateOf(c) ?? dateOf(recordedAt)
      const correlationId = options.correlationId ?? newId()
      return events.map((e) => ({
        eventId: newId(),
        type: e.type,
        schemaVersion: schemaVersionOf(e.type),
        data: e.data,
        // keys in their canonical (code-unit) order: sealing then writes the metadata's canonical text natively (about 1 µs less per event)
        metadata: { actor: c.actor, causationId: options.causationId ?? null, correlationId, occurredOn, recordedAt },
      }))
    }

  /** The notices a talent stream's new events cause, on the state the decision was made on. */
  const outboxOf =
    <S, Ev>(notifies: Notifies<S, Ev>, policy: NotificationPolicy) =>
    (stamped: ReadonlyArray<Stamped<Ev>>, state: S): ReadonlyArray<OutboxEntry> => {
      const { talent, events } = notifies(state, stamped.map((s) => s.event))
      return outboxEntriesFor(policy, events.map((event, i) => ({ eventId: stamped[i]!.envelope.eventId, event })), talent)
    }
  // one per route's `notifies` (a handful), made on first use rather than for every command
  const outboxes = new WeakMap<object, ReturnType<typeof outboxOf>>()
  const outboxFor = <S, Ev>(notifies: Notifies<S, Ev>, policy: NotificationPolicy): ((stamped: ReadonlyArray<Stamped<Ev>>, state: S) => ReadonlyArray<OutboxEntry>) => {
    let made = outboxes.get(notifies) as ((stamped: ReadonlyArray<Stamped<Ev>>, state: S) => ReadonlyArray<OutboxEntry>) | undefined
    if (made === undefined) outboxes.set(notifies, (made = outboxOf(notifies, policy)) as ReturnType<typeof outboxOf>)
    return made
  }

  /** RegisterTalent: decided on a placeholder first, so a refused registration never creates a key. */
  const sealRegistration = async (c: CommandOf<'RegisterTalent'>, env: DecisionEnv, on: Transactor): Promise<E.Either<DomainError, SealedRegisterTalent>> => {
    const dry = await on.decide(talentCategory, registrationPlaceholder(c), env)
    if (E.isLeft(dry)) return dry
    return E.right(sealedRegistration(c, await sealPersonalData(keys, c.data.talentId, personalDataOf(c))))
  }

  type Ran = { stream: string; version: number; events: ReadonlyArray<string>; erasurePending?: boolean }

  /**
   * RecordPriorCertificate: its number is claimed city-wide (certificate/category.ts) once the
   * talent's own checks pass, so a refused command claims nothing; a number another talent holds is
   * `Duplicate` after Unauthorized and NotFound and before the policy and the rules (§8). The claim
   * and the certificate are staged on the same transactor, which commits them together.
   */
  const claimCertificateNumber = async (c: CommandOf<'RecordPriorCertificate'>, env: DecisionEnv, options: ExecuteOptions, on: Transactor): Promise<E.Either<DomainError, unknown>> => {
    const dry = await on.decide(talentCategory, c, env)
    if (E.isLeft(dry) && dry.left.code !== 'PolicyValueUnset' && dry.left.code !== 'NotEligible') return dry
    const claim: ClaimCertificateNumber = { type: 'ClaimCertificateNumber', actor: c.actor, data: { certificateNumber: c.data.certificateNumber, talentId: c.data.talentId } }
    const held = await on.decide(certificateNumberCategory, claim, env)
    if (E.isLeft(held) || E.isLeft(dry)) return E.isLeft(held) ? held : dry
    return on.transact(certificateNumberCategory, claim, env, { stamp: stamp(c, options) })
  }

  /** Runs a decoded command on `on` (the runner, or a group's view). */
  const run = async (c: Command, given: ExecuteOptions, recordDate: string, on: Transactor): Promise<E.Either<DomainError, Ran>> => {
    // a prior certificate appends twice (its number's claim, then the certificate): one correlation id for both
    const options = c.type === 'RecordPriorCertificate' ? { ...given, correlationId: given.correlationId ?? newId() } : given
    // a registration gives the birth date in clear; for other talent facts it is opened when a rule needs it
    const env: DecisionEnv = { dates: { recordDate, maxFutureDays: deps.maxFutureDays ?? null }, open, birthDate: c.type === 'RegisterTalent' ? c.data.birthDate : null }
    let command: DecidableCommand
    if (c.type === 'RegisterTalent') {
      const sealed = await sealRegistration(c, env, on)
      if (E.isLeft(sealed)) return sealed
      command = sealed.right
    } else command = c
    if (c.type === 'RecordPriorCertificate') {
      const claimed = await claimCertificateNumber(c, env, options, on)
      if (E.isLeft(claimed)) return claimed
    }
    const result = await routeOf(command).run(async (category, routed, notifies) => {
      const stamped = stamp(c, options)
      const transaction = notifies !== null && notifying && notifications !== null ? { stamp: stamped, outbox: outboxFor(notifies, notifications) } : { stamp: stamped }
      const done = await on.transact(category, routed, env, transaction)
      return E.isLeft(done) ? done : E.right<DomainError, Ran>({ stream: done.right.stream, version: done.right.version, events: done.right.events.map((e) => e.type) })
    })
    // erase the key after the event is stored, and again on a repeated ForgetTalent in case a crash came between
    if (c.type === 'ForgetTalent' && (E.isRight(result) || result.left.code === 'Duplicate')) {
      const erasure = await keys.forget(c.data.talentId)
      if (!erasure.complete && E.isRight(result)) return E.right({ ...result.right, erasurePending: true })
    }
    return result
  }

  /** A decoded command's checks before its decision (§17 sanity, the official), then its run. */
  const admitted = async (c: Command, options: ExecuteOptions, on: Transactor): Promise<E.Either<DomainError, Ran>> => {
    // record date: the Clock's now in UTC+8 (DOMAIN.md §17)
    const recordDate = recordDateOf(clock.now())
    const insane = sanityOf(c, recordDate)
    if (insane !== null) return E.left(insane)
    const notOfficial = officialRefusal(deps.officials, c.actor)
    if (notOfficial !== null) return E.left(notOfficial)
    return run(c, options, recordDate, on)
  }

  const resultOf = (result: E.Either<DomainError, Ran>): CommandResult => {
    if (E.isLeft(result)) return { ok: false, error: result.left }
    const { stream, version, events, erasurePending } = result.right
    return erasurePending === true ? { ok: true, stream, version, events, erasure: 'pending' } : { ok: true, stream, version, events }
  }

  const execute = async (raw: unknown, options: ExecuteOptions = {}): Promise<CommandResult> => {
    const decoded = decodeCommand(raw)
    if (E.isLeft(decoded)) return { ok: false, error: decoded.left }
    const c = decoded.right
    // a prior certificate writes its number's claim and the certificate: one transaction for both
    if (c.type === 'RecordPriorCertificate') return resultOf((await runner.transactMany([(on) => admitted(c, options, on)]))[0]!)
    return resultOf(await admitted(c, options, runner))
  }

  const executeMany = async (raws: ReadonlyArray<unknown>, options: ExecuteOptions = {}): Promise<ReadonlyArray<CommandResult>> => {
    const results: CommandResult[] = []
    let group: Array<{ readonly index: number; readonly command: BatchCommand<Ran> }> = []
    const flush = async (): Promise<void> => {
      const outcomes = await runner.transactMany(group.map((g) => g.command))
      for (let k = 0; k < group.length; k++) results[group[k]!.index] = resultOf(outcomes[k]!)
      group = []
    }
    for (let index = 0; index < raws.length; index++) {
      const decoded = decodeCommand(raws[index])
      if (E.isLeft(decoded)) {
        results[index] = { ok: false, error: decoded.left }
        continue
      }
      const c = decoded.right
      // the key is destroyed after the event is stored, and later commands must find it gone
      if (c.type === 'ForgetTalent') {
        if (group.length > 0) await flush()
        results[index] = resultOf(await admitted(c, options, runner))
        continue
      }
      group.push({ index, command: (on) => admitted(c, options, on) })
    }
    if (group.length > 0) await flush()
    return results
  }

  const talentState = async (talentId: string, at?: AsOf): Promise<TalentState> => {
    const rows = (await store.readStream(talentStream(talentId))).filter(within(at))
    return rows.length === 0 ? initialTalentState : foldEvents(talentCategory, rows.map(decodeTalentRow))
  }

  const profile = async (talentId: string, at?: AsOf): Promise<TalentProfile | null> => {
    const state = await talentState(talentId, at)
    if (!state.registered) return null
    const personal = state.personal === null ? null : await openPersonalData(keys, state.personal)
    return talentProfile(state, personal?.name ?? null)
  }

  const policies = async (): Promise<PolicyRegistry> => (await runner.load(policyCategory, POLICY_STREAM)).state

  return { execute, executeMany, talentState, profile, policies, decode }
}
