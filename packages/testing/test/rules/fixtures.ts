/**
 * Shared histories and expected events for the rule specs: a registered employer `emp-1`, an
 * assessment body `ab-1` registered for skill-level recognition in every occupation up to
 * senior-technician, and the talent `t-1` they employ and assess.
 */
import {
  DEFAULT_POLICY_ID,
  isHighSkilled,
  type CertifiedLevel,
  type EventOf,
  type LedgerEvent,
  type Route,
} from '@talent-ledger/core'
import { aCertificate, aTalentRegistered, anAssessmentBody, anEmployer, authorizationFor, OCCUPATION, TALENT_ID } from '../../src/spec/index.js'

/** Default assessment date of the specs. */
export const ON = '2024-06-01'

/** `emp-1`, `ab-1` and `t-1` with the given registration overrides. */
export const hired = (talent: Partial<EventOf<'TalentRegistered'>['data']> = {}): LedgerEvent[] => [
  anEmployer(),
  anAssessmentBody('ab-1', [authorizationFor('skill-level-recognition', 'senior-technician')]),
  aTalentRegistered(talent),
]

/** Options of the expected certification events. */
export interface Certified {
  readonly route?: Route
  readonly on?: string
  readonly assessmentId?: string
  readonly assessorId?: string
  readonly policyId?: string
  readonly entersPool?: boolean
}

/** Ids of the default policy's rules. */
export const ruleOf = (id: string, policyId: string = DEFAULT_POLICY_ID): string => `${policyId}.${id}`

/**
 * The pool entry a talent gets on becoming high-skilled, with the services it is then entitled to
 * (DOMAIN.md §15: under the default policy, the one-stop service from senior).
 */
export const poolEntered = (on: string = ON, talentId: string = TALENT_ID, services: string[] = ['one-stop-service']): EventOf<'TalentPoolEntered'> => ({
  type: 'TalentPoolEntered',
  data: { talentId, on, services },
})

/** AssessmentPassed then LevelCertified (and the pool entry when asked) for a passed assessment. */
export const passedAndCertified = (level: CertifiedLevel, ruleId: string, o: Certified = {}): LedgerEvent[] => {
  const { route = 'skill-level-recognition', on = ON, assessmentId = 'as-1', assessorId = 'ab-1', policyId = DEFAULT_POLICY_ID } = o
  const events: LedgerEvent[] = [
    { type: 'AssessmentPassed', data: { talentId: TALENT_ID, assessmentId, route, occupation: OCCUPATION, level, assessorId, on } },
    { type: 'LevelCertified', data: { talentId: TALENT_ID, level, route, occupation: OCCUPATION, on, source: assessmentId, policyId, ruleId } },
  ]
  return o.entersPool === true ? [...events, poolEntered(on)] : events
}

/** A certificate already held, with the pool entry the ledger would have recorded for a high-skilled one. */
export const holding = (level: CertifiedLevel, on: string, overrides: Partial<EventOf<'LevelCertified'>['data']> = {}): LedgerEvent[] => [
  aCertificate(level, on, overrides),
  ...(isHighSkilled(level) ? [poolEntered(on, overrides.talentId ?? TALENT_ID)] : []),
]
