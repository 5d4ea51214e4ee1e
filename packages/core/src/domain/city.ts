/**
 * The city stream (`city`): training carriers the bureau designates (培养载体) and the yearly count
 * of employed persons the skilled-share targets are measured against.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Decider } from '../kernel/decider.js'
import { duplicate, unauthorized, type DomainError } from '../kernel/errors.js'
import type { CommandOf } from './commands.js'
import type { EventOf } from './events.js'

/** Stream id of the city stream. */
export const CITY_STREAM = 'city'

export type CityCommand = CommandOf<'DesignateCarrier' | 'ReportEmploymentStatistics'>
export type CityEvent = EventOf<'CarrierDesignated' | 'EmploymentStatisticsReported'>

/** Carriers by id and employed persons by year. */
export interface CityState {
  readonly carriers: Readonly<Record<string, EventOf<'CarrierDesignated'>['data']>>
  readonly employedPersons: Readonly<Record<string, number>>
}

const decide = (c: CityCommand, s: CityState): E.Either<DomainError, ReadonlyArray<CityEvent>> => {
  if (c.actor.role !== 'hr-bureau') return E.left(unauthorized(`only the hr-bureau may issue ${c.type}`))
  switch (c.type) {
    case 'DesignateCarrier':
      return s.carriers[c.data.carrierId] !== undefined
        ? E.left(duplicate(`carrier ${c.data.carrierId} is already designated`))
        : E.right([{ type: 'CarrierDesignated', data: { ...c.data } }])
    case 'ReportEmploymentStatistics':
      // a different figure for a year already reported is a correction and is kept; the same one is a duplicate
      return s.employedPersons[String(c.data.year)] === c.data.employedPersons
        ? E.left(duplicate(`${c.data.employedPersons} employed persons were already reported for ${c.data.year}`))
        : E.right([{ type: 'EmploymentStatisticsReported', data: { ...c.data } }])
  }
}

const evolve = (s: CityState, e: CityEvent): CityState =>
  e.type === 'CarrierDesignated'
    ? { ...s, carriers: { ...s.carriers, [e.data.carrierId]: e.data } }
    : { ...s, employedPersons: { ...s.employedPersons, [String(e.data.year)]: e.data.employedPersons } }

/** The city decider. */
export const cityDecider: Decider<CityCommand, CityEvent, CityState> = {
  initialState: { carriers: {}, employedPersons: {} },
  evolve,
  decide,
}
