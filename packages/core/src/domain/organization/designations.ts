/**
 * An enterprise's designations (企业认定, DOMAIN.md §11): 链主企业, 龙头企业, 专精特新, made by 工信
 * and recorded by the bureau on the organisation's stream. A designation is in force from `on`
 * through `until` (inclusive; null: open-ended); the seed lets all three train their chain's staff.
 */
import * as E from 'fp-ts/lib/Either.js'
import { domainError, duplicate, notFound, unauthorized, type DomainError } from '../../kernel/errors.js'
import type { LocalDate } from '../../kernel/dates.js'
import type { EnterpriseDesignation } from '../../vocabulary/cooperation.js'
import type { OrganizationCommand, OrganizationEvent } from './messages.js'

/** A designation as the organisation's stream holds it. */
export interface Designation {
  readonly designation: EnterpriseDesignation
  readonly chain: string
  readonly on: LocalDate
  readonly until: LocalDate | null
  readonly reference: string
}

/** True when the designation is in force on `date`. */
export const designationInForce = (d: Designation, date: LocalDate): boolean => d.on <= date && (d.until === null || date <= d.until)

/** The designations of `designations` in force on `date`. */
export const designationsOn = (designations: ReadonlyArray<Designation> | undefined, date: LocalDate): Designation[] =>
  (designations ?? []).filter((d) => designationInForce(d, date))

/**
 * DesignateEnterprise: the hr-bureau records a designation of a registered employer; `until` before
 * `on` is Malformed; the same designation of the same chain from the same day again is a duplicate.
 */
export const decideDesignation = (
  c: Extract<OrganizationCommand, { type: 'DesignateEnterprise' }>,
  s: { readonly registered: boolean; readonly kind: string; readonly designations?: ReadonlyArray<Designation> },
): E.Either<DomainError, ReadonlyArray<OrganizationEvent>> => {
  const { organizationId, designation, chain, on, reference } = c.data
  const until = c.data.until ?? null
  if (until !== null && until < on) return E.left(domainError('Malformed', `data.until ${until} is before data.on ${on}`, [{ field: 'data.until', message: 'until is before on' }]))
  if (c.actor.role !== 'hr-bureau') return E.left(unauthorized('only the hr-bureau records enterprise designations'))
  if (!s.registered || s.kind !== 'employer') return E.left(notFound(`no registered employer ${organizationId}`))
  if ((s.designations ?? []).some((d) => d.designation === designation && d.chain === chain && d.on === on))
    return E.left(duplicate(`${organizationId} is already designated ${designation} of ${chain} from ${on}`))
  return E.right([{ type: 'EnterpriseDesignated', data: { organizationId, designation, chain, on, until, reference } }])
}
