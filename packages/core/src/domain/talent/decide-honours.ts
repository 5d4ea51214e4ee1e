/**
 * Honours (荣誉表彰, DOMAIN.md §14): the bureau confers a catalogued honour (`honourId`), or a
 * free-text title and grade as the first release did; a free-text honour that matches one
 * catalogue entry (same title and grade) is recorded as that entry, any other as kind `other`. A
 * competition result whose prize row names an honour confers it too (`competitionHonour`).
 * Neither changes the level.
 */
import * as E from 'fp-ts/lib/Either.js'
import { yearOf } from '../../kernel/dates.js'
import { domainError, duplicate, notFound, type DomainError } from '../../kernel/errors.js'
import type { AdoptedPolicy, HonourEntry } from '../../policy/document.js'
import type { CommandOf } from './commands.js'
import { policyOn, requireRegistered, type TalentContext } from './context.js'
import type { EventOf, TalentEvent } from './events.js'
import type { Honour, TalentState } from './state.js'

type Confer = CommandOf<'ConferHonor'>
type Conferred = EventOf<'HonorConferred'>

/**
 * `Malformed` unless the command gives exactly one form: `honourId` (with an optional `reference`)
 * or both `title` and `grade`. Checked with the shape, before who may issue it.
 */
export const honourShapeError = (c: Confer): DomainError | null => {
  const { honourId, reference, title, grade } = c.data
  const freeText = title !== undefined || grade !== undefined
  const problems: Array<{ field: string; message: string }> = []
  if (honourId !== undefined && freeText) problems.push({ field: 'data.honourId', message: 'give either honourId or title and grade, not both' })
  else if (honourId === undefined && (title === undefined || grade === undefined))
    problems.push({ field: title === undefined ? 'data.title' : 'data.grade', message: 'required unless honourId names a catalogued honour' })
  if (reference !== undefined && honourId === undefined) problems.push({ field: 'data.reference', message: 'a reference goes with honourId' })
  return problems.length === 0
    ? null
    : domainError('Malformed', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems.map((p) => ({ rule: 'honour.shape', ...p })))
}

/** The catalogue of the policy (empty when the policy has no honours block). */
export const honourCatalogue = (policy: AdoptedPolicy): ReadonlyArray<HonourEntry> => policy.document.honours?.catalogue ?? []

/** True when `h` is the same honour as `entry` or as a free-text `title`/`grade` (for `honour.once-a-year`). */
const sameHonour = (h: Honour, honourId: string | null, title: string, grade: string): boolean =>
  honourId !== null ? h.honourId === honourId : h.honourId === null && h.title === title && h.grade === grade

/** The event of an honour from the catalogue entry, or free text as kind `other`. */
const conferred = (talentId: string, on: string, policyId: string, source: string | null, entry: HonourEntry | null, free: { title: string; grade: string } | null): Conferred => ({
  type: 'HonorConferred',
  data:
    entry !== null
      ? { talentId, title: entry.title, grade: entry.grade, on, honourId: entry.honourId, kind: entry.kind, source, policyId }
      : { talentId, title: free!.title, grade: free!.grade, on, honourId: null, kind: 'other', source, policyId },
})

/** ConferHonor: `honour.in-catalogue` (NotFound), then `honour.once-a-year` (Duplicate). */
export const decideHonor = (c: Confer, s: TalentState, ctx: TalentContext): E.Either<DomainError, ReadonlyArray<TalentEvent>> => {
  const registered = requireRegistered(s, c.data.talentId)
  if (E.isLeft(registered)) return registered
  const { talentId, on, honourId, title, grade } = c.data
  const policy = policyOn(ctx, on)
  const catalogue = honourCatalogue(policy)
  let entry: HonourEntry | null = null
  if (honourId !== undefined) {
    entry = catalogue.find((h) => h.honourId === honourId) ?? null
    if (entry === null)
      return E.left({ ...notFound(`honour ${honourId} is not in the catalogue of ${policy.policyId}`), details: [{ rule: 'honour.in-catalogue', field: 'data.honourId', message: `not in ${policy.policyId}'s honours catalogue` }] })
  } else {
    // the first release's form: the one catalogue entry with this title and grade, if exactly one
    const matches = catalogue.filter((h) => h.title === title && h.grade === grade)
    entry = matches.length === 1 ? matches[0]! : null
  }
  const free = entry === null ? { title: title!, grade: grade! } : null
  const key = entry !== null ? { id: entry.honourId, title: entry.title, grade: entry.grade } : { id: null, title: free!.title, grade: free!.grade }
  if (s.honours.some((h) => yearOf(h.on) === yearOf(on) && sameHonour(h, key.id, key.title, key.grade)))
    return E.left({ ...duplicate(`${key.title} (${key.grade}) was already conferred on this talent in ${yearOf(on)}`), details: [{ rule: 'honour.once-a-year', message: `once a year per honour and talent` }] })
  return E.right([conferred(talentId, on, policy.policyId, c.data.reference ?? null, entry, free)])
}

/**
 * The honour a competition result confers (DOMAIN.md §14): the prize row of its tier and rank in
 * the policy in force names a catalogued `honourId`; null when the row names none (or no row).
 * Conferred even when the promotion is withheld: the title rewards the result, not the level.
 */
export const competitionHonour = (policy: AdoptedPolicy, r: { readonly talentId: string; readonly competitionId: string; readonly tier: string; readonly rank: number; readonly on: string }): Conferred | null => {
  const prize = policy.document.competition.prizes.find((p) => p.tier === r.tier && p.rank === r.rank)
  const honourId = prize?.honourId ?? null
  if (honourId === null) return null
  const entry = honourCatalogue(policy).find((h) => h.honourId === honourId)
  return entry === undefined ? null : conferred(r.talentId, r.on, policy.policyId, r.competitionId, entry, null)
}
