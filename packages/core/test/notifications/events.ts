// Events of one talent as the decider emits them, with ids, for the notification tests.
import type { EventOf, LedgerEvent, NotifiableEvent } from '../../src/index.js'
import type { NotifiedTalent } from '../../src/notifications/outbox-entries.js'

type Data<K extends NotifiableEvent> = EventOf<K>['data']

export const TALENT = 't-1'
/** A talent employed by port-co, with no sealed personal data (the templates' tests seal some). */
export const EMPLOYER: NotifiedTalent = { employerId: 'port-co', personal: null }

export const levelCertified = (over: Partial<Data<'LevelCertified'>> = {}) => ({
  type: 'LevelCertified' as const,
  data: {
    talentId: TALENT, level: 'senior', route: 'skill-level-recognition', occupation: '6-18-02-04', on: '2026-04-01',
    source: 'a-2', policyId: 'national-2018', ruleId: 'national-2018.senior.technician-college', ...over,
  } satisfies Data<'LevelCertified'>,
})

export const assessmentFailed = (over: Partial<Data<'AssessmentFailed'>> = {}) => ({
  type: 'AssessmentFailed' as const,
  data: {
    talentId: TALENT, assessmentId: 'a-9', route: 'skill-level-recognition', occupation: '6-18-02-04', level: 'technician',
    assessorId: 'port-co', on: '2026-05-01', ...over,
  } satisfies Data<'AssessmentFailed'>,
})

export const benefitGranted = (over: Partial<Data<'BenefitGranted'>> = {}) => ({
  type: 'BenefitGranted' as const,
  data: {
    talentId: TALENT, grantId: 'g-1', benefit: 'skill-upgrade-subsidy', amount: 300_000, recipientId: TALENT, on: '2026-04-10',
    policyId: 'national-2018', ruleId: 'national-2018.skill-upgrade.C.senior', basis: { level: 'senior' }, ...over,
  } satisfies Data<'BenefitGranted'>,
})

export const poolEntered = (over: Partial<Data<'TalentPoolEntered'>> = {}) => ({
  type: 'TalentPoolEntered' as const,
  data: { talentId: TALENT, on: '2026-04-01', services: ['children-education', 'medical-care', 'one-stop-service'], ...over } satisfies Data<'TalentPoolEntered'>,
})

export const certificateRevoked = (over: Partial<Data<'CertificateRevoked'>> = {}) => ({
  type: 'CertificateRevoked' as const,
  data: { talentId: TALENT, level: 'senior', reason: 'forged training record', on: '2026-06-01', flaggedGrants: ['g-1'], ...over } satisfies Data<'CertificateRevoked'>,
})

/** Gives each event an id `e-<n>`, as decided events (typed as the decider would have them). */
export const withIds = (...events: ReadonlyArray<{ type: string; data: unknown }>) => events.map((e, i) => ({ eventId: `e-${i + 1}`, event: e as LedgerEvent }))
