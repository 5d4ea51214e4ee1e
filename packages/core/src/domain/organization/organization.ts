/**
 * Organisations (stream `org-<id>`): employers, assessment and appraisal bodies, training
 * providers and vocational schools, with what each is registered (备案) to certify.
 * Reading order: events (messages.ts) → state and fold → decide → category.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Category } from '../../kernel/category.js'
import { duplicate, notFound, unauthorized, type DomainError } from '../../kernel/errors.js'
import type { OrganizationKind } from '../../vocabulary/terms.js'
import { decidedWithRecordDates, recordDatesContext, type RecordDatesContext } from '../date-rules.js'
import type { DecisionEnv } from '../decision-env.js'
import { OrganizationEventData, type Authorization, type OrganizationCommand, type OrganizationEvent } from './messages.js'
import type { SeniorPosts } from './senior-posts.js'
import { decideDesignation, type Designation } from './designations.js'

/** An organisation as the ledger knows it (with its senior posts and quotas, DOMAIN.md §12). */
export interface OrganizationState extends SeniorPosts {
  readonly registered: boolean
  readonly organizationId: string
  readonly kind: OrganizationKind
  readonly name: string
  readonly authorizations: ReadonlyArray<Authorization>
  readonly canAppoint: boolean
  /** Its designations (DOMAIN.md §11); absent in states built before them. */
  readonly designations?: ReadonlyArray<Designation>
}

const initialState: OrganizationState = {
  registered: false,
  organizationId: '',
  kind: 'employer',
  name: '',
  authorizations: [],
  canAppoint: false,
  posts: [],
  quotas: [],
}

/** Sets `vacatedOn` or `expiresOn` on the talent's post at the level not yet vacated (the latest). */
const updateHeld = (s: OrganizationState, talentId: string, level: string, change: { vacatedOn: string } | { expiresOn: string | null }): OrganizationState => {
  let i = -1
  s.posts.forEach((p, j) => void (p.talentId === talentId && p.level === level && p.vacatedOn === null && (i = j)))
  return i < 0 ? s : { ...s, posts: s.posts.map((p, j) => (j === i ? { ...p, ...change } : p)) }
}

const evolve = (s: OrganizationState, e: OrganizationEvent): OrganizationState => {
  switch (e.type) {
    case 'OrganizationRegistered':
      return { ...s, registered: true, ...e.data }
    case 'SeniorPostQuotaSet':
      return { ...s, quotas: [...s.quotas, { level: e.data.level, posts: e.data.posts, on: e.data.on }] }
    case 'SeniorPostFilled':
      return { ...s, posts: [...s.posts, { talentId: e.data.talentId, level: e.data.level, on: e.data.on, expiresOn: e.data.expiresOn, vacatedOn: null }] }
    case 'SeniorPostExtended':
      return updateHeld(s, e.data.talentId, e.data.level, { expiresOn: e.data.expiresOn })
    case 'SeniorPostVacated':
      return updateHeld(s, e.data.talentId, e.data.level, { vacatedOn: e.data.on })
    case 'EnterpriseDesignated': {
      const { designation, chain, on, until, reference } = e.data
      return { ...s, designations: [...(s.designations ?? []), { designation, chain, on, until, reference }] }
    }
  }
}

/** What an organisation decision reads besides its stream: the record dates (§17) (shared: `RecordDatesContext`). */
export type OrganizationContext = RecordDatesContext

/** SetSeniorPostQuota: the hr-bureau sets a registered employer's quota; the same figure from the same date again is a duplicate. */
const decideQuota = (c: Extract<OrganizationCommand, { type: 'SetSeniorPostQuota' }>, s: OrganizationState): E.Either<DomainError, ReadonlyArray<OrganizationEvent>> => {
  if (c.actor.role !== 'hr-bureau') return E.left(unauthorized('only the hr-bureau sets senior-post quotas'))
  if (!s.registered || s.kind !== 'employer') return E.left(notFound(`no registered employer ${c.data.organizationId}`))
  const { level, posts, on } = c.data
  // the latest quota set from that date is the one in force from it: the same figure again changes nothing
  const same = [...s.quotas].reverse().find((q) => q.level === level && q.on === on)
  if (same !== undefined && same.posts === posts) return E.left(duplicate(`${c.data.organizationId} already has a quota of ${posts} ${level} post(s) from ${on}`))
  return E.right([{ type: 'SeniorPostQuotaSet', data: { organizationId: c.data.organizationId, level, posts, on } }])
}

const decide = (c: OrganizationCommand, s: OrganizationState): E.Either<DomainError, ReadonlyArray<OrganizationEvent>> => {
  if (c.type === 'SetSeniorPostQuota') return decideQuota(c, s)
  if (c.type === 'DesignateEnterprise') return decideDesignation(c, s)
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
