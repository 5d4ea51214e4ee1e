/**
 * A ledger without a store: runs raw commands through the core's deciders in memory, routing and
 * building each decision's context the way `createTalentLedger` does (policies from PolicyAdopted,
 * organisations from OrganizationRegistered), and keeps every outcome with the state it was decided
 * on. RegisterTalent's personal data is replaced by a fake sealed value, so no key store is needed.
 * Deciding is the core's `decideCommand`; only the states are kept here.
 * For properties over command sequences; it is not a ledger (no hashes, no envelopes, no retries).
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  businessDateOf,
  decideCommand,
  decisionNeeds,
  decodeCommand,
  organizationDecider,
  routeOf,
  sealedRegistration,
  streamEvolvers,
  talentDecider,
  type Aggregate,
  type CityCommand,
  type CityState,
  type Command,
  type DecidableCommand,
  type Decider,
  type DomainError,
  type LedgerEvent,
  type OrganizationCommand,
  type OrganizationState,
  type PolicyCommand,
  type PolicyRegistry,
  type SealedPersonalData,
  type StreamState,
  type TalentCommand,
  type TalentContext,
  type TalentDecision,
  type TalentEvent,
  type TalentState,
} from '@talent-ledger/core'

/** The talent decider a run uses: the core's, or one a test wants to catch out. */
export type TalentDeciderUnderTest = Decider<TalentDecision, TalentEvent, TalentState>

/** A decision with the aggregate state and context it was taken on. */
export type RunDecision =
  | { readonly aggregate: 'talent'; readonly command: TalentCommand; readonly context: TalentContext; readonly before: TalentState }
  | { readonly aggregate: 'organization'; readonly command: OrganizationCommand; readonly before: OrganizationState }
  | { readonly aggregate: 'city'; readonly command: CityCommand; readonly before: CityState }
  | { readonly aggregate: 'policy'; readonly command: PolicyCommand; readonly before: PolicyRegistry }

/** What became of one raw command. */
export interface Outcome {
  readonly raw: unknown
  /** The decoded command; null when it was `Malformed`. */
  readonly command: Command | null
  readonly decision: RunDecision | null
  readonly result: E.Either<DomainError, ReadonlyArray<LedgerEvent>>
  /** Index of the first event of this outcome in the log. */
  readonly position: number
}

/** An event as the run stored it: its stream and business date, in commit order. */
export interface LoggedEvent {
  readonly stream: string
  readonly occurredOn: string
  readonly event: LedgerEvent
}

/** Aggregate states and the log after a run. */
export interface PureLedgerView {
  readonly policies: PolicyRegistry
  readonly organizations: Readonly<Record<string, OrganizationState>>
  readonly city: CityState
  readonly talents: Readonly<Record<string, TalentState>>
  readonly log: ReadonlyArray<LoggedEvent>
}

/** A run: every outcome and the final view. */
export interface PureRun extends PureLedgerView {
  readonly outcomes: ReadonlyArray<Outcome>
}

/** The stand-in for sealed personal data: deterministic, and holding nothing personal. */
export const fakeSealedPersonalData = (talentId: string): SealedPersonalData => ({
  alg: 'xchacha20poly1305',
  keyId: talentId,
  ciphertext: Array.from(new TextEncoder().encode(`fake:${talentId}`), (b) => b.toString(16).padStart(2, '0')).join(''),
})

/** The talent command a decoded command becomes (RegisterTalent's personal data sealed). */
export const toTalentCommand = (c: Command): TalentCommand =>
  c.type === 'RegisterTalent' ? sealedRegistration(c, fakeSealedPersonalData(c.data.talentId)) : (c as TalentCommand)

/** A ledger session in memory. */
export interface PureLedger {
  /** Decodes, decides and (when accepted) folds one raw command; never throws for a refusal. */
  readonly execute: (raw: unknown) => Outcome
  /** The aggregate states and the log so far. */
  readonly view: () => PureLedgerView
  /** One talent's state so far (the initial state when it never appeared). */
  readonly talent: (talentId: string) => TalentState
}

/** Starts a ledger session in memory: `execute` one raw command at a time, `view` the states. */
export const pureLedger = (talent: TalentDeciderUnderTest = talentDecider): PureLedger => {
  let policies: PolicyRegistry = streamEvolvers.policy.initialState
  let city: CityState = streamEvolvers.city.initialState
  const organizations: Record<string, OrganizationState> = {}
  const talents: Record<string, TalentState> = {}
  const log: LoggedEvent[] = []
  // ForgetTalent names no date: the ledger uses the clock, here the latest business date seen
  let today = '1970-01-01'

  /** The state of the stream the command is decided on. */
  const stateOf = (aggregate: Aggregate, c: Command): StreamState => {
    switch (aggregate) {
      case 'policy':
        return policies
      case 'organization':
        return organizations[(c as OrganizationCommand).data.organizationId] ?? organizationDecider.initialState
      case 'city':
        return city
      case 'talent':
        return talents[(c as TalentCommand).data.talentId] ?? talent.initialState
    }
  }

  /** Keeps the state of the stream the command was decided on. */
  const keep = (aggregate: Aggregate, c: Command, state: StreamState): void => {
    if (aggregate === 'policy') policies = state as PolicyRegistry
    else if (aggregate === 'organization') organizations[(c as OrganizationCommand).data.organizationId] = state as OrganizationState
    else if (aggregate === 'city') city = state as CityState
    else talents[(c as TalentCommand).data.talentId] = state as TalentState
  }

  /** The decision of a command, and how to fold its events into the aggregate it belongs to. */
  const decide = (c: Command): { decision: RunDecision; result: E.Either<DomainError, ReadonlyArray<LedgerEvent>>; apply: (events: ReadonlyArray<LedgerEvent>) => void } => {
    const needs = decisionNeeds(c)
    const { aggregate } = needs
    const before = stateOf(aggregate, c)
    const command: DecidableCommand = aggregate === 'talent' ? toTalentCommand(c) : (c as DecidableCommand)
    // as createTalentLedger does: the policies adopted so far and the organisations the command names
    const context: TalentContext | undefined = needs.needsPolicies
      ? { policies, organizations: Object.fromEntries(needs.organizationsNamed.map((o) => [o, organizations[o]])) }
      : undefined
    const evolve = (aggregate === 'talent' ? talent.evolve : streamEvolvers[aggregate].evolve) as (s: StreamState, e: LedgerEvent) => StreamState
    const apply = (es: ReadonlyArray<LedgerEvent>): void => keep(aggregate, c, es.reduce(evolve, before))
    const decision = (context === undefined ? { aggregate, command, before } : { aggregate, command, context, before }) as RunDecision
    return { decision, result: decideCommand(command, { streamState: before, ...context }, talent), apply }
  }

  const execute = (raw: unknown): Outcome => {
    const position = log.length
    const decoded = decodeCommand(raw)
    if (E.isLeft(decoded)) return { raw, command: null, decision: null, result: decoded, position }
    const c = decoded.right
    const on = businessDateOf(c)
    if (on !== null && on > today) today = on
    const { decision, result, apply } = decide(c)
    if (E.isRight(result)) {
      apply(result.right)
      const stream = routeOf(c).stream
      for (const event of result.right) log.push({ stream, occurredOn: on ?? today, event })
    }
    return { raw, command: c, decision, result, position }
  }

  const view = (): PureLedgerView => ({ policies, organizations: { ...organizations }, city, talents: { ...talents }, log: [...log] })
  const talentNow = (id: string): TalentState => talents[id] ?? talent.initialState
  return { execute, view, talent: talentNow }
}

/** Runs raw commands in order through the deciders (a refused or malformed one changes nothing). */
export const runPureLedger = (raws: Iterable<unknown>, talent: TalentDeciderUnderTest = talentDecider): PureRun => {
  const ledger = pureLedger(talent)
  const outcomes = [...raws].map(ledger.execute)
  return { ...ledger.view(), outcomes }
}
