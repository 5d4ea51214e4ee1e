/**
 * Certification on the ladder: assessments by the evaluation routes (多元评价), appointments
 * (评聘) and revocation. Levels never go down except by revoking a certificate.
 */
import * as E from 'fp-ts/lib/Either.js'
import { chain } from '../chain.js'
import { pipe } from 'fp-ts/lib/function.js'
import { duplicate, notEligible, notFound, policyValueUnset, type DomainError, type ErrorDetail } from '../../kernel/errors.js'
import type { AdoptedPolicy } from '../../policy/document.js'
import type { CommandOf } from './commands.js'
import type { TalentEvent } from './events.js'
import { isHighSkilled, rank, type CertifiedLevel } from '../../vocabulary/ladder.js'
import type { CertificationRoute } from '../../vocabulary/terms.js'
import { policyOn, requireRegistered, type TalentContext } from './context.js'
import { eligibleFor } from './eligibility.js'
import { levelOf, validCertificateAt, type TalentState } from './state.js'
import { ownEntry } from '../../kernel/own-keys.js'

type Decided = E.Either<DomainError, ReadonlyArray<TalentEvent>>

/** The certificate event of a level granted under a policy rule. */
export const certified = (
  s: TalentState,
  level: CertifiedLevel,
  route: CertificationRoute,
  on: string,
  source: string,
  policyId: string,
  ruleId: string,
): TalentEvent => ({ type: 'LevelCertified', data: { talentId: s.talentId, level, route, occupation: s.occupation, on, source, policyId, ruleId } })

/** Levels never go down (except by revocation): certifying below the current level is refused on its own. */
export const neverDown = (s: TalentState, level: CertifiedLevel): DomainError =>
  notEligible(`levels never go down: ${s.talentId} is already above ${level}`, [{ rule: 'ladder.never-down', message: `current level ${levelOf(s)} is above ${level}` }])

/** The highest level the occupation's national standard has, when the policy's catalogue says (DOMAIN.md §12). */
export const topLevelOf = (policy: AdoptedPolicy, occupation: string): CertifiedLevel | undefined =>
  policy.document.occupations.catalogue.find((o) => o.code === occupation)?.topLevel

const LEVELED_ROUTES: ReadonlyArray<string> = ['vocational-qualification', 'skill-level-recognition', 'featured-industry']

/** Rules about the route and level of an assessment, before the promotion rules (shared with featured standards). */
export const routeFailures = (c: CommandOf<'RecordAssessment'>, s: TalentState, policy: AdoptedPolicy): ErrorDetail[] => {
  const d = c.data
  const failures: ErrorDetail[] = []
  const fail = (rule: string, message: string): void => void failures.push({ rule, policyId: policy.policyId, message })
  if (d.route === 'appointment') fail('route.appointment', 'principal and chief technicians are appointed with AppointSeniorPost, not assessed')
  if (d.route === 'special-ability' && d.level !== undefined) fail('route.special-ability.no-level', 'special-ability assessments (专项职业能力) carry no level')
  if (LEVELED_ROUTES.includes(d.route)) {
    if (d.level === undefined) fail('route.level-required', `${d.route} certifies a level: data.level is required`)
    else if (rank(d.level) > rank('senior-technician')) fail('route.max-level', `${d.route} certifies up to senior-technician; ${d.level} is appointed`)
  }
  if (d.route === 'vocational-qualification' && policy.document.occupations.qualificationCatalogue !== null && !policy.document.occupations.qualificationCatalogue.includes(d.occupation))
    fail('route.vocational-qualification.catalogue', `${d.occupation} is not in the national qualification catalogue (职业资格目录)`)
  const top = topLevelOf(policy, d.occupation)
  if (d.level !== undefined && top !== undefined && rank(d.level) > rank(top))
    fail('assessment.level-within-occupation', `the national standard of ${d.occupation} stops at ${top}`)
  if (d.occupation !== s.occupation) fail('assessment.occupation', `assessed in ${d.occupation}, but the talent is registered in ${s.occupation}`)
  return failures
}

/** RecordAssessment: a failed one is recorded; a passed one certifies only if the talent is eligible. */
export const decideAssessment = (c: CommandOf<'RecordAssessment'>, s: TalentState, ctx: TalentContext): Decided =>
  pipe(
    requireRegistered(s, c.data.talentId),
    chain(() => (ownEntry(s.assessments, c.data.assessmentId) !== undefined ? E.left(duplicate(`assessment ${c.data.assessmentId} is already recorded`)) : E.right(s))),
    chain(() => {
      const d = c.data
      const level = d.level
      if (d.passed && level !== undefined && LEVELED_ROUTES.includes(d.route) && validCertificateAt(s, level) !== undefined)
        return E.left(duplicate(`talent ${d.talentId} already holds a valid ${level} certificate`))
      const policy = policyOn(ctx, d.on)
      if (d.route === 'vocational-qualification' && policy.document.occupations.qualificationCatalogue === null)
        return E.left(policyValueUnset(policy.policyId, 'occupations.qualificationCatalogue'))
      // a policy value the decision needs is checked before the rules (§8: PolicyValueUnset before NotEligible)
      if (d.passed && level !== undefined && LEVELED_ROUTES.includes(d.route) && rank(level) <= rank('senior-technician') && !policy.document.promotion.some((r) => r.level === level))
        return E.left(policyValueUnset(policy.policyId, `promotion.${level}`))
      const base = { talentId: d.talentId, assessmentId: d.assessmentId, route: d.route, occupation: d.occupation, level: level ?? null, assessorId: d.assessorId, on: d.on }
      const failures = routeFailures(c, s, policy)
      if (failures.length > 0) return E.left(notEligible(`assessment ${d.assessmentId} cannot be recorded`, failures))
      if (!d.passed) return E.right<DomainError, ReadonlyArray<TalentEvent>>([{ type: 'AssessmentFailed', data: base }])
      if (d.route === 'special-ability' || level === undefined)
        return E.right([
          { type: 'AssessmentPassed', data: base },
          { type: 'SpecialAbilityCertified', data: { talentId: d.talentId, assessmentId: d.assessmentId, occupation: d.occupation, on: d.on, policyId: policy.policyId } },
        ])
      if (rank(level) < rank(levelOf(s))) return E.left(neverDown(s, level))
      return pipe(
        eligibleFor(policy, level, s, { on: d.on, appointed: false }),
        E.bimap(
          (failed) => notEligible(`talent ${d.talentId} is not eligible for ${level} on ${d.on}`, failed),
          ({ ruleId }): ReadonlyArray<TalentEvent> => [
            { type: 'AssessmentPassed', data: base },
            certified(s, level, d.route, d.on, d.assessmentId, policy.policyId, ruleId),
          ],
        ),
      )
    }),
  )

/**
 * RevokeCertificate (fraud): the talent returns to the highest certificate still valid; grants
 * that rested on the certificate, or on being high-skilled when that ends, are flagged.
 */
export const decideRevocation = (c: CommandOf<'RevokeCertificate'>, s: TalentState): Decided =>
  pipe(
    requireRegistered(s, c.data.talentId),
    chain(() => {
      if (validCertificateAt(s, c.data.level) !== undefined) return E.right(s)
      // revoking it again is "done already" (§8 Duplicate), not a certificate that does not exist
      return s.certificates.some((x) => x.level === c.data.level)
        ? E.left(duplicate(`the ${c.data.level} certificate of ${c.data.talentId} is already revoked`))
        : E.left(notFound(`talent ${c.data.talentId} holds no valid ${c.data.level} certificate`))
    }),
    chain(() => {
      const cert = validCertificateAt(s, c.data.level)!
      return c.data.on < cert.on
        ? E.left(notEligible('a certificate cannot be revoked before it was issued', [{ rule: 'revocation.after-certificate', field: 'data.on', message: `revoked on ${c.data.on}, but certified on ${cert.on}` }]))
        : E.right(s)
    }),
    E.map(() => {
      const remaining = s.certificates.filter((x) => x.revoked === null && x.level !== c.data.level)
      const stillHighSkilled = remaining.some((x) => isHighSkilled(x.level))
      const flaggedGrants = s.grants
        .filter(
          (g) =>
            g.flagged === null &&
            (g.basis.level === c.data.level || (!stillHighSkilled && (g.benefit === 'housing-subsidy' || g.benefit === 'living-allowance'))),
        )
        .map((g) => g.grantId)
      return [{ type: 'CertificateRevoked', data: { ...c.data, flaggedGrants } }]
    }),
  )
