/**
 * The city aggregate's commands and events (training carriers, yearly employment statistics, the
 * honour lists of DOMAIN.md §14), as io-ts codecs of their `data`. NOTE: the event shapes are the storage format (see talent/events.ts).
 */
import * as t from 'io-ts'
import { LocalDate } from '../../kernel/dates.js'
import { strictFields } from '../../kernel/strict.js'
import { CarrierGrade, CarrierKind, NonEmptyString, PositiveInt } from '../../vocabulary/terms.js'
import type { CommandsOf, EventsOf } from '../messages.js'

const fields = strictFields
const Id = NonEmptyString
const Year = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 1949 && n <= 2200, 'Year')

/** `data` codec of each city command. */
export const CityCommandData = {
  // DOMAIN.md §10: the organisation running it (hostId), its grade and, for a masters' studio, its master
  DesignateCarrier: fields(
    { carrierId: Id, kind: CarrierKind, name: NonEmptyString, on: LocalDate },
    { hostId: Id, grade: CarrierGrade, masterTalentId: Id },
    'DesignateCarrier',
  ),
  ReportEmploymentStatistics: fields(
    { year: Year, employedPersons: PositiveInt },
    {},
    'ReportEmploymentStatistics',
  ),
  /** The whole list of an honour's recipients in a year (the city's count, not only those in the ledger). */
  ReportHonourList: fields({ honourId: Id, year: Year, recipients: PositiveInt }, {}, 'ReportHonourList'),
  /** Links a masters' studio (技能大师工作室) to its master (DOMAIN.md §10); a later link replaces the master. */
  LinkStudioMaster: fields({ carrierId: Id, talentId: Id, on: LocalDate }, {}, 'LinkStudioMaster'),
} as const

/** `data` codec of each city event (schemaVersion 1). */
export const CityEventData = {
  /**
   * NOTE: `hostId`, `grade` and `masterTalentId` (DOMAIN.md §10) are present only when the bureau
   * gave them: additive, so older events (which had none) need no upcast.
   */
  CarrierDesignated: t.intersection([
    t.type({ carrierId: t.string, kind: CarrierKind, name: t.string, on: LocalDate }),
    t.partial({ hostId: t.string, grade: CarrierGrade, masterTalentId: t.string }),
  ]),
  EmploymentStatisticsReported: t.type({ year: t.number, employedPersons: t.number }),
  /** How many people received an honour in a year (DOMAIN.md §14); a later different figure corrects it. */
  HonourListReported: t.type({ honourId: t.string, year: t.number, recipients: t.number, policyId: t.string }),
  /** A studio's master from `on` (`previous`: the master it replaces, null for the first), under the policy's `studio.master-level`. */
  StudioMasterLinked: t.type({ carrierId: t.string, talentId: t.string, on: LocalDate, previous: t.union([t.string, t.null]), policyId: t.string, ruleId: t.string }),
} as const

export type CityCommand = CommandsOf<typeof CityCommandData>
export type CityEvent = EventsOf<typeof CityEventData>
/** A city event of one type. */
export type CityEventOf<K extends keyof typeof CityEventData> = EventsOf<Pick<typeof CityEventData, K>>
