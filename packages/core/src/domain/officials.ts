/**
 * Official accounts (DOMAIN.md §8 extended by issue 10): the ids allowed to act as the hr-bureau or
 * as an auditor. The embedding system authenticates people; the ledger cannot know who typed a
 * command, only whether the actor it is handed may act in the role it claims. Organisations are
 * checked against their registration; officials are not registered in the log, so a deployment
 * may hand the ledger the list of their ids. Without a list, any id may act in those roles.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describeErrors } from '../kernel/decode-errors.js'
import type { Actor } from '../vocabulary/roles.js'
import { domainError, unauthorized, type DomainError } from '../kernel/errors.js'
import { NonEmptyString } from '../vocabulary/terms.js'

/**
 * The allowed official ids by role, e.g. `{"hr-bureau":["hrss-zhang"],"auditor":["audit-1"]}`. A role
 * that is absent stays open; a role with an empty list admits nobody.
 */
export const Officials = t.exact(
  t.partial({ 'hr-bureau': t.array(NonEmptyString), auditor: t.array(NonEmptyString) }),
  'Officials',
)
export type Officials = t.TypeOf<typeof Officials>

/** Decodes an officials document (a file or environment variable's content), unknown roles refused. */
export const decodeOfficials = (raw: unknown): E.Either<DomainError, Officials> => {
  const known = new Set(['hr-bureau', 'auditor'])
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const unknown = Object.keys(raw).filter((k) => !known.has(k))
    if (unknown.length > 0)
      return E.left(domainError('Malformed', `officials: unknown role ${unknown.join(', ')}; expected hr-bureau and/or auditor`))
  }
  const decoded = Officials.decode(raw)
  return E.isLeft(decoded)
    ? E.left(domainError('Malformed', `officials: ${describeErrors(decoded.left).map((d) => d.message).join('; ')}`))
    : E.right(decoded.right)
}

/** `Unauthorized` when a list is given for the actor's role and does not hold its id; null otherwise. */
export const officialRefusal = (officials: Officials | undefined, actor: Actor): DomainError | null => {
  if (officials === undefined || (actor.role !== 'hr-bureau' && actor.role !== 'auditor')) return null
  const allowed = officials[actor.role]
  if (allowed === undefined || allowed.includes(actor.id)) return null
  return { ...unauthorized(`${actor.id} is not an allowed ${actor.role} account`), details: [{ rule: 'actor.official', field: 'actor.id', message: `${actor.id} is not in the list of allowed ${actor.role} ids` }] }
}
