/**
 * One step of a talent's life as an *intent* ("assess at the next level", "claim a benefit for a
 * certificate held"), turned into a raw command only when the history is built, against the
 * talent's state at that point. So an assessment aims at the rung above the talent's real level, a
 * benefit names a certificate the talent holds; whether the rules allow it is left to the deciders.
 */
import * as fc from 'fast-check'
import { LEVELS, levelOf, rank, validCertificates, type TalentState } from '@talent-ledger/core'
import { BUREAU, ORGANIZATION_IDS } from './actors.js'
import { AGREEMENT_IDS } from './organizations.js'
import { addDays } from './dates.js'
import type { CommandJson } from './commands.js'
import { benefitKind, competitionTier, FEATURED_STANDARD_ID, incentiveKind, programmeKind, trainingField } from './vocabulary.js'

/** The programme a generated history opens (history.ts), which some enrolments and assessments name (DOMAIN.md §10). */
export const SHARED_PROGRAMME = { programId: 'prog-1', kind: 'specialized', field: 'advanced-manufacturing', providerId: ORGANIZATION_IDS.trainingProvider } as const

/** What a step means to do. */
export type Intent =
  | {
      readonly tag: 'assess'
      readonly aim: 'next' | 'same' | 'skip'
      readonly via: 'body' | 'employer' | 'appraisal' | 'featured'
      readonly passed: boolean
      /** A benefit claimed the same day for the level aimed at. */
      readonly claim: 'skill-upgrade-subsidy' | 'first-certification-allowance' | null
      readonly insuredMonths: number
      /** A featured-industry assessment names the generated city standard (`FEATURED_STANDARD_ID`, DOMAIN.md §13). */
      readonly standard: boolean
      /** The assessment names the programme it concludes (the talent's first, or the shared one: DOMAIN.md §10). */
      readonly programme?: boolean
    }
  | { readonly tag: 'special-ability'; readonly passed: boolean }
  | {
      readonly tag: 'enroll'
      readonly kind: string
      readonly field: string
      readonly via: 'school' | 'trainer' | 'employer'
      readonly byBureau: boolean
      readonly plannedYears: number
      readonly claim: boolean
      /** Enrols in the history's shared programme (`SHARED_PROGRAMME`, DOMAIN.md §10) rather than an ad hoc one. */
      readonly programme?: boolean
    }
  | { readonly tag: 'complete'; readonly pick: number; readonly hours: number }
  | { readonly tag: 'compete'; readonly tier: string; readonly rank: number; readonly award: boolean; readonly percentile: number; readonly claim: boolean }
  | { readonly tag: 'appoint' }
  | { readonly tag: 'renew-post' }
  | { readonly tag: 'end-post'; readonly byBureau: boolean }
  | { readonly tag: 'quota'; readonly posts: number }
  | { readonly tag: 'benefit'; readonly benefit: string; readonly pick: number; readonly insuredMonths: number }
  | { readonly tag: 'revoke'; readonly pick: number }
  | { readonly tag: 'honor'; readonly title: string; readonly honourId: string | null }
  | { readonly tag: 'incentive'; readonly kind: string; readonly amount: number | null }
  | { readonly tag: 'service'; readonly service: string }
  | { readonly tag: 'change-employer'; readonly byBureau: boolean }
  /** Training under an agreement of DOMAIN.md §11 (by its lead, or the bureau), and a hire by a partner. */
  | { readonly tag: 'agreement-enroll'; readonly agreement: 'chain' | 'classes'; readonly byBureau: boolean; readonly matching: boolean }
  | { readonly tag: 'hire'; readonly agreement: boolean; readonly partner: number }
  | { readonly tag: 'forget' }
  /** A certificate issued before the ledger (some days before the step: within the target period or before it). */
  | { readonly tag: 'prior'; readonly level: string; readonly issuedDaysBefore: number }

/** A step: days since the previous one, and what it means to do. */
export interface Step {
  readonly gapDays: number
  readonly intent: Intent
}

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary })

/** An intent, weighted towards assessments, competitions and benefits. */
export const intent: fc.Arbitrary<Intent> = fc.oneof(
  w(
    12,
    fc.record({
      tag: fc.constant('assess' as const),
      aim: fc.constantFrom('next', 'next', 'next', 'same', 'skip'),
      via: fc.constantFrom('body', 'body', 'employer', 'appraisal', 'featured'),
      passed: fc.constantFrom(true, true, true, true, false),
      claim: fc.constantFrom(null, null, 'skill-upgrade-subsidy', 'first-certification-allowance'),
      insuredMonths: fc.oneof(fc.integer({ min: 12, max: 30 }), fc.integer({ min: 0, max: 30 })),
      standard: fc.boolean(),
      programme: fc.constantFrom(false, false, true),
    }),
  ),
  w(2, fc.record({ tag: fc.constant('special-ability' as const), passed: fc.boolean() })),
  w(
    4,
    fc.record({
      tag: fc.constant('enroll' as const),
      kind: fc.oneof(fc.constant('new-apprenticeship'), programmeKind),
      field: trainingField,
      via: fc.constantFrom('school', 'trainer', 'employer'),
      byBureau: fc.boolean(),
      plannedYears: fc.constantFrom(1, 1, 2, 2, 3, 0, 4),
      claim: fc.boolean(),
      programme: fc.boolean(),
    }),
  ),
  w(4, fc.record({ tag: fc.constant('complete' as const), pick: fc.nat(9), hours: fc.integer({ min: 0, max: 1200 }) })),
  w(
    6,
    fc.record({
      tag: fc.constant('compete' as const),
      tier: competitionTier,
      rank: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 25 })),
      award: fc.boolean(),
      percentile: fc.integer({ min: 0, max: 100 }),
      claim: fc.boolean(),
    }),
  ),
  w(2, fc.constant({ tag: 'appoint' as const })),
  // senior posts (DOMAIN.md §12): renewed, ended, and the employer's quota set by the bureau
  w(1, fc.constant({ tag: 'renew-post' as const })),
  w(1, fc.record({ tag: fc.constant('end-post' as const), byBureau: fc.boolean() })),
  w(1, fc.record({ tag: fc.constant('quota' as const), posts: fc.integer({ min: 0, max: 2 }) })),
  w(8, fc.record({ tag: fc.constant('benefit' as const), benefit: benefitKind, pick: fc.nat(9), insuredMonths: fc.integer({ min: 0, max: 30 }) })),
  w(2, fc.record({ tag: fc.constant('revoke' as const), pick: fc.nat(9) })),
  // a free-text title (the first release's form) or a catalogued honour (DOMAIN.md §14)
  // a service delivery (DOMAIN.md §15): entitled or not, set or unset by the policy in force
  w(1, fc.record({ tag: fc.constant('service' as const), service: fc.constantFrom('one-stop-service', 'one-stop-service', 'health-check', 'recuperation') })),
  w(1, fc.record({ tag: fc.constant('honor' as const), title: fc.constantFrom('连云港技能状元', '江苏工匠', '全国技术能手'), honourId: fc.constantFrom(null, 'jiangsu-may-day-medal', 'lyg-craftsman') })),
  w(1, fc.record({ tag: fc.constant('incentive' as const), kind: incentiveKind, amount: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }) })),
  w(2, fc.record({ tag: fc.constant('change-employer' as const), byBureau: fc.boolean() })),
  w(2, fc.record({ tag: fc.constant('agreement-enroll' as const), agreement: fc.constantFrom('chain' as const, 'classes' as const), byBureau: fc.boolean(), matching: fc.constantFrom(true, true, true, false) })),
  w(1, fc.record({ tag: fc.constant('hire' as const), agreement: fc.boolean(), partner: fc.nat(1) })),
  w(1, fc.constant({ tag: 'forget' as const })),
  w(
    1,
    fc.record({
      tag: fc.constant('prior' as const),
      level: fc.constantFrom('junior', 'intermediate', 'senior', 'technician', 'senior-technician'),
      // a few weeks back (often inside 2026–2030 for a step in it), or years back (before the period)
      issuedDaysBefore: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 6000 })),
    }),
  ),
)

/** Days between steps: often weeks, often months, sometimes years (so some steps are eligible, some not). */
export const gapDays: fc.Arbitrary<number> = fc.oneof(w(3, fc.integer({ min: 0, max: 60 })), w(4, fc.integer({ min: 61, max: 700 })), w(2, fc.integer({ min: 701, max: 1900 })))

/** A step. */
export const step: fc.Arbitrary<Step> = fc.record({ gapDays, intent })

const ROLE_OF_PROVIDER: Readonly<Record<string, string>> = { [ORGANIZATION_IDS.vocationalSchool]: 'vocational-school', [ORGANIZATION_IDS.trainingProvider]: 'training-provider' }
const pickFrom = <T>(xs: ReadonlyArray<T>, pick: number): T | undefined => (xs.length === 0 ? undefined : xs[pick % xs.length])
const cmd = (type: string, actor: unknown, data: Record<string, unknown>): CommandJson => ({ type, actor, data })

/** The level an assessment aims at: the rung above the current level (capped at senior-technician). */
const aimedLevel = (s: TalentState, aim: 'next' | 'same' | 'skip'): string => {
  const current = Math.max(rank(levelOf(s)), 0)
  const index = aim === 'same' ? Math.max(current, 1) : current + (aim === 'next' ? 1 : 2)
  return LEVELS[Math.min(index, LEVELS.indexOf('senior-technician'))]!
}

/** True when the talent was enrolled in the school's class of the generated setup (DOMAIN.md §11). */
const trainedInClass = (s: TalentState): boolean => Object.values(s.trainings).some((t) => t.agreementId === AGREEMENT_IDS.classes)

const grant = (talentId: string, benefit: string, on: string, basis: Record<string, unknown>): CommandJson => cmd('GrantBenefit', BUREAU, { talentId, benefit, on, ...basis })

/** The commands a step means, given the talent's state and the date (none when it makes no sense now). */
export const commandsFor = (x: Intent, s: TalentState, on: string, serial: string): CommandJson[] => {
  const talentId = s.talentId
  const held = validCertificates(s).map((c) => c.level)
  switch (x.tag) {
    case 'assess': {
      // at the top of the assessed ladder the next step is an appointment (评聘)
      if (x.aim === 'next' && rank(levelOf(s)) >= rank('senior-technician')) return commandsFor({ tag: 'appoint' }, s, on, serial)
      const level = aimedLevel(s, x.aim)
      const [assessorId, role, route] =
        x.via === 'employer' ? [s.employerId, 'employer', 'skill-level-recognition']
        : x.via === 'appraisal' ? [ORGANIZATION_IDS.appraisalBody, 'appraisal-body', 'vocational-qualification']
        : [ORGANIZATION_IDS.assessmentBody, 'assessment-body', x.via === 'featured' ? 'featured-industry' : 'skill-level-recognition']
      const standard = x.via === 'featured' && x.standard ? { standardId: FEATURED_STANDARD_ID } : {}
      // naming a programme: the talent's first, or the shared one, enrolled in that day by its provider when the talent has none
      const programId = x.programme === true ? Object.keys(s.trainings)[0] ?? SHARED_PROGRAMME.programId : undefined
      const { kind, field, providerId } = SHARED_PROGRAMME
      const enrolFirst =
        programId === SHARED_PROGRAMME.programId && s.trainings[programId] === undefined
          ? [cmd('EnrollTraining', { id: providerId, role: 'training-provider' }, { talentId, programId, kind, field, providerId, startedOn: on })]
          : []
      const assessment = cmd('RecordAssessment', { id: assessorId, role }, { talentId, assessmentId: `${serial}-a`, route, occupation: s.occupation, level, passed: x.passed, assessorId, on, ...standard, ...(programId === undefined ? {} : { programId }) })
      const claim = x.claim === null ? [] : [grant(talentId, x.claim, on, x.claim === 'skill-upgrade-subsidy' ? { level, insuredMonths: x.insuredMonths } : { level })]
      return [...enrolFirst, assessment, ...claim]
    }
    case 'special-ability':
      return [cmd('RecordAssessment', { id: ORGANIZATION_IDS.assessmentBody, role: 'assessment-body' }, { talentId, assessmentId: `${serial}-s`, route: 'special-ability', occupation: s.occupation, passed: x.passed, assessorId: ORGANIZATION_IDS.assessmentBody, on })]
    case 'enroll': {
      const providerId = x.via === 'school' ? ORGANIZATION_IDS.vocationalSchool : x.via === 'trainer' ? ORGANIZATION_IDS.trainingProvider : s.employerId
      const actor = x.byBureau ? BUREAU : { id: providerId, role: ROLE_OF_PROVIDER[providerId] ?? 'employer' }
      // the shared programme's kind and field; its provider only through the trainer (else refused: training.matches-programme)
      const { kind, field } = x.programme === true ? SHARED_PROGRAMME : x
      const plannedYears = kind === 'new-apprenticeship' && x.plannedYears > 0 ? { plannedYears: x.plannedYears } : {}
      const programId = x.programme === true ? SHARED_PROGRAMME.programId : `${serial}-p`
      const claim = x.claim && kind === 'new-apprenticeship' ? [grant(talentId, 'apprenticeship-subsidy', on, { programId })] : []
      return [cmd('EnrollTraining', actor, { talentId, programId, kind, field, providerId, startedOn: on, ...plannedYears }), ...claim]
    }
    case 'complete': {
      const open = Object.entries(s.trainings).filter(([, t]) => t.completedOn === null)
      const chosen = pickFrom(open, x.pick)
      if (chosen === undefined) return []
      const [programId, t] = chosen
      return [cmd('CompleteTraining', { id: t.providerId, role: ROLE_OF_PROVIDER[t.providerId] ?? 'employer' }, { talentId, programId, completedOn: on, hours: x.hours })]
    }
    case 'compete': {
      const byPercentile = x.tier === 'district' || x.tier === 'enterprise'
      const competitionId = `${serial}-c`
      const result = cmd('RecordCompetitionResult', BUREAU, {
        talentId, competitionId, tier: x.tier, rank: x.rank, on,
        ...(x.award ? { award: 'excellence' } : {}),
        ...(byPercentile ? { percentile: x.percentile } : {}),
      })
      return x.claim ? [result, grant(talentId, 'competition-prize', on, { competitionId })] : [result]
    }
    case 'appoint': {
      const level = rank(levelOf(s)) >= rank('principal-technician') ? 'chief-technician' : 'principal-technician'
      return [cmd('AppointSeniorPost', { id: s.employerId, role: 'employer' }, { talentId, level, employerId: s.employerId, on })]
    }
    case 'renew-post':
    case 'end-post': {
      // the post most recently appointed (in force or not: whether it still is is the decider's word)
      const post = s.posts[s.posts.length - 1]
      if (post === undefined) return []
      if (x.tag === 'renew-post') return [cmd('RenewSeniorPost', { id: post.employerId, role: 'employer' }, { talentId, level: post.level, employerId: post.employerId, on })]
      return [cmd('EndSeniorPost', x.byBureau ? BUREAU : { id: s.employerId, role: 'employer' }, { talentId, level: post.level, on, reason: '解聘' })]
    }
    case 'quota':
      return s.employerId === ''
        ? []
        : (['principal-technician', 'chief-technician'] as const).map((level) => cmd('SetSeniorPostQuota', BUREAU, { organizationId: s.employerId, level, posts: x.posts, on }))
    case 'benefit': {
      const levels = [...held, ...(s.specialCertificates.length > 0 ? ['special-ability'] : [])]
      const basis =
        x.benefit === 'skill-upgrade-subsidy' ? { level: pickFrom(levels, x.pick) ?? 'junior', insuredMonths: x.insuredMonths }
        : x.benefit === 'first-certification-allowance' ? { level: pickFrom(held, x.pick) ?? 'senior' }
        : x.benefit === 'apprenticeship-subsidy' ? { programId: pickFrom(Object.keys(s.trainings), x.pick) ?? `${serial}-p` }
        : x.benefit === 'competition-prize' ? { competitionId: pickFrom(s.competitions, x.pick)?.competitionId ?? `${serial}-c` }
        // the fields a policy's conditions ask for (DOMAIN.md §15); ignored without them
        : x.benefit === 'housing-subsidy' ? { purchasedOn: on, firstHome: x.pick % 3 !== 0, insuredMonths: x.insuredMonths }
        : x.benefit === 'living-allowance' ? { insuredMonths: x.insuredMonths }
        : {}
      return [grant(talentId, x.benefit, on, basis)]
    }
    case 'revoke': {
      const level = pickFrom(held, x.pick)
      return level === undefined ? [] : [cmd('RevokeCertificate', BUREAU, { talentId, level, reason: 'fraud (证书造假)', on })]
    }
    case 'honor':
      return [cmd('ConferHonor', BUREAU, x.honourId === null ? { talentId, title: x.title, grade: 'municipal', on } : { talentId, honourId: x.honourId, on })]
    case 'service':
      return [cmd('RecordServiceDelivery', BUREAU, { talentId, deliveryId: `${serial}-sd`, service: x.service, on })]
    case 'incentive':
      return [cmd('RecordIncentive', { id: s.employerId, role: 'employer' }, { talentId, kind: x.kind, on, ...(x.amount === null ? {} : { amount: x.amount }) })]
    case 'change-employer': {
      const employerId = s.employerId === ORGANIZATION_IDS.employers[0] ? ORGANIZATION_IDS.employers[1] : ORGANIZATION_IDS.employers[0]
      // hiring a student starts its career and needs no release (DOMAIN.md §11)
      const student = s.relation === 'student'
      const hired = student ? { occupationSince: on, ...(trainedInClass(s) ? { agreementId: AGREEMENT_IDS.classes } : {}) } : {}
      const change = cmd('ChangeEmployer', x.byBureau ? BUREAU : { id: employerId, role: 'employer' }, { talentId, employerId, on, ...hired })
      // a new employer claims a talent only after the current one (an employer, or a school for its teachers) released it (DOMAIN.md §17)
      const releasedBy = { id: s.employerId, role: s.employerId === ORGANIZATION_IDS.vocationalSchool ? 'vocational-school' : 'employer' }
      return x.byBureau || student ? [change] : [cmd('ReleaseTalent', releasedBy, { talentId, on }), change]
    }
    case 'agreement-enroll': {
      // the agreements of the generated setup (organizations.ts): the chain led by the first employer trains staff, the
      // school's classes its students (the drawn agreement now and then the other one, to be refused)
      const student = s.relation === 'student'
      const chain = x.matching ? !student : x.agreement === 'chain'
      const providerId = chain ? ORGANIZATION_IDS.employers[0] : ORGANIZATION_IDS.vocationalSchool
      const actor = x.byBureau ? BUREAU : { id: providerId, role: chain ? 'employer' : 'vocational-school' }
      const kind = x.matching ? (chain ? 'industry-chain' : 'degree-plus-skill') : 'ai-literacy'
      const agreementId = chain ? AGREEMENT_IDS.chain : AGREEMENT_IDS.classes
      return [cmd('EnrollTraining', actor, { talentId, programId: `${serial}-ag`, kind, field: 'advanced-manufacturing', providerId, startedOn: on, agreementId })]
    }
    case 'hire': {
      // a partner of the school's classes hires a student, whose career starts that day (no release needed)
      if (s.relation !== 'student') return []
      const employerId = ORGANIZATION_IDS.employers[x.partner % 2]!
      // under the agreement when trained in its class (or, drawn, without: then refused)
      const underClass = trainedInClass(s) || x.agreement
      return [cmd('ChangeEmployer', { id: employerId, role: 'employer' }, { talentId, employerId, on, occupationSince: on, ...(underClass ? { agreementId: AGREEMENT_IDS.classes } : {}) })]
    }
    case 'forget':
      return [cmd('ForgetTalent', BUREAU, { talentId })]
    case 'prior':
      return [
        // issued in the talent's working life (never before occupationSince: §17's anchor), on or before the step's day
        cmd('RecordPriorCertificate', BUREAU, {
          talentId,
          certificateNumber: `${serial}-prior`,
          level: x.level,
          occupation: s.occupation,
          issuedOn: [addDays(on, -x.issuedDaysBefore), s.occupationSince ?? s.registeredOn].sort()[1]!,
          issuer: '江苏省职业技能鉴定中心',
        }),
      ]
  }
}
