/**
 * The pool transition skips folding the events of types listed in `KEEPS_LEVEL`: each such type
 * must leave the certificates, the trainings and the talent's id of the state exactly as they were
 * (the transition reads nothing else), whatever the state holds.
 */
import { describe, expect, it } from 'vitest'
import { KEEPS_LEVEL } from '../src/domain/talent/decide.js'
import type { TalentEvent } from '../src/domain/talent/events.js'
import { evolveTalent, initialTalentState, levelOf, type TalentState } from '../src/domain/talent/state.js'

const talentId = 't-1'
const on = '2026-03-01'

/** A talent with a certificate, a new apprenticeship and a post: every part the level could read. */
const history = [
  { type: 'TalentRegistered', data: { talentId, personal: { v: 1, iv: '', data: '' }, occupation: '6-18-02-04', occupationSince: '2016-07-01', education: 'none', preparatoryTechnician: false, employerId: 'port-co', district: '连云区', frontLine: true, registeredOn: '2026-01-05' } },
  { type: 'TrainingEnrolled', data: { talentId, programId: 'p-1', kind: 'new-apprenticeship', providerId: 'port-co', occupation: '6-18-02-04', targetLevel: 'junior', startedOn: '2026-01-10' } },
  { type: 'LevelCertified', data: { talentId, level: 'senior', route: 'assessment', occupation: '6-18-02-04', on: '2026-02-01', source: 'a-1', policyId: 'p', ruleId: 'r' } },
  { type: 'SeniorPostAppointed', data: { talentId, level: 'principal-technician', employerId: 'port-co', on: '2026-02-02', expiresOn: null, policyId: 'p' } },
] as unknown as TalentEvent[]

/** One event of each type the transition does not fold. */
const SAMPLES: Readonly<Record<string, Record<string, unknown>>> = {
  BenefitGranted: { talentId, benefit: 'living-allowance', grantId: 'living-allowance:2026-03', on, amount: 100, recipientId: talentId, policyId: 'p', ruleId: 'r', basis: {} },
  ServiceDelivered: { talentId, service: 'medical', on, providerId: 'h-1' },
  IncentiveRecorded: { talentId, incentiveId: 'i-1', on, kind: 'bonus', amount: 10 },
  CompetitionResultRecorded: { talentId, competitionId: 'c-1', on, rank: 1 },
  HonorConferred: { talentId, honourId: 'h-1', on, title: 'x' },
  AssessmentPassed: { talentId, assessmentId: 'a-2', level: 'technician', occupation: '6-18-02-04', on, assessorId: 'x' },
  AssessmentFailed: { talentId, assessmentId: 'a-3', level: 'technician', occupation: '6-18-02-04', on, assessorId: 'x' },
  SpecialAbilityCertified: { talentId, occupation: '6-18-02-04', on, source: 'x' },
  FeaturedSkillCertified: { talentId, standardId: 's-1', level: 'technician', on },
  EmployerChanged: { talentId, employerId: 'other-co', on, occupationSince: '2026-03-01', relation: 'student' },
  TalentReleased: { talentId, from: 'port-co', on, reason: null },
  SeniorPostAppointed: { talentId, level: 'chief-technician', employerId: 'port-co', on, expiresOn: null, policyId: 'p' },
  SeniorPostRenewed: { talentId, level: 'principal-technician', employerId: 'port-co', on, expiresOn: '2029-03-01', policyId: 'p' },
  SeniorPostEnded: { talentId, level: 'principal-technician', employerId: 'port-co', on, reason: 'x' },
  TalentForgotten: { talentId },
}

const states: ReadonlyArray<readonly [string, TalentState]> = history.map((_, i) => [`after ${history[i]!.type}`, history.slice(0, i + 1).reduce(evolveTalent, initialTalentState)] as const)

describe('KEEPS_LEVEL', () => {
  it('has a sample for every listed type', () => {
    expect([...KEEPS_LEVEL].sort()).toEqual(Object.keys(SAMPLES).sort())
  })

  it('lists no type that moves the level or the id', () => {
    for (const type of ['TalentRegistered', 'TrainingEnrolled', 'TrainingCompleted', 'LevelCertified', 'PriorCertificateRecorded', 'CertificateRevoked'] as const)
      expect(KEEPS_LEVEL.has(type)).toBe(false)
  })

  for (const [type, data] of Object.entries(SAMPLES))
    it(`${type} leaves the certificates, the trainings and the id as they were`, () => {
      for (const [, s] of states) {
        const after = evolveTalent(s, { type, data: { ...data, talentId: s.talentId || talentId } } as unknown as TalentEvent)
        expect(after.certificates).toBe(s.certificates)
        expect(after.trainings).toBe(s.trainings)
        expect(after.talentId).toBe(s.talentId)
        expect(levelOf(after)).toBe(levelOf(s))
      }
    })
})
