/**
 * The agreement aggregate's commands and events (校企合作与产业链协议, DOMAIN.md §11), as io-ts codecs
 * of their `data`. NOTE: the event shapes are the storage format (see talent/events.ts).
 */
import * as t from 'io-ts'
import { LocalDate } from '../../kernel/dates.js'
import { strictFields } from '../../kernel/strict.js'
import { AgreementKind } from '../../vocabulary/cooperation.js'
import { NonEmptyString, OccupationCode, PositiveInt, TrainingField } from '../../vocabulary/terms.js'
import type { CommandsOf, EventsOf } from '../messages.js'

const fields = strictFields
const Id = NonEmptyString
const nullable = <C extends t.Mixed>(c: C) => t.union([c, t.null])

/** `data` codec of each agreement command. */
export const AgreementCommandData = {
  /** The bureau records (备案) an agreement between a lead and its partner employers. */
  RegisterAgreement: fields(
    { agreementId: Id, kind: AgreementKind, leadId: Id, partnerIds: t.array(Id), field: TrainingField, on: LocalDate, validFrom: LocalDate, validTo: LocalDate },
    // places are shown, not enforced (a cap would need a lock across the talents' streams)
    { occupations: t.array(OccupationCode), places: PositiveInt },
    'RegisterAgreement',
  ),
  /** The agreement ends early (the bureau, or its lead). */
  EndAgreement: fields({ agreementId: Id, on: LocalDate, reason: NonEmptyString }, {}, 'EndAgreement'),
} as const

/** `data` codec of each agreement event (schemaVersion 1). */
export const AgreementEventData = {
  AgreementRegistered: t.type({
    agreementId: t.string,
    kind: AgreementKind,
    leadId: t.string,
    partnerIds: t.array(t.string),
    field: TrainingField,
    on: LocalDate,
    validFrom: LocalDate,
    validTo: LocalDate,
    /** Occupations the training must be in; null: any. */
    occupations: nullable(t.array(t.string)),
    places: nullable(t.number),
  }),
  AgreementEnded: t.type({ agreementId: t.string, on: LocalDate, reason: t.string }),
} as const

export type AgreementCommand = CommandsOf<typeof AgreementCommandData>
export type AgreementEvent = EventsOf<typeof AgreementEventData>
