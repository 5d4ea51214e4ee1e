/**
 * Organisations (stream `org-<id>`): employers, assessment and appraisal bodies, training
 * providers and vocational schools, with what each is registered (备案) to certify.
 * Reading order: events (messages.ts) → state and fold → decide → category.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Category } from '../../kernel/category.js'
import { duplicate, unauthorized, type DomainError } from '../../kernel/errors.js'
import type { OrganizationKind } from '../../vocabulary/terms.js'
import { decidedWithRecordDates, recordDatesContext, type RecordDatesContext } from '../date-rules.js'
import type { DecisionEnv } from '../decision-env.js'
import { OrganizationEventData, type Authorization, type OrganizationCommand, type OrganizationEvent } from './messages.js'

/** An organisation as the ledger knows it. */
export interface OrganizationState {
  readonly registered: boolean
  readonly organizationId: string
  readonly kind: OrganizationKind
  readonly name: string
  readonly authorizations: ReadonlyArray<Authorization>
  readonly canAppoint: boolean
}

const initialState: OrganizationState = {
  registered: false,
  organizationId: '',
  kind: 'employer',
  name: '',
  authorizations: [],
  canAppoint: false,
}

const evolve = (s: OrganizationState, e: OrganizationEvent): OrganizationState => ({ ...s, registered: true, ...e.data })

/** What an organisation decision reads besides its stream: the record dates (§17) (shared: `RecordDatesContext`). */
export type OrganizationContext = RecordDatesContext

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

/** Stream id of an organisation. */
export const organizationStream = (organizationId: string): string => `org-${organizationId}`

/** The organisation category. */
export const organizationCategory: Category<OrganizationCommand, OrganizationEvent, OrganizationState, OrganizationContext, DecisionEnv> = {
  name: 'org',
  streamOf: organizationStream,
  idOfEvent: (e) => e.data.organizationId,
  idOf: (c) => c.data.organizationId,
  events: OrganizationEventData,
  initialState,
  evolve,
  context: recordDatesContext,
  decide: decidedWithRecordDates(decide),
}
