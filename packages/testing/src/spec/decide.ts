/**
 * Runs one raw command against a history of domain events, purely, the way the ledger service
 * (core `application/ledger.ts`) does against a store: decode, build the state of the command's
 * stream and the context its decision reads from the history, then call the core's `decideCommand`.
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  cityDecider,
  decideCommand as decideInCore,
  decisionNeeds,
  decodeCommand,
  describeErrors,
  EventData,
  fold,
  organizationDecider,
  organizationsNamed,
  personalDataOf,
  policyDecider,
  routeOf,
  sanityOf,
  sealedRegistration,
  talentDecider,
  type Command,
  type CommandOf,
  type DateContext,
  type DecidableCommand,
  type DomainError,
  type LedgerEvent,
  type OrganizationState,
  type StreamState,
  type TalentContext,
  type TalentEvent,
  type TalentState,
} from '@talent-ledger/core'
import { fakeSeal } from './fake-seal.js'

/** What a command decided: the events it emits, or the refusal. */
export type Decision = E.Either<DomainError, ReadonlyArray<LedgerEvent>>

const NOT_TALENT = new Set<string>(['PolicyAdopted', 'OrganizationRegistered', 'CarrierDesignated', 'EmploymentStatisticsReported'])

/** Throws when a `given` event is not a valid event: a spec built on an impossible history proves nothing. */
export const checkHistory = (history: ReadonlyArray<LedgerEvent>): void =>
  history.forEach((e, i) => {
    const codec = EventData[e.type]
    if (codec === undefined) throw new Error(`given event #${i} has an unknown type ${JSON.stringify(e.type)}`)
    const decoded = codec.decode(e.data)
    if (E.isLeft(decoded))
      throw new Error(`given event #${i} (${e.type}) is not valid: ${describeErrors(decoded.left).map((d) => d.message).join('; ')}`)
  })

const isTalentEvent = (e: LedgerEvent): e is TalentEvent => !NOT_TALENT.has(e.type)

/** The talent's events in the history (every talent event carries `data.talentId`). */
export const talentEventsOf = (history: ReadonlyArray<LedgerEvent>, talentId: string): TalentEvent[] =>
  history.filter(isTalentEvent).filter((e) => e.data.talentId === talentId)

/** The talent's state after the history. */
export const talentStateOf = (history: ReadonlyArray<LedgerEvent>, talentId: string): TalentState =>
  fold(talentDecider)(talentEventsOf(history, talentId))

const organizationOf = (history: ReadonlyArray<LedgerEvent>, id: string): OrganizationState | undefined => {
  const events = history.flatMap((e) => (e.type === 'OrganizationRegistered' && e.data.organizationId === id ? [e] : []))
  return events.length === 0 ? undefined : fold(organizationDecider)(events)
}

/** The context of a talent decision: every adopted policy, and the organisations the command names. */
export const talentContextOf = (history: ReadonlyArray<LedgerEvent>, c: Command): TalentContext => ({
  policies: fold(policyDecider)(history.flatMap((e) => (e.type === 'PolicyAdopted' ? [e] : []))),
  organizations: Object.fromEntries(organizationsNamed(c).map((id) => [id, organizationOf(history, id)])),
})

/** The state of the stream a command is decided on, folded from the history. */
const streamStateOf = (history: ReadonlyArray<LedgerEvent>, c: Command): StreamState => {
  switch (routeOf(c).aggregate) {
    case 'policy':
      return fold(policyDecider)(history.flatMap((e) => (e.type === 'PolicyAdopted' ? [e] : [])))
    case 'organization':
      return organizationOf(history, (c as CommandOf<'RegisterOrganization'>).data.organizationId) ?? organizationDecider.initialState
    case 'city':
      return fold(cityDecider)(history.flatMap((e) => (e.type === 'CarrierDesignated' || e.type === 'EmploymentStatisticsReported' ? [e] : [])))
    case 'talent':
      return talentStateOf(history, (c as Extract<Command, { data: { talentId: string } }>).data.talentId)
  }
}

/** The record date a spec runs on unless it names one (a fixed day: specs never read a clock). */
export const SPEC_RECORD_DATE = '2026-12-07'

/**
 * The §17 date context of a spec: the record date and `maxFutureDays` (none by default), and the
 * birth date the ledger would open. The fake seal cannot be opened, so a spec of a fact dated before
 * `occupationSince` names the birth date; a registration reads it from its data.
 */
export interface SpecDates {
  readonly recordDate?: string
  readonly maxFutureDays?: number | null
  readonly birthDate?: string | null
}

const dateContextOf = (c: Command, dates: SpecDates): DateContext => ({
  recordDate: dates.recordDate ?? SPEC_RECORD_DATE,
  maxFutureDays: dates.maxFutureDays ?? null,
  birthDate: c.type === 'RegisterTalent' ? c.data.birthDate : (dates.birthDate ?? null),
})

/** Decides an already decoded command after the history (RegisterTalent sealed with the fake seal), as the ledger does: §17 shape checks first. */
export const decideCommand = (history: ReadonlyArray<LedgerEvent>, c: Command, dates: SpecDates = {}): Decision => {
  const context = dateContextOf(c, dates)
  const insane = sanityOf(c, context.recordDate)
  if (insane !== null) return E.left(insane)
  const command: DecidableCommand = c.type === 'RegisterTalent' ? sealedRegistration(c, fakeSeal(c.data.talentId, personalDataOf(c))) : c
  const talentContext = decisionNeeds(c).needsPolicies ? talentContextOf(history, c) : {}
  return decideInCore(command, { streamState: streamStateOf(history, c), ...talentContext, dates: context })
}

/** Decodes a raw command (so `Malformed` is testable) and decides it after the history. */
export const decideRaw = (history: ReadonlyArray<LedgerEvent>, raw: unknown, dates: SpecDates = {}): Decision =>
  E.chain((c: Command) => decideCommand(history, c, dates))(decodeCommand(raw))
