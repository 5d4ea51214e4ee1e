/**
 * Deliberately broken talent categories, each wrong in one way an invariant is there to catch: they
 * are the core's `talentCategory` with one decision or the fold bent. The pure ledger registers the
 * one under test in place of the core's (`aggregate`, `routeWith`).
 */
import * as E from 'fp-ts/lib/Either.js'
import { policyOn, talentCategory, type TalentEvent, type TalentState } from '@talent-ledger/core'
import type { TalentCategoryUnderTest } from '../../src/invariants/index.js'

const core = talentCategory

/** Certifies a passed assessment even when the talent is not eligible, citing the level's first rule. */
export const lenient: TalentCategoryUnderTest = {
  ...core,
  decide: (c, s, context) => {
    const result = core.decide(c, s, context)
    if (c.type !== 'RecordAssessment' || !c.data.passed || c.data.level === undefined || E.isRight(result) || result.left.code !== 'NotEligible') return result
    const policy = policyOn(context, c.data.on)
    const ruleId = policy.document.promotion.find((r) => r.level === c.data.level)?.alternatives[0]?.ruleId ?? 'made-up'
    const d = c.data
    return E.right([
      { type: 'AssessmentPassed', data: { talentId: d.talentId, assessmentId: d.assessmentId, route: d.route, occupation: d.occupation, level: d.level ?? null, assessorId: d.assessorId, on: d.on } },
      { type: 'LevelCertified', data: { talentId: d.talentId, level: d.level!, route: d.route, occupation: s.occupation, on: d.on, source: d.assessmentId, policyId: policy.policyId, ruleId } },
    ])
  },
}

/** Rounds every benefit up by one yuan. */
export const generous: TalentCategoryUnderTest = {
  ...core,
  decide: (c, s, context) =>
    E.map((events: ReadonlyArray<TalentEvent>) => events.map((e) => (e.type === 'BenefitGranted' ? { ...e, data: { ...e.data, amount: e.data.amount + 100 } } : e)))(core.decide(c, s, context)),
}

/** Forgets every certificate when a competition result is recorded. */
export const forgetful: TalentCategoryUnderTest = {
  ...core,
  evolve: (s, e) => (e.type === 'CompetitionResultRecorded' ? { ...core.evolve(s, e), certificates: [] } : core.evolve(s, e)),
}

/** Decides competitions as if the policy in force allowed any number of promotions a year. */
export const unlimited: TalentCategoryUnderTest = {
  ...core,
  decide: (c, s, context) => {
    if (c.type !== 'RecordCompetitionResult') return core.decide(c, s, context)
    const policy = policyOn(context, c.data.on)
    const relaxed = { ...policy, effectiveFrom: c.data.on, document: { ...policy.document, competition: { ...policy.document.competition, oneLevelPromotionPerYear: false } } }
    return core.decide(c, s, { ...context, policies: [...context.policies, relaxed] })
  },
}

/** Keeps a count of the events it folded in the state: replaying gives a different state than building. */
let folded = 0
export const stateful: TalentCategoryUnderTest = {
  ...core,
  evolve: (s, e) => ({ ...core.evolve(s, e), district: `${core.evolve(s, e).district}#${e.type === 'HonorConferred' ? folded++ : 0}` }),
}

/** Writes an honour's grade as a number, which the HonorConferred codec rejects. */
export const sloppy: TalentCategoryUnderTest = {
  ...core,
  decide: (c, s, context) =>
    E.map((events: ReadonlyArray<TalentEvent>) => events.map((e) => (e.type === 'HonorConferred' ? ({ ...e, data: { ...e.data, grade: 3 } } as unknown as TalentEvent) : e)))(core.decide(c, s, context)),
}

/** Ignores revocations when folding: revoked certificates still count. */
export const stubborn: TalentCategoryUnderTest = {
  ...core,
  evolve: (s: TalentState, e) => (e.type === 'CertificateRevoked' ? s : core.evolve(s, e)),
}

/** Forgets that a competition result was already recorded, so a retry records it again. */
export const amnesiac: TalentCategoryUnderTest = {
  ...core,
  decide: (c, s, context) =>
    c.type === 'RecordCompetitionResult' ? core.decide(c, { ...s, competitions: s.competitions.filter((x) => x.competitionId !== c.data.competitionId) }, context) : core.decide(c, s, context),
}

/** Confers 连云港技能状元 for any municipal result, whatever its prize row says (DOMAIN.md §14). */
export const titled: TalentCategoryUnderTest = {
  ...core,
  decide: (c, s, context) => {
    const result = core.decide(c, s, context)
    if (c.type !== 'RecordCompetitionResult' || c.data.tier !== 'municipal' || c.data.rank <= 1 || E.isLeft(result)) return result
    const d = c.data
    const policyId = policyOn(context, d.on).policyId
    return E.right([
      ...result.right.filter((e) => e.type !== 'HonorConferred'),
      { type: 'HonorConferred', data: { talentId: d.talentId, title: '连云港技能状元', grade: 'municipal', on: d.on, honourId: 'lyg-skill-champion', kind: 'skill-champion', source: d.competitionId, policyId } },
    ])
  },
}
