/**
 * The organisation aggregate's command and event (registration, with what it may certify), as io-ts
 * codecs of their `data`. NOTE: the event shape is the storage format (see talent/events.ts).
 */
import * as t from 'io-ts'
import { strictFields } from '../../kernel/strict.js'
import { LocalDate } from '../../kernel/dates.js'
import { CertifiedLevel, PostLevel } from '../../vocabulary/ladder.js'
import { NonEmptyString, NonNegativeInt, OccupationCode, OrganizationKind, Route } from '../../vocabulary/terms.js'
import { EnterpriseDesignation } from '../../vocabulary/cooperation.js'
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
  /** The number of senior posts an employer may fill at a level from a date (岗位数额, DOMAIN.md §12). */
  SetSeniorPostQuota: fields({ organizationId: Id, level: PostLevel, posts: NonNegativeInt, on: LocalDate }, {}, 'SetSeniorPostQuota'),
  /** A designation of an enterprise (链主企业, 龙头企业, 专精特新; DOMAIN.md §11), recorded by the bureau. */
  DesignateEnterprise: fields(
    { organizationId: Id, designation: EnterpriseDesignation, chain: NonEmptyString, on: LocalDate, reference: NonEmptyString },
    { until: LocalDate },
    'DesignateEnterprise',
  ),
} as const

const nullable = <C extends t.Mixed>(c: C) => t.union([c, t.null])

/** `data` codec of each organisation event (schemaVersion 1). */
export const OrganizationEventData = {
  OrganizationRegistered: t.type({
    organizationId: t.string,
    kind: OrganizationKind,
    name: t.string,
    authorizations: t.array(Authorization),
    canAppoint: t.boolean,
  }),
  /** The bureau set the employer's quota of posts at a level, in force from `on`. */
  SeniorPostQuotaSet: t.type({ organizationId: t.string, level: PostLevel, posts: t.number, on: LocalDate }),
  /** A post of the employer was filled (the talent's `SeniorPostAppointed`, held against the quota first). */
  SeniorPostFilled: t.type({ organizationId: t.string, talentId: t.string, level: PostLevel, on: LocalDate, expiresOn: nullable(LocalDate) }),
  /** A filled post's term was renewed to a new `expiresOn` (the talent's `SeniorPostRenewed`). */
  SeniorPostExtended: t.type({ organizationId: t.string, talentId: t.string, level: PostLevel, on: LocalDate, expiresOn: nullable(LocalDate) }),
  /**
   * A filled post was given up on `on`: ended, its holder released or gone to another employer, or
   * `withdrawn` (the appointment it was held for was refused after all, DOMAIN.md §12).
   */
  SeniorPostVacated: t.type({ organizationId: t.string, talentId: t.string, level: PostLevel, on: LocalDate, reason: t.string }),
  /** The enterprise was designated (DOMAIN.md §11), in force from `on` through `until` (null: open-ended). */
  EnterpriseDesignated: t.type({
    organizationId: t.string,
    designation: EnterpriseDesignation,
    chain: t.string,
    on: LocalDate,
    until: nullable(LocalDate),
    reference: t.string,
  }),
} as const

export type OrganizationCommand = CommandsOf<typeof OrganizationCommandData>
export type OrganizationEvent = EventsOf<typeof OrganizationEventData>
/** An organisation event of one type. */
export type OrganizationEventOf<K extends keyof typeof OrganizationEventData> = EventsOf<Pick<typeof OrganizationEventData, K>>
