/**
 * Benefits (激励, DOMAIN.md §7). The caller never names an amount: it is computed from the policy in
 * force on the grant date, and the grant records that policy and rule. Each benefit has a grant id
 * that doubles as its "once per …" key, so a second grant of the same thing is `Duplicate`.
 */
import * as E from 'fp-ts/lib/Either.js'
import { addMonths, fullYearsBetween } from '../../kernel/dates.js'
import { domainError, duplicate, notEligible, notFound, policyValueUnset, type DomainError, type ErrorDetail } from '../../kernel/errors.js'
import type { AdoptedPolicy } from '../../policy/document.js'
import type { CommandOf } from './commands.js'
import type { EventOf, TalentEvent } from './events.js'
import { rank } from '../../vocabulary/ladder.js'
import { policyOn, requireRegistered, type TalentContext } from './context.js'
import { highSkilledAllowance } from './decide-allowances.js'
import { validCertificateAt, type TalentState } from './state.js'
import { ownEntry } from '../../kernel/own-keys.js'

type Grant = CommandOf<'GrantBenefit'>
type Granted = EventOf<'BenefitGranted'>['data']
type Plan = E.Either<DomainError, Omit<Granted, 'talentId' | 'benefit' | 'on'>>

/** Fields a benefit needs beyond the common ones: missing ones make the command `Malformed`. */
const REQUIRED: Readonly<Record<Grant['data']['benefit'], ReadonlyArray<keyof Grant['data']>>> = {
  'skill-upgrade-subsidy': ['level', 'insuredMonths'],
  'first-certification-allowance': ['level'],
  'apprenticeship-subsidy': ['programId'],
  'housing-subsidy': [],
  'living-allowance': [],
  'competition-prize': ['competitionId'],
}

/** `Malformed` when a field the benefit needs is missing. */
export const grantShapeError = (c: Grant): DomainError | null => {
  const missing = REQUIRED[c.data.benefit].filter((f) => c.data[f] === undefined)
  return missing.length === 0
    ? null
    : domainError(
        'Malformed',
        missing.map((f) => `data.${f} is required for ${c.data.benefit}`).join('; '),
        missing.map((f) => ({ field: `data.${f}`, message: `required for ${c.data.benefit}` })),
      )
}

const rule = (policy: AdoptedPolicy, id: string) => `${policy.policyId}.${id}`
const refuse = (benefit: string, failed: ErrorDetail[]): DomainError => notEligible(`${benefit} cannot be granted`, failed)
const fails = (policy: AdoptedPolicy, checks: ReadonlyArray<readonly [boolean, string, string]>): ErrorDetail[] =>
  checks.filter(([ok]) => !ok).map(([, id, message]) => ({ rule: id, policyId: policy.policyId, message }))
const taken = (s: TalentState, grantId: string): boolean => s.grants.some((g) => g.grantId === grantId)
/**
 * A certificate issued before the ledger (RecordPriorCertificate) grants no benefit that rests on
 * the certificate itself: that would pay retroactively, and no policy value allows it yet.
 */
const PRIOR = { rule: 'benefit.prior-certificate' } as const
const priorCheck = (cert: { readonly prior?: boolean; readonly on: string }): readonly [boolean, string, string] => [
  cert.prior !== true,
  PRIOR.rule,
  `the certificate of ${cert.on} predates the ledger: it grants no benefit retroactively`,
]

const SUBSIDISED_LEVELS = ['junior', 'intermediate', 'senior', 'technician', 'senior-technician'] as const
type SubsidisedLevel = (typeof SUBSIDISED_LEVELS)[number]

/** 技能提升补贴: once per occupation and level, within the claim window, with enough insured months. */
const skillUpgrade = (c: Grant, s: TalentState, policy: AdoptedPolicy): Plan => {
  const { level, on, insuredMonths = 0 } = c.data
  const special = level === 'special-ability'
  const cert = special
    ? [...s.specialCertificates].filter((x) => x.occupation === s.occupation && x.on <= on).pop()
    : level === undefined
      ? undefined
      : validCertificateAt(s, level)
  if (cert === undefined) return E.left(notFound(`talent ${c.data.talentId} holds no valid ${level} certificate`))
  const grantId = `skill-upgrade-subsidy:${cert.occupation}:${level}`
  if (taken(s, grantId)) return E.left(duplicate(`skill-upgrade subsidy for ${level} in ${cert.occupation} was already granted`))
  const p = policy.document.benefits.skillUpgradeSubsidy
  const entry = policy.document.occupations.catalogue.find((o) => o.code === cert.occupation)
  const category = entry?.category ?? policy.document.occupations.unlistedCategory
  const shortage = entry?.shortage ?? false
  const covered = special || (SUBSIDISED_LEVELS as ReadonlyArray<string>).includes(level as string)
  const base = special ? p.specialAbility[category] : covered ? p.amounts[category][level as SubsidisedLevel] : 0
  const unset: Array<[unknown, string]> = [
    [p.minInsuredMonths, 'benefits.skillUpgradeSubsidy.minInsuredMonths'],
    [p.claimWindowMonths, 'benefits.skillUpgradeSubsidy.claimWindowMonths'],
    [shortage ? p.shortageBonusPercent : 0, 'benefits.skillUpgradeSubsidy.shortageBonusPercent'],
    [base, special ? `benefits.skillUpgradeSubsidy.specialAbility.${category}` : `benefits.skillUpgradeSubsidy.amounts.${category}.${level}`],
  ]
  const missing = unset.find(([v]) => v === null)
  if (missing !== undefined) return E.left(policyValueUnset(policy.policyId, missing[1]))
  const windowEnd = addMonths(cert.on, p.claimWindowMonths!)
  const failed = fails(policy, [
    [covered, rule(policy, 'skill-upgrade-subsidy.level'), `the subsidy table covers junior to senior-technician and special-ability, not ${level}`],
    [insuredMonths >= p.minInsuredMonths!, rule(policy, 'skill-upgrade-subsidy.insured-months'), `${insuredMonths} month(s) of unemployment insurance, needs ${p.minInsuredMonths}`],
    [on >= cert.on && on <= windowEnd, rule(policy, 'skill-upgrade-subsidy.claim-window'), `claimed on ${on}; the certificate of ${cert.on} may be claimed until ${windowEnd}`],
    priorCheck(cert),
  ])
  if (failed.length > 0) return E.left(refuse('skill-upgrade-subsidy', failed))
  const amount = Math.round((base! * (100 + (shortage ? p.shortageBonusPercent! : 0))) / 100)
  return E.right({
    grantId,
    amount,
    recipientId: s.talentId,
    policyId: policy.policyId,
    ruleId: rule(policy, `skill-upgrade-subsidy.${category}.${level}${shortage ? '.shortage' : ''}`),
    basis: { level: level as string, occupation: cert.occupation, insuredMonths },
  })
}

/** 首次取证一次性奖励: front-line manufacturing workers, first certificate at the level. */
const firstCertification = (c: Grant, s: TalentState, policy: AdoptedPolicy): Plan => {
  const level = c.data.level
  const cert = level === undefined || level === 'special-ability' ? undefined : validCertificateAt(s, level)
  if (cert === undefined || level === undefined || level === 'special-ability') return E.left(notFound(`talent ${c.data.talentId} holds no valid ${level} certificate`))
  const grantId = `first-certification-allowance:${level}`
  if (taken(s, grantId)) return E.left(duplicate(`the first-certification allowance for ${level} was already granted`))
  const p = policy.document.benefits.firstCertificationAllowance
  const covered = rank(level) >= rank('senior')
  const amount = covered ? p.amounts[level as keyof typeof p.amounts] : 0
  if (amount === null) return E.left(policyValueUnset(policy.policyId, `benefits.firstCertificationAllowance.amounts.${level}`))
  const firstAtLevel = s.certificates.filter((x) => x.level === level)[0] === cert
  const failed = fails(policy, [
    [covered, rule(policy, 'first-certification-allowance.level'), `the allowance starts at senior, not ${level}`],
    [s.frontLine, rule(policy, 'first-certification-allowance.front-line'), 'only front-line workers (一线职工) receive it'],
    [
      p.occupationPrefixes.some((prefix) => s.occupation.startsWith(prefix)),
      rule(policy, 'first-certification-allowance.manufacturing-occupation'),
      `occupation ${s.occupation} is not in ${p.occupationPrefixes.join(', ')} (生产制造及有关人员)`,
    ],
    [firstAtLevel, rule(policy, 'first-certification-allowance.first'), `the ${level} certificate of ${cert.on} is not the talent's first at that level`],
    priorCheck(cert),
  ])
  if (failed.length > 0) return E.left(refuse('first-certification-allowance', failed))
  return E.right({ grantId, amount, recipientId: s.talentId, policyId: policy.policyId, ruleId: rule(policy, `first-certification-allowance.${level}`), basis: { level, occupation: cert.occupation } })
}

/** 新型学徒制补贴: paid to the employer, once per year of the plan, while the programme runs. */
const apprenticeship = (c: Grant, s: TalentState, policy: AdoptedPolicy): Plan => {
  const programId = c.data.programId ?? ''
  const t = ownEntry(s.trainings, programId)
  if (t === undefined) return E.left(notFound(`talent ${c.data.talentId} is not enrolled in ${programId}`))
  const planYear = fullYearsBetween(t.startedOn, c.data.on) + 1
  const grantId = `apprenticeship-subsidy:${programId}:${planYear}`
  if (taken(s, grantId)) return E.left(duplicate(`the apprenticeship subsidy for year ${planYear} of ${programId} was already granted`))
  const amount = policy.document.benefits.apprenticeshipSubsidy.perApprenticePerYear
  if (amount === null) return E.left(policyValueUnset(policy.policyId, 'benefits.apprenticeshipSubsidy.perApprenticePerYear'))
  const failed = fails(policy, [
    [t.kind === 'new-apprenticeship', rule(policy, 'apprenticeship-subsidy.programme-kind'), `${programId} is ${t.kind}, not a new apprenticeship`],
    [c.data.on >= t.startedOn, rule(policy, 'apprenticeship-subsidy.started'), `the programme starts on ${t.startedOn}`],
    [planYear <= (t.plannedYears ?? 0), rule(policy, 'apprenticeship-subsidy.within-plan'), `year ${planYear} is beyond the ${t.plannedYears ?? 0}-year plan`],
    [t.completedOn === null || c.data.on <= t.completedOn, rule(policy, 'apprenticeship-subsidy.running'), `the programme ended on ${t.completedOn}`],
  ])
  if (failed.length > 0) return E.left(refuse('apprenticeship-subsidy', failed))
  return E.right({ grantId, amount, recipientId: s.employerId, policyId: policy.policyId, ruleId: rule(policy, 'apprenticeship-subsidy.per-year'), basis: { programId, planYear } })
}

/** 竞赛奖金: by tier and rank from the policy's prize table. */
const competitionPrize = (c: Grant, s: TalentState, policy: AdoptedPolicy): Plan => {
  const competitionId = c.data.competitionId ?? ''
  const result = s.competitions.find((x) => x.competitionId === competitionId)
  if (result === undefined) return E.left(notFound(`no result of ${competitionId} is recorded for ${c.data.talentId}`))
  const grantId = `competition-prize:${competitionId}`
  if (taken(s, grantId)) return E.left(duplicate(`the prize of ${competitionId} was already granted`))
  const prizes = policy.document.competition.prizes.filter((p) => p.tier === result.tier)
  if (prizes.length === 0) return E.left(policyValueUnset(policy.policyId, `competition.prizes.${result.tier}`))
  const prize = prizes.find((p) => p.rank === result.rank)
  if (prize !== undefined && prize.amount === null) return E.left(policyValueUnset(policy.policyId, `${prize.ruleId}.amount`))
  if (prize === undefined || prize.amount === null)
    return E.left(refuse('competition-prize', [{ rule: rule(policy, `prize.${result.tier}`), policyId: policy.policyId, message: `rank ${result.rank} at ${result.tier} carries no prize` }]))
  return E.right({ grantId, amount: prize.amount, recipientId: s.talentId, policyId: policy.policyId, ruleId: prize.ruleId, basis: { competitionId } })
}

/** GrantBenefit. */
export const decideGrant = (c: Grant, s: TalentState, ctx: TalentContext): E.Either<DomainError, ReadonlyArray<TalentEvent>> => {
  const registered = requireRegistered(s, c.data.talentId)
  if (E.isLeft(registered)) return registered
  const policy = policyOn(ctx, c.data.on)
  const b = c.data.benefit
  const plan =
    b === 'skill-upgrade-subsidy'
      ? skillUpgrade(c, s, policy)
      : b === 'first-certification-allowance'
        ? firstCertification(c, s, policy)
        : b === 'apprenticeship-subsidy'
          ? apprenticeship(c, s, policy)
          : b === 'competition-prize'
            ? competitionPrize(c, s, policy)
            : highSkilledAllowance(c, s, policy, b) // 购房补贴, 生活补贴: decide-allowances.ts (DOMAIN.md §15)
  return E.map((p: Omit<Granted, 'talentId' | 'benefit' | 'on'>): ReadonlyArray<TalentEvent> => [
    { type: 'BenefitGranted', data: { talentId: c.data.talentId, benefit: b, on: c.data.on, ...p } },
  ])(plan)
}
