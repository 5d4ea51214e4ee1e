/**
 * The high-skilled allowances (DOMAIN.md §7, §15): 购房补贴 `housing-subsidy` and 生活补贴
 * `living-allowance`, for high-skilled talents only. Their amounts are policy data the city sets
 * (unset in the default). A policy may grade them by level (`byLevel`, the level on the grant date,
 * replacing the flat amount) and set conditions: for housing a first home only, a purchase window from
 * the talent's first high-skilled certificate, insured months and payment in yearly instalments; for
 * the living allowance insured months and a maximum number of months. Without `byLevel` and
 * `conditions` the first release's rules hold: a flat amount, housing once per person, the living
 * allowance once a month.
 */
import * as E from 'fp-ts/lib/Either.js'
import { addMonths, addYears } from '../../kernel/dates.js'
import { domainError, duplicate, notEligible, policyValueUnset, type DomainError, type ErrorDetail } from '../../kernel/errors.js'
import type { AdoptedPolicy } from '../../policy/document.js'
import { isHighSkilled, rank, type Level } from '../../vocabulary/ladder.js'
import type { CommandOf } from './commands.js'
import type { EventOf } from './events.js'
import { levelOf, validCertificates, type TalentState } from './state.js'

type Grant = CommandOf<'GrantBenefit'>
type Granted = EventOf<'BenefitGranted'>['data']
type Plan = E.Either<DomainError, Omit<Granted, 'talentId' | 'benefit' | 'on'>>
type Kind = 'housing-subsidy' | 'living-allowance'

const rule = (policy: AdoptedPolicy, id: string): string => `${policy.policyId}.${id}`
const failed = (policy: AdoptedPolicy, checks: ReadonlyArray<readonly [boolean, string, string]>): ErrorDetail[] =>
  checks.filter(([ok]) => !ok).map(([, id, message]) => ({ rule: id, policyId: policy.policyId, message }))

/** Fields a grant needs when the policy in force sets the allowance's conditions (else `Malformed`). */
export const allowanceShapeError = (c: Grant, policy: AdoptedPolicy): DomainError | null => {
  const b = policy.document.benefits
  const needed =
    c.data.benefit === 'housing-subsidy' && b.housingSubsidy.conditions !== undefined
      ? (['purchasedOn', 'firstHome', 'insuredMonths'] as const)
      : c.data.benefit === 'living-allowance' && b.livingAllowance.conditions !== undefined
        ? (['insuredMonths'] as const)
        : []
  const missing = needed.filter((f) => c.data[f] === undefined)
  return missing.length === 0
    ? null
    : domainError(
        'Malformed',
        missing.map((f) => `data.${f} is required for ${c.data.benefit} under ${policy.policyId}'s conditions`).join('; '),
        missing.map((f) => ({ field: `data.${f}`, message: `required for ${c.data.benefit} under ${policy.policyId}'s conditions` })),
      )
}

/** The amount of `kind` at `level`: `byLevel.<level>` when the policy grades it, else the flat amount; the path when unset. */
const amountAt = (policy: AdoptedPolicy, kind: Kind, level: Level | null): { readonly amount: number | null; readonly path: string } => {
  const b = policy.document.benefits
  const p = kind === 'housing-subsidy' ? b.housingSubsidy : b.livingAllowance
  const block = kind === 'housing-subsidy' ? 'benefits.housingSubsidy' : 'benefits.livingAllowance'
  if (p.byLevel === undefined) return kind === 'housing-subsidy' ? { amount: b.housingSubsidy.amount, path: `${block}.amount` } : { amount: b.livingAllowance.monthly, path: `${block}.monthly` }
  const byLevel: Readonly<Record<string, number | null>> = p.byLevel
  if (level !== null && rank(level) >= rank('senior')) return { amount: byLevel[level] ?? null, path: `${block}.byLevel.${level}` }
  // below senior nothing is graded and the high-skilled rule refuses it, once the city has set any amount (§8 order)
  return { amount: Object.values(byLevel).every((v) => v === null) ? null : 0, path: `${block}.byLevel` }
}

const unset = (policy: AdoptedPolicy, kind: Kind, path: string): DomainError => {
  const e = policyValueUnset(policy.policyId, path)
  return { ...e, details: e.details.map((d) => ({ ...d, rule: rule(policy, `${kind}.amount`) })) }
}

/** The first day the talent was high-skilled (its earliest valid certificate at senior or above). */
const firstHighSkilledOn = (s: TalentState): string | null =>
  validCertificates(s)
    .filter((c) => isHighSkilled(c.level))
    .reduce<string | null>((first, c) => (first === null || c.on < first ? c.on : first), null)

/** 购房补贴: once per person, or in yearly instalments when the conditions set them. */
const housing = (c: Grant, s: TalentState, policy: AdoptedPolicy): Plan => {
  const { on, insuredMonths = 0, purchasedOn = '', firstHome = false } = c.data
  const kind = 'housing-subsidy'
  const conditions = policy.document.benefits.housingSubsidy.conditions
  const earlier = s.grants.filter((g) => g.benefit === kind)
  const instalments = conditions?.instalments ?? 1
  const k = earlier.length + 1
  if (conditions === undefined && earlier.length > 0) return E.left(duplicate('the housing subsidy is granted once per person'))
  if (conditions !== undefined) {
    const missing = (['firstHomeOnly', 'purchaseWindowMonths', 'minInsuredMonths', 'instalments'] as const).find((f) => conditions[f] === null)
    if (missing !== undefined) return E.left(policyValueUnset(policy.policyId, `benefits.housingSubsidy.conditions.${missing}`))
    // the same grant again (an instalment already granted on this date) is the same command: Duplicate
    if (k > instalments || earlier.some((g) => g.on === on))
      return E.left({ ...duplicate(`the housing subsidy is paid in ${instalments} instalment(s), all granted`), details: [{ rule: rule(policy, 'housing-subsidy.instalment'), policyId: policy.policyId, message: `${earlier.length} of ${instalments} granted` }] })
  }
  // the level is fixed by the first instalment; later ones pay the rest of that total
  const first = earlier[0]
  const current = levelOf(s)
  const level = (first?.basis.level as Level | undefined) ?? current
  const { amount: total, path } = amountAt(policy, kind, level)
  if (total === null) return E.left(unset(policy, kind, path))
  const since = firstHighSkilledOn(s)
  const windowEnd = since === null || conditions?.purchaseWindowMonths == null ? null : addMonths(since, conditions.purchaseWindowMonths)
  const dueFrom = first === undefined ? on : addYears(first.on, k - 1)
  const checks: Array<readonly [boolean, string, string]> = [[isHighSkilled(current), rule(policy, `${kind}.high-skilled`), `only high-skilled talents (高技能人才) qualify; current level ${current ?? 'none'}`]]
  if (conditions !== undefined && k === 1) {
    checks.push(
      [!conditions.firstHomeOnly! || firstHome, rule(policy, 'housing-subsidy.first-home'), 'the subsidy is for a first home only'],
      [since !== null && windowEnd !== null && purchasedOn >= since && purchasedOn <= windowEnd, rule(policy, 'housing-subsidy.purchase-window'), `purchased on ${purchasedOn}; the window runs from ${since ?? '(never high-skilled)'} to ${windowEnd ?? '—'}`],
      [insuredMonths >= conditions.minInsuredMonths!, rule(policy, `${kind}.insured-months`), `${insuredMonths} insured month(s), needs ${conditions.minInsuredMonths}`],
    )
  }
  if (conditions !== undefined && k > 1) checks.push([on >= dueFrom, rule(policy, 'housing-subsidy.instalment'), `instalment ${k} is due from ${dueFrom}`])
  const refused = failed(policy, checks)
  if (refused.length > 0) return E.left(notEligible(`${kind} cannot be granted`, refused))
  // ⌊total/n⌋ each, the last the rest
  const share = Math.floor(total / instalments)
  const amount = k === instalments ? total - share * (instalments - 1) : share
  return E.right({
    grantId: k === 1 ? kind : `${kind}:${k}`,
    amount,
    recipientId: s.talentId,
    policyId: policy.policyId,
    ruleId: rule(policy, kind),
    // instalment k is kept as the plan year of the grant
    // the first release's flat, once-per-person subsidy kept an empty basis
    basis: { ...(level === null || (conditions === undefined && policy.document.benefits.housingSubsidy.byLevel === undefined) ? {} : { level }), ...(conditions === undefined ? {} : { insuredMonths, planYear: k }) },
  })
}

/** 生活补贴: once a month, for at most `maxMonths` months when the conditions set it. */
const living = (c: Grant, s: TalentState, policy: AdoptedPolicy): Plan => {
  const kind = 'living-allowance'
  const { on, insuredMonths = 0 } = c.data
  const month = on.slice(0, 7)
  const grantId = `${kind}:${month}`
  // one pass over the grants, the bulk of a long-serving talent's state: this month's, and how many months so far
  let granted = 0
  for (const g of s.grants) {
    if (g.grantId === grantId) return E.left(duplicate(`the living allowance for ${month} was already granted`))
    if (g.benefit === kind) granted++
  }
  const conditions = policy.document.benefits.livingAllowance.conditions
  const level = levelOf(s)
  const { amount, path } = amountAt(policy, kind, level)
  if (amount === null) return E.left(unset(policy, kind, path))
  if (conditions !== undefined) {
    const missing = (['minInsuredMonths', 'maxMonths'] as const).find((f) => conditions[f] === null)
    if (missing !== undefined) return E.left(policyValueUnset(policy.policyId, `benefits.livingAllowance.conditions.${missing}`))
  }
  const checks: Array<readonly [boolean, string, string]> = [[isHighSkilled(level), rule(policy, `${kind}.high-skilled`), `only high-skilled talents (高技能人才) qualify; current level ${level ?? 'none'}`]]
  if (conditions !== undefined)
    checks.push(
      [insuredMonths >= conditions.minInsuredMonths!, rule(policy, `${kind}.insured-months`), `${insuredMonths} insured month(s), needs ${conditions.minInsuredMonths}`],
      [granted < conditions.maxMonths!, rule(policy, 'living-allowance.duration'), `${granted} month(s) granted of at most ${conditions.maxMonths}`],
    )
  const refused = failed(policy, checks)
  if (refused.length > 0) return E.left(notEligible(`${kind} cannot be granted`, refused))
  const graded = policy.document.benefits.livingAllowance.byLevel !== undefined && level !== null
  return E.right({
    grantId,
    amount,
    recipientId: s.talentId,
    policyId: policy.policyId,
    ruleId: rule(policy, kind),
    basis: { month, ...(graded ? { level } : {}), ...(conditions === undefined ? {} : { insuredMonths }) },
  })
}

/** 购房补贴 and 生活补贴 (DOMAIN.md §7, §15). */
export const highSkilledAllowance = (c: Grant, s: TalentState, policy: AdoptedPolicy, kind: Kind): Plan => (kind === 'housing-subsidy' ? housing(c, s, policy) : living(c, s, policy))
