/**
 * One command, decided purely: which aggregate it belongs to, what its decision reads (its stream's
 * folded state; for a talent command also the policies adopted and the organisations it names) and
 * which decider answers it. The ledger service, the specs, the invariants' pure ledger and the
 * benchmarks all route through here, so the routing and context rules live in one place; how each
 * loads the states (a store, a history, memory) and how it seals personal data stays with it.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Decider } from '../kernel/decider.js'
import { notEligible, type DomainError, type ErrorDetail } from '../kernel/errors.js'
import { cityDecider, type CityCommand, type CityState } from '../domain/city.js'
import type { Command } from '../domain/commands.js'
import { dateRuleFailures, type DateContext } from '../domain/date-rules.js'
import type { LedgerEvent, TalentEvent } from '../domain/events.js'
import { organizationDecider, type OrganizationCommand, type OrganizationState } from '../domain/organization.js'
import { policyDecider, type PolicyCommand } from '../domain/policy-stream.js'
import type { TalentCommand, TalentContext, TalentDecision } from '../domain/talent/context.js'
import type { TalentState } from '../domain/talent/state.js'
import { talentDecider } from '../domain/talent/talent.js'
import type { PolicyRegistry } from '../policy/registry.js'
import { organizationsNamed, routeOf, type Aggregate } from './routing.js'

/** A command as the deciders take it: RegisterTalent with its personal data already sealed. */
export type DecidableCommand = PolicyCommand | OrganizationCommand | CityCommand | TalentCommand

/** The folded state of each aggregate's stream. */
export interface StreamStates {
  readonly policy: PolicyRegistry
  readonly organization: OrganizationState
  readonly city: CityState
  readonly talent: TalentState
}

/** The folded state of a command's stream (the one `decisionNeeds(command).stream` names). */
export type StreamState = StreamStates[Aggregate]

/** What a command's decision reads: its stream and, for a talent command, its context. */
export interface DecisionNeeds {
  readonly aggregate: Aggregate
  readonly stream: string
  /** Organisations whose state the decision reads (the actor included); empty unless a talent command. */
  readonly organizationsNamed: ReadonlyArray<string>
  /** Whether the decision reads the policies adopted so far (talent commands only). */
  readonly needsPolicies: boolean
}

/** The state and context `decideCommand` decides on. */
export interface DecisionInput {
  readonly streamState: StreamState
  /** Required when `needsPolicies`. */
  readonly policies?: PolicyRegistry
  /** The organisations `organizationsNamed` lists, `undefined` for one never registered; required for a talent command. */
  readonly organizations?: TalentContext['organizations']
  /** The record date and what the §17 date rules read; without it those rules are not checked (pure tools). */
  readonly dates?: DateContext
}

/** Which stream a command is decided on and which context its decision reads. */
export const decisionNeeds = (c: Command | DecidableCommand): DecisionNeeds => {
  const { aggregate, stream } = routeOf(c)
  const talent = aggregate === 'talent'
  return { aggregate, stream, organizationsNamed: talent ? organizationsNamed(c) : [], needsPolicies: talent }
}

/** Initial state and evolve of each aggregate's stream: to fold the state `decideCommand` is given. */
export const streamEvolvers: { readonly [A in Aggregate]: Pick<Decider<never, LedgerEvent, StreamStates[A]>, 'initialState' | 'evolve'> } = {
  policy: policyDecider as Pick<Decider<never, LedgerEvent, PolicyRegistry>, 'initialState' | 'evolve'>,
  organization: organizationDecider as Pick<Decider<never, LedgerEvent, OrganizationState>, 'initialState' | 'evolve'>,
  city: cityDecider as Pick<Decider<never, LedgerEvent, CityState>, 'initialState' | 'evolve'>,
  talent: talentDecider as Pick<Decider<never, LedgerEvent, TalentState>, 'initialState' | 'evolve'>,
}

/**
 * Decides one command on its stream's state and context (`decisionNeeds` says which). `talent` is
 * the talent decider to use (the core's unless a test wants to catch another out). Throws only when
 * a talent command is given no context: that is a caller's bug, not a refusal.
 */
export const decideCommand = (
  command: DecidableCommand,
  input: DecisionInput,
  talent: Decider<TalentDecision, TalentEvent, TalentState> = talentDecider,
): E.Either<DomainError, ReadonlyArray<LedgerEvent>> => {
  const decided = decideOnStream(command, input, talent)
  if (input.dates === undefined) return decided
  const onTalent =
    routeOf(command).aggregate === 'talent'
      ? { command: command as TalentCommand, state: input.streamState as TalentState, organizations: input.organizations ?? {} }
      : null
  return withDateRules(decided, dateRuleFailures(command, onTalent, input.dates))
}

/**
 * The §17 date rules are `NotEligible`, last in the order of §8: they join the decider's own failed
 * rules and never hide an earlier kind of refusal.
 */
const withDateRules = (
  decided: E.Either<DomainError, ReadonlyArray<LedgerEvent>>,
  failed: ReadonlyArray<ErrorDetail>,
): E.Either<DomainError, ReadonlyArray<LedgerEvent>> => {
  if (failed.length === 0) return decided
  if (E.isRight(decided)) return E.left(notEligible(failed.map((d) => d.message).join('; '), failed))
  return decided.left.code === 'NotEligible' ? E.left({ ...decided.left, details: [...decided.left.details, ...failed] }) : decided
}

const decideOnStream = (
  command: DecidableCommand,
  input: DecisionInput,
  talent: Decider<TalentDecision, TalentEvent, TalentState>,
): E.Either<DomainError, ReadonlyArray<LedgerEvent>> => {
  const { aggregate } = routeOf(command)
  switch (aggregate) {
    case 'policy':
      return policyDecider.decide(command as PolicyCommand, input.streamState as PolicyRegistry)
    case 'organization':
      return organizationDecider.decide(command as OrganizationCommand, input.streamState as OrganizationState)
    case 'city':
      return cityDecider.decide(command as CityCommand, input.streamState as CityState)
    case 'talent': {
      const { policies, organizations } = input
      if (policies === undefined || organizations === undefined) throw new Error(`${command.type} is decided with the policies and the organisations it names`)
      return talent.decide({ command: command as TalentCommand, context: { policies, organizations } }, input.streamState as TalentState)
    }
  }
}
