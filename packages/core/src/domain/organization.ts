/**
 * Organisations (stream `org-<id>`): employers, assessment and appraisal bodies, training
 * providers and vocational schools, with what each is registered (备案) to certify.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Decider } from '../kernel/decider.js'
import { duplicate, unauthorized, type DomainError } from '../kernel/errors.js'
import type { CommandOf } from './commands.js'
import type { EventOf } from './events.js'
import type { OrganizationKind } from './vocabulary.js'
import type { Authorization } from './commands.js'

/** An organisation as the ledger knows it. */
export interface OrganizationState {
  readonly registered: boolean
  readonly organizationId: string
  readonly kind: OrganizationKind
  readonly name: string
  readonly authorizations: ReadonlyArray<Authorization>
  readonly canAppoint: boolean
}

export type OrganizationCommand = CommandOf<'RegisterOrganization'>
export type OrganizationEvent = EventOf<'OrganizationRegistered'>

/** Stream id of an organisation. */
export const organizationStream = (organizationId: string): string => `org-${organizationId}`

const initialState: OrganizationState = {
  registered: false,
  organizationId: '',
  kind: 'employer',
  name: '',
  authorizations: [],
  canAppoint: false,
}

const decide = (c: OrganizationCommand, s: OrganizationState): E.Either<DomainError, ReadonlyArray<OrganizationEvent>> => {
  if (c.actor.role !== 'hr-bureau') return E.left(unauthorized('only the hr-bureau registers organisations'))
  if (s.registered) return E.left(duplicate(`organisation ${c.data.organizationId} is already registered`))
  const { organizationId, kind, name } = c.data
  return E.right([
    {
      type: 'OrganizationRegistered',
      data: { organizationId, kind, name, authorizations: c.data.authorizations ?? [], canAppoint: c.data.canAppoint ?? false },
    },
  ])
}

const evolve = (s: OrganizationState, e: OrganizationEvent): OrganizationState => ({ ...s, registered: true, ...e.data })

/** The organisation decider. */
export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  initialState,
  evolve,
  decide,
}
