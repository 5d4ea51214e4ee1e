/**
 * The organisation aggregate's command and event (registration, with what it may certify), as io-ts
 * codecs of their `data`. NOTE: the event shape is the storage format (see talent/events.ts).
 */
import * as t from 'io-ts'
import { strictFields } from '../../kernel/strict.js'
import { CertifiedLevel } from '../../vocabulary/ladder.js'
import { NonEmptyString, OccupationCode, OrganizationKind, Route } from '../../vocabulary/terms.js'
import type { CommandsOf, EventsOf } from '../messages.js'

const fields = strictFields
const Id = NonEmptyString

/** What an organisation is registered to certify: a route, its occupations (`*` for all), up to a level. */
export const Authorization = fields(
  { route: Route, occupations: t.array(t.union([OccupationCode, t.literal('*')])) },
  { maxLevel: CertifiedLevel },
  'Authorization',
)
export type Authorization = t.TypeOf<typeof Authorization>

/** `data` codec of each organisation command. */
export const OrganizationCommandData = {
  RegisterOrganization: fields(
    { organizationId: Id, kind: OrganizationKind, name: NonEmptyString },
    { authorizations: t.array(Authorization), canAppoint: t.boolean },
    'RegisterOrganization',
  ),
} as const

/** `data` codec of each organisation event (schemaVersion 1). */
export const OrganizationEventData = {
  OrganizationRegistered: t.type({
    organizationId: t.string,
    kind: OrganizationKind,
    name: t.string,
    authorizations: t.array(Authorization),
    canAppoint: t.boolean,
  }),
} as const

export type OrganizationCommand = CommandsOf<typeof OrganizationCommandData>
export type OrganizationEvent = EventsOf<typeof OrganizationEventData>
