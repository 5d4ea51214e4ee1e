/**
 * The aggregates of the ledger, registered once: each folder (talent/, organization/, city/,
 * policies/) owns its category and its codecs, and adding an aggregate is one line in
 * `AGGREGATES`. From this list come the command and event catalogues (commands.ts, events.ts)
 * and the routing of a command to its category, typed together so that the compiler ties each
 * command to its aggregate's state.
 */
import type { Category, DomainEvent } from '../kernel/category.js'
import { agreementCategory, AgreementCommandData, AgreementEventData } from './agreement/index.js'
import { CertificateCommandData, CertificateEventData, certificateNumberCategory } from './certificate/index.js'
import { cityCategory } from './city/index.js'
import { CityCommandData, CityEventData } from './city/index.js'
import type { DecisionEnv } from './decision-env.js'
import type { DataCodecs, EventsOf } from './messages.js'
import { OrganizationCommandData, OrganizationEventData } from './organization/index.js'
import { organizationCategory } from './organization/index.js'
import { PolicyCommandData, PolicyEventData } from './policies/index.js'
import { policyCategory } from './policies/index.js'
import { programmeCategory, ProgrammeCommandData, ProgrammeEventData } from './programme/index.js'
import { talentCategory } from './talent/category.js'
import { TalentCommandData } from './talent/commands.js'
import { TalentEventData, type TalentEvent } from './talent/events.js'
import type { TalentState } from './talent/state.js'

/**
 * A command bound to its aggregate: `run` hands `f` the category and the command typed together,
 * and whose notices the stream's events are, so `f` is written once for every aggregate.
 */
export interface Routed {
  readonly run: <R>(f: <C, Ev extends DomainEvent, S, X>(category: Category<C, Ev, S, X, DecisionEnv>, command: C, notifies: Notifies<S, Ev> | null) => R) => R
}

/**
 * Whose notices a stream's new events are: the talent (its state at decision time) and the events
 * as talent events. Only talent streams notify (their recipients are the talent's).
 */
export type Notifies<S, Ev> = (state: S, events: ReadonlyArray<Ev>) => { readonly talent: TalentState; readonly events: ReadonlyArray<TalentEvent> }

/** What an aggregate registers: its category, its codecs, and (talent) whose notices its events are. */
export interface Registration<C, Ev extends DomainEvent, S, X, M extends DataCodecs, N extends DataCodecs> {
  readonly category: Category<C, Ev, S, X, DecisionEnv>
  /** The `data` codecs of its commands as callers send them (the catalogue, `decodeCommand`). */
  readonly commands: M
  /** The `data` codecs of its events (the same the category decodes its stream with). */
  readonly events: N
  /** Whose notices its events are (talent streams only). */
  readonly notifies: Notifies<S, Ev> | null
}

/** A registered aggregate: its codecs, and the router of the commands it owns. */
export interface Aggregate<C, M extends DataCodecs, N extends DataCodecs> {
  readonly name: string
  readonly commands: M
  readonly events: N
  /** Binds a command to this aggregate when it owns the command's type (`C`), else null. */
  readonly route: (command: { readonly type: string }) => Routed | null
  /** The stream an event belongs to when this aggregate owns its type, else null (to file a given history). */
  readonly streamOfEvent: (event: { readonly type: string; readonly data: unknown }) => string | null
  /** Only for the type of the commands it decides: never read. */
  readonly decides?: (command: C) => void
}

/** Registers an aggregate (tests register a variant of one to catch it out: `routeWith`). */
export const aggregate = <C, Ev extends DomainEvent, S, X, M extends DataCodecs, N extends DataCodecs>(r: Registration<C, Ev, S, X, M, N>): Aggregate<C, M, N> => {
  // the aggregate owns the command and event types of its catalogue: runtime checks of the type tag
  const owns = <T extends { readonly type: string }>(c: T): c is T & C => Object.hasOwn(r.commands, c.type)
  const ownsEvent = <T extends { readonly type: string }>(e: T): e is T & Ev => Object.hasOwn(r.events, e.type)
  return {
    name: r.category.name,
    commands: r.commands,
    events: r.events,
    route: (c) => (owns(c) ? { run: (f) => f(r.category, c, r.notifies) } : null),
    streamOfEvent: (e) => (ownsEvent(e) ? r.category.streamOf(r.category.idOfEvent(e)) : null),
  }
}

/** Every aggregate, in catalogue order: adding one is one line here. */
export const AGGREGATES = [
  aggregate({ category: policyCategory, commands: PolicyCommandData, events: PolicyEventData, notifies: null }),
  aggregate({ category: organizationCategory, commands: OrganizationCommandData, events: OrganizationEventData, notifies: null }),
  aggregate({ category: talentCategory, commands: TalentCommandData, events: TalentEventData, notifies: (talent, events) => ({ talent, events }) }),
  aggregate({ category: cityCategory, commands: CityCommandData, events: CityEventData, notifies: null }),
  aggregate({ category: certificateNumberCategory, commands: CertificateCommandData, events: CertificateEventData, notifies: null }),
  aggregate({ category: programmeCategory, commands: ProgrammeCommandData, events: ProgrammeEventData, notifies: null }),
  aggregate({ category: agreementCategory, commands: AgreementCommandData, events: AgreementEventData, notifies: null }),
] as const

type Registered = (typeof AGGREGATES)[number]
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never

/** The commands' `data` codecs of every aggregate, keyed by type. */
export type AllCommandData = UnionToIntersection<Registered['commands']>
/** The events' `data` codecs of every aggregate, keyed by type. */
export type AllEventData = UnionToIntersection<Registered['events']>

/** Every command as a decision takes it (RegisterTalent with its personal data sealed). */
export type DecidableCommand = Registered extends infer A ? (A extends Aggregate<infer C, DataCodecs, DataCodecs> ? C : never) : never
/** Any event of the ledger. */
export type LedgerEvent = EventsOf<AllEventData>

/**
 * The order the catalogues (`schema`, the `type` refusal, docs/schema) have listed types in since
 * 0.1: part of what a reader of the CLI sees, so it stays. Types not listed (new ones) follow, in
 * the registry's order: adding an aggregate needs no line here.
 */
const CATALOGUE_ORDER = {
  commands: ['AdoptPolicy', 'RegisterOrganization', 'RegisterTalent', 'ChangeEmployer', 'EnrollTraining', 'CompleteTraining', 'RecordAssessment', 'AppointSeniorPost', 'RecordCompetitionResult', 'ConferHonor', 'GrantBenefit', 'RecordIncentive', 'RevokeCertificate', 'ForgetTalent', 'DesignateCarrier', 'ReportEmploymentStatistics', 'ReleaseTalent'],
  events: ['PolicyAdopted', 'OrganizationRegistered', 'TalentRegistered', 'EmployerChanged', 'TrainingEnrolled', 'TrainingCompleted', 'AssessmentPassed', 'AssessmentFailed', 'LevelCertified', 'SpecialAbilityCertified', 'SeniorPostAppointed', 'CompetitionResultRecorded', 'HonorConferred', 'BenefitGranted', 'IncentiveRecorded', 'CertificateRevoked', 'TalentPoolEntered', 'TalentPoolLeft', 'TalentForgotten', 'CarrierDesignated', 'EmploymentStatisticsReported', 'TalentReleased'],
} as const

/** The codec maps of every aggregate merged, in catalogue order. */
export const mergedCodecs = <K extends 'commands' | 'events'>(key: K): K extends 'commands' ? AllCommandData : AllEventData => {
  const all: Record<string, unknown> = Object.assign({}, ...AGGREGATES.map((a) => a[key]))
  const listed: ReadonlyArray<string> = CATALOGUE_ORDER[key]
  const order = [...listed.filter((type) => Object.hasOwn(all, type)), ...Object.keys(all).filter((type) => !listed.includes(type))]
  // the keys are disjoint across aggregates (checked in the tests): the merge is their intersection
  return Object.fromEntries(order.map((type) => [type, all[type]])) as K extends 'commands' ? AllCommandData : AllEventData
}

/** Any registered aggregate, whatever its types. */
export type AnyAggregate = Aggregate<never, DataCodecs, DataCodecs>

/** Routes commands to the first of `aggregates` that owns their type. */
export const routeWith =
  (aggregates: ReadonlyArray<AnyAggregate>) =>
  (c: { readonly type: string }): Routed => {
    for (const a of aggregates) {
      const routed = a.route(c)
      if (routed !== null) return routed
    }
    throw new Error(`no aggregate owns command type ${c.type}`)
  }

/** The command bound to the aggregate that owns its type. */
export const routeOf: (c: DecidableCommand) => Routed = routeWith(AGGREGATES)

/** The stream a given event belongs to (null: no aggregate owns its type). */
export const streamOfEvent = (e: { readonly type: string; readonly data: unknown }, aggregates: ReadonlyArray<AnyAggregate> = AGGREGATES): string | null => {
  for (const a of aggregates) {
    const stream = a.streamOfEvent(e)
    if (stream !== null) return stream
  }
  return null
}
