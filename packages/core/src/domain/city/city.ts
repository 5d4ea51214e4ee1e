/**
 * The city stream (`city`): training carriers the bureau designates (培养载体), the yearly count
 * of employed persons the skilled-share targets are measured against, and the yearly honour lists
 * (DOMAIN.md §14) the high-skilled share of honours is measured against.
 * Reading order: events (messages.ts) → state and fold → decide → category.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Category } from '../../kernel/category.js'
import type { StreamReader } from '../../kernel/category.js'
import { duplicate, notFound, unauthorized, type DomainError } from '../../kernel/errors.js'
import { policyInForce, type PolicyRegistry } from '../../policy/registry.js'
import { decidedWithRecordDates, type RecordDatesContext } from '../date-rules.js'
import type { DecisionEnv } from '../decision-env.js'
import { organizationCategory } from '../organization/index.js'
import { policyCategory, POLICY_STREAM } from '../policies/index.js'
import { talentCategory } from '../talent/index.js'
import { decideDesignation, decideStudioMaster, type CarrierContext, type CarrierRecord } from './decide-carriers.js'
import { CityEventData, type CityCommand, type CityEvent } from './messages.js'
import { ownEntry } from '../../kernel/own-keys.js'

/** Stream id of the city stream. */
export const CITY_STREAM = 'city'

/** Carriers by id (with their current master, DOMAIN.md §10), employed persons by year, honour recipients by `honourId/year`. */
export interface CityState {
  readonly carriers: Readonly<Record<string, CarrierRecord>>
  readonly employedPersons: Readonly<Record<string, number>>
  readonly honourLists: Readonly<Record<string, number>>
}

/** The key of an honour list in `CityState.honourLists`. */
export const honourListKey = (honourId: string, year: number): string => `${honourId}/${year}`

const evolve = (s: CityState, e: CityEvent): CityState => {
  switch (e.type) {
    case 'CarrierDesignated':
      return { ...s, carriers: { ...s.carriers, [e.data.carrierId]: e.data.masterTalentId === undefined ? e.data : { ...e.data, masterSince: e.data.on } } }
    case 'StudioMasterLinked': {
      const carrier = ownEntry(s.carriers, e.data.carrierId)
      return carrier === undefined ? s : { ...s, carriers: { ...s.carriers, [e.data.carrierId]: { ...carrier, masterTalentId: e.data.talentId, masterSince: e.data.on } } }
    }
    case 'EmploymentStatisticsReported':
      return { ...s, employedPersons: { ...s.employedPersons, [String(e.data.year)]: e.data.employedPersons } }
    case 'HonourListReported':
      return { ...s, honourLists: { ...s.honourLists, [honourListKey(e.data.honourId, e.data.year)]: e.data.recipients } }
  }
}

/**
 * What a city decision reads besides its stream: the record dates (§17), the policies (an honour
 * list names a catalogued honour; a studio's master level) and, for a carrier, its host and master.
 */
export interface CityContext extends RecordDatesContext, CarrierContext {
  readonly policies: PolicyRegistry
}

const context = async (c: CityCommand, _s: CityState, env: DecisionEnv, read: StreamReader): Promise<CityContext> => {
  const hostId = c.type === 'DesignateCarrier' ? c.data.hostId : undefined
  const masterId = c.type === 'DesignateCarrier' ? c.data.masterTalentId : c.type === 'LinkStudioMaster' ? c.data.talentId : undefined
  const [policies, host, master] = await Promise.all([
    read(policyCategory, POLICY_STREAM),
    hostId === undefined ? null : read(organizationCategory, hostId),
    masterId === undefined ? null : read(talentCategory, masterId),
  ])
  // a stream never written is `undefined`: the decision says NotFound
  return {
    dates: env.dates,
    policies: policies.state,
    ...(host === null || host.version === 0 ? {} : { host: host.state }),
    ...(master === null || master.version === 0 ? {} : { master: master.state }),
  }
}

/** ReportHonourList: `honour.in-catalogue` in the policy in force at the year's end; `honour.list-reported` the same figure again. */
const decideHonourList = (c: Extract<CityCommand, { type: 'ReportHonourList' }>, s: CityState, ctx: CityContext): E.Either<DomainError, ReadonlyArray<CityEvent>> => {
  const { honourId, year, recipients } = c.data
  const policy = policyInForce(ctx.policies, `${year}-12-31`)
  if (!(policy.document.honours?.catalogue ?? []).some((h) => h.honourId === honourId))
    return E.left({ ...notFound(`honour ${honourId} is not in the catalogue of ${policy.policyId}`), details: [{ rule: 'honour.in-catalogue', field: 'data.honourId', message: `not in ${policy.policyId}'s honours catalogue` }] })
  // a different figure for a year already reported is a correction and is kept; the same one is a duplicate
  if (ownEntry(s.honourLists, honourListKey(honourId, year)) === recipients)
    return E.left({ ...duplicate(`${recipients} recipients of ${honourId} were already reported for ${year}`), details: [{ rule: 'honour.list-reported', message: 'the same figure again' }] })
  return E.right([{ type: 'HonourListReported', data: { honourId, year, recipients, policyId: policy.policyId } }])
}

const decide = (c: CityCommand, s: CityState, ctx: CityContext): E.Either<DomainError, ReadonlyArray<CityEvent>> => {
  if (c.actor.role !== 'hr-bureau') return E.left(unauthorized(`only the hr-bureau may issue ${c.type}`))
  switch (c.type) {
    case 'DesignateCarrier':
      return decideDesignation(c, ownEntry(s.carriers, c.data.carrierId), ctx)
    case 'LinkStudioMaster':
      return decideStudioMaster(c, ownEntry(s.carriers, c.data.carrierId), ctx)
    case 'ReportEmploymentStatistics':
      // a different figure for a year already reported is a correction and is kept; the same one is a duplicate
      return s.employedPersons[String(c.data.year)] === c.data.employedPersons
        ? E.left(duplicate(`${c.data.employedPersons} employed persons were already reported for ${c.data.year}`))
        : E.right([{ type: 'EmploymentStatisticsReported', data: { ...c.data } }])
    case 'ReportHonourList':
      return decideHonourList(c, s, ctx)
  }
}

/** The city category: one stream. */
export const cityCategory: Category<CityCommand, CityEvent, CityState, CityContext, DecisionEnv> = {
  name: CITY_STREAM,
  streamOf: () => CITY_STREAM,
  idOfEvent: () => CITY_STREAM,
  idOf: () => CITY_STREAM,
  events: CityEventData,
  initialState: { carriers: {}, employedPersons: {}, honourLists: {} },
  evolve,
  context,
  // `dates.not-after-record-date` joined last, as every stream's own decision
  decide: decidedWithRecordDates(decide),
}
