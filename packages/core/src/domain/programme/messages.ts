/**
 * The programme aggregate's command and event (DOMAIN.md §10: a provider's training offering,
 * optionally at a carrier or under an agreement), as io-ts codecs of their `data`.
 * NOTE: the event shape is the storage format (see talent/events.ts).
 */
import * as t from 'io-ts'
import { LocalDate } from '../../kernel/dates.js'
import { strictFields } from '../../kernel/strict.js'
import { NonEmptyString, OccupationCode, PositiveInt, ProgrammeKind, TrainingField } from '../../vocabulary/terms.js'
import type { CommandsOf, EventsOf } from '../messages.js'

const Id = NonEmptyString
const nullable = <C extends t.Mixed>(c: C) => t.union([c, t.null])

/** `data` codec of each programme command. */
export const ProgrammeCommandData = {
  /** Opens a programme (培训项目); `places` is shown, not enforced (a cap would need a lock across talents' streams). */
  OpenProgramme: strictFields(
    { programId: Id, providerId: Id, kind: ProgrammeKind, field: TrainingField, on: LocalDate },
    { carrierId: Id, agreementId: Id, occupation: OccupationCode, places: PositiveInt },
    'OpenProgramme',
  ),
} as const

/** `data` codec of each programme event (schemaVersion 1). */
export const ProgrammeEventData = {
  /** A programme opened on `on`; what it does not name is `null`. */
  ProgrammeOpened: t.type({
    programId: t.string,
    providerId: t.string,
    kind: ProgrammeKind,
    field: TrainingField,
    on: LocalDate,
    carrierId: nullable(t.string),
    agreementId: nullable(t.string),
    occupation: nullable(t.string),
    places: nullable(t.number),
  }),
} as const

export type ProgrammeCommand = CommandsOf<typeof ProgrammeCommandData>
export type ProgrammeEvent = EventsOf<typeof ProgrammeEventData>
