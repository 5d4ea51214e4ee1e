/**
 * The city stream (`city`): training carriers the bureau designates (培养载体) and the yearly count
 * of employed persons the skilled-share targets are measured against.
 * Reading order: events (messages.ts) → state and fold → decide → category.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Category } from '../../kernel/category.js'
import { duplicate, unauthorized, type DomainError } from '../../kernel/errors.js'
import { decidedWithRecordDates, recordDatesContext, type RecordDatesContext } from '../date-rules.js'
import type { DecisionEnv } from '../decision-env.js'
import { CityEventData, type CityCommand, type CityEvent, type CityEventOf } from './messages.js'

/** Stream id of the city stream. */
export const CITY_STREAM = 'city'

/** Carriers by id and employed persons by year. */
export interface CityState {
  readonly carriers: Readonly<Record<string, CityEventOf<'CarrierDesignated'>['data']>>
  readonly employedPersons: Readonly<Record<string, number>>
}

const evolve = (s: CityState, e: CityEvent): CityState =>
  e.type === 'CarrierDesignated'
    ? { ...s, carriers: { ...s.carriers, [e.data.carrierId]: e.data } }
    : { ...s, employedPersons: { ...s.employedPersons, [String(e.data.year)]: e.data.employedPersons } }

/** What a city decision reads besides its stream: the record dates (§17) (shared: `RecordDatesContext`). */
export type CityContext = RecordDatesContext

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

/** The city category: one stream. */
export const cityCategory: Category<CityCommand, CityEvent, CityState, CityContext, DecisionEnv> = {
  name: CITY_STREAM,
  streamOf: () => CITY_STREAM,
  idOfEvent: () => CITY_STREAM,
  idOf: () => CITY_STREAM,
  events: CityEventData,
  initialState: { carriers: {}, employedPersons: {} },
  evolve,
  context: recordDatesContext,
  decide: decidedWithRecordDates(decide),
}
