/**
 * Runs one raw command against a history of domain events, purely, the way the ledger service
 * (core `application/ledger.ts`) does against a store: decode, route, build the state of the
 * command's stream and the context its decision reads, then call the aggregate's `decide`.
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  cityDecider,
  decodeCommand,
  describeErrors,
  EventData,
  fold,
  organizationDecider,
  organizationsNamed,
  policyDecider,
  routeOf,
  talentDecider,
  type Command,
  type CommandOf,
  type DomainError,
  type LedgerEvent,
  type OrganizationState,
  type TalentCommand,
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

/** RegisterTalent with its personal data replaced by the deterministic fake seal. */
const sealed = (c: CommandOf<'RegisterTalent'>): TalentCommand => {
  const { name, nationalId, birthDate, ...rest } = c.data
  return { type: c.type, actor: c.actor, data: { ...rest, personal: fakeSeal(rest.talentId, { name, nationalId, birthDate }) } }
}

/** Decides an already decoded command after the history. */
export const decideCommand = (history: ReadonlyArray<LedgerEvent>, c: Command): Decision => {
  const route = routeOf(c)
  switch (route.aggregate) {
    case 'policy':
      return policyDecider.decide(c as CommandOf<'AdoptPolicy'>, fold(policyDecider)(history.flatMap((e) => (e.type === 'PolicyAdopted' ? [e] : []))))
    case 'organization': {
      const id = (c as CommandOf<'RegisterOrganization'>).data.organizationId
      const events = history.flatMap((e) => (e.type === 'OrganizationRegistered' && e.data.organizationId === id ? [e] : []))
      return organizationDecider.decide(c as CommandOf<'RegisterOrganization'>, fold(organizationDecider)(events))
    }
    case 'city': {
      const events = history.flatMap((e) => (e.type === 'CarrierDesignated' || e.type === 'EmploymentStatisticsReported' ? [e] : []))
      return cityDecider.decide(c as CommandOf<'DesignateCarrier' | 'ReportEmploymentStatistics'>, fold(cityDecider)(events))
    }
    case 'talent': {
      const talent = c as Extract<Command, { data: { talentId: string } }>
      const command = talent.type === 'RegisterTalent' ? sealed(talent) : (talent as TalentCommand)
      return talentDecider.decide({ command, context: talentContextOf(history, c) }, talentStateOf(history, talent.data.talentId))
    }
  }
}

/** Decodes a raw command (so `Malformed` is testable) and decides it after the history. */
export const decideRaw = (history: ReadonlyArray<LedgerEvent>, raw: unknown): Decision =>
  E.chain((c: Command) => decideCommand(history, c))(decodeCommand(raw))
