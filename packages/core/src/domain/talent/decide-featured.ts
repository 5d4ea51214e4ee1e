/**
 * Featured-industry evaluation (特色产业评价, DOMAIN.md §13): an assessment against a city's own
 * standard (`featuredStandards` of the policy in force), whose levels have alternatives of their own
 * (the national table is not used). A standard that counts toward the ladder certifies the level
 * (`LevelCertified`, route `featured-industry`); one that does not records `FeaturedSkillCertified`
 * and leaves the level as it was. Without the block in the policy in force, featured-industry
 * assessments keep the behaviour of §1–9 (the national table, no standard named).
 */
import * as E from 'fp-ts/lib/Either.js'
import { domainError, duplicate, notEligible, notFound, policyValueUnset, type DomainError, type ErrorDetail } from '../../kernel/errors.js'
import type { AdoptedPolicy } from '../../policy/document.js'
import { rank } from '../../vocabulary/ladder.js'
import type { CommandOf } from './commands.js'
import { policyOn, requireRegistered, type TalentCommand, type TalentContext } from './context.js'
import { certified, neverDown, routeFailures } from './decide-certification.js'
import { eligibleByAlternatives } from './eligibility.js'
import type { TalentEvent } from './events.js'
import { levelOf, validCertificateAt, type TalentState } from './state.js'
import { ownEntry } from '../../kernel/own-keys.js'

type Assessment = CommandOf<'RecordAssessment'>

/** True when the assessment is decided against a featured standard: one is named, or the policy in force has the block. */
export const isFeaturedAssessment = (c: Assessment, ctx: TalentContext): boolean =>
  c.data.route === 'featured-industry' && (c.data.standardId !== undefined || policyOn(ctx, c.data.on).document.featuredStandards !== undefined)

/** `featured.standard-required` (Malformed, first of all checks): a `standardId` iff the route is featured-industry (where the policy has standards). */
export const featuredShapeError = (c: TalentCommand, ctx: TalentContext): DomainError | null => {
  if (c.type !== 'RecordAssessment') return null
  const d = c.data
  const malformed = (message: string): DomainError => domainError('Malformed', message, [{ rule: 'featured.standard-required', field: 'data.standardId', message }])
  if (d.standardId !== undefined && d.route !== 'featured-industry') return malformed(`data.standardId: only a featured-industry assessment names a standard, not ${d.route}`)
  if (d.standardId === undefined && isFeaturedAssessment(c, ctx)) return malformed(`data.standardId: a featured-industry assessment names the standard of policy ${policyOn(ctx, d.on).policyId} it is assessed against`)
  return null
}

const within = (policy: AdoptedPolicy, d: Assessment['data'], std: NonNullable<AdoptedPolicy['document']['featuredStandards']>[number]): ErrorDetail[] => {
  const failed: ErrorDetail[] = []
  if (!std.occupations.includes(d.occupation)) failed.push({ rule: 'featured.occupation', policyId: policy.policyId, message: `${std.standardId} does not cover occupation ${d.occupation}` })
  if (d.level !== undefined && !std.levels.some((l) => l.level === d.level)) failed.push({ rule: 'featured.level', policyId: policy.policyId, message: `${std.standardId} has no level ${d.level}` })
  return failed
}

/** RecordAssessment against a featured standard. */
export const decideFeatured = (c: Assessment, s: TalentState, ctx: TalentContext): E.Either<DomainError, ReadonlyArray<TalentEvent>> => {
  const d = c.data
  if (!s.registered) return requireRegistered(s, d.talentId) as E.Either<DomainError, never>
  const policy = policyOn(ctx, d.on)
  const std = (policy.document.featuredStandards ?? []).find((x) => x.standardId === d.standardId)
  if (std === undefined)
    return E.left({ ...notFound(`standard ${d.standardId} is not in policy ${policy.policyId}, in force on ${d.on}`), details: [{ rule: 'featured.standard-exists', policyId: policy.policyId, message: `no featured standard ${d.standardId}` }] })
  if (ownEntry(s.assessments, d.assessmentId) !== undefined) return E.left(duplicate(`assessment ${d.assessmentId} is already recorded`))
  const level = d.level
  const heldOff = (l: string) => s.featuredCertificates.some((x) => x.standardId === std.standardId && x.level === l)
  if (d.passed && level !== undefined && (std.countsTowardLadder ? validCertificateAt(s, level) !== undefined : heldOff(level)))
    return E.left(duplicate(`talent ${d.talentId} already holds ${std.standardId} at ${level}`))
  const entry = std.levels.find((l) => l.level === level)
  if (d.passed && entry !== undefined && entry.alternatives === null) return E.left(policyValueUnset(policy.policyId, `featuredStandards.${std.standardId}.${entry.level}.alternatives`))
  const failures = [...routeFailures(c, s, policy), ...within(policy, d, std)]
  if (failures.length > 0) return E.left(notEligible(`assessment ${d.assessmentId} cannot be recorded`, failures))
  const base = { talentId: d.talentId, assessmentId: d.assessmentId, route: d.route, occupation: d.occupation, level: level ?? null, assessorId: d.assessorId, on: d.on, standardId: std.standardId }
  if (!d.passed) return E.right([{ type: 'AssessmentFailed', data: base }])
  if (level === undefined || entry === undefined || entry.alternatives === null) return E.left(notEligible('no level to certify', [{ rule: 'featured.level', message: 'a featured standard certifies a level' }]))
  // levels never go down: on the ladder, or within the standard when off it
  if (std.countsTowardLadder && rank(level) < rank(levelOf(s))) return E.left(neverDown(s, level))
  const highestOff = s.featuredCertificates.filter((x) => x.standardId === std.standardId).reduce((m, x) => Math.max(m, rank(x.level)), -1)
  if (!std.countsTowardLadder && rank(level) < highestOff)
    return E.left(notEligible(`levels never go down within ${std.standardId}`, [{ rule: 'ladder.never-down', message: `already certified above ${level} under ${std.standardId}` }]))
  const eligible = eligibleByAlternatives(policy, entry.alternatives, s, { on: d.on, appointed: false })
  if (E.isLeft(eligible)) return E.left(notEligible(`talent ${d.talentId} is not eligible for ${std.standardId} ${level} on ${d.on}`, eligible.left))
  const { ruleId } = eligible.right
  const passed: TalentEvent = { type: 'AssessmentPassed', data: base }
  if (std.countsTowardLadder) {
    const cert = certified(s, level, 'featured-industry', d.on, d.assessmentId, policy.policyId, ruleId)
    return E.right([passed, cert.type === 'LevelCertified' ? { ...cert, data: { ...cert.data, occupation: d.occupation, standardId: std.standardId } } : cert])
  }
  return E.right([passed, { type: 'FeaturedSkillCertified', data: { talentId: d.talentId, assessmentId: d.assessmentId, standardId: std.standardId, level, occupation: d.occupation, on: d.on, policyId: policy.policyId, ruleId } }])
}
