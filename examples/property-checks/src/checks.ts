/**
 * The checks a tester runs before the bureau adopts a draft: every named invariant of
 * @talent-ledger/testing under the draft, and one property of the tester's own that states the
 * draft's intent for senior certification, compared with an independent reading of it.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { fullYearsBetween, type Education, type PolicyDocument } from '@talent-ledger/core'
import {
  TALENT_ID,
  aCertificate,
  aPolicyAdopted,
  aTalentRegistered,
  allInvariants,
  anAssessmentBody,
  anEmployer,
  assertInvariant,
  authorizationFor,
  given,
  localDate,
  recordAssessment,
} from '@talent-ledger/testing'

/** Runs every invariant of the testing package with the draft adopted in each generated history. */
export const checkInvariants = async (draft: PolicyDocument, numRuns: number): Promise<string[]> => {
  const passed: string[] = []
  for (const invariant of allInvariants) {
    await assertInvariant(invariant, { policies: draft, numRuns })
    passed.push(invariant.invariantName)
  }
  return passed
}

const EDUCATIONS: Education[] = ['none', 'technical-school', 'advanced-technical-school', 'technician-college', 'college', 'bachelor', 'master']

/**
 * The tester's own rule, read from the policy text rather than the code: a passed senior
 * assessment certifies exactly when one of the three senior alternatives holds.
 */
export const seniorIntent = (graduateYears: number) => (education: Education, yearsHeld: number): boolean =>
  yearsHeld >= 5 ||
  (yearsHeld >= graduateYears && (education === 'advanced-technical-school' || education === 'technician-college')) ||
  (yearsHeld >= 2 && ['college', 'bachelor', 'master'].includes(education))

/** Property: under the draft (adopted 2027-01-01), the decider certifies senior exactly as the intent says. */
export const checkSeniorIntent = (draft: PolicyDocument, intent: (e: Education, years: number) => boolean, numRuns: number): Promise<void> =>
  fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...EDUCATIONS),
      localDate({ min: '2019-01-01', max: '2027-06-30' }),
      localDate({ min: '2027-01-01', max: '2030-12-31' }),
      async (education, certifiedOn, assessedOn) => {
        fc.pre(certifiedOn <= assessedOn)
        const history = [
          aPolicyAdopted('lyg-2027', '2027-01-01', () => draft),
          anEmployer(),
          anAssessmentBody('ab-1', [authorizationFor('skill-level-recognition', 'senior-technician')]),
          aTalentRegistered({ education, occupationSince: '2019-01-01' }),
          aCertificate('intermediate', certifiedOn),
        ]
        const decision = await given(history).when(recordAssessment('ab-1', { level: 'senior', on: assessedOn })).result()
        const expected = intent(education, fullYearsBetween(certifiedOn, assessedOn))
        if (E.isRight(decision) !== expected)
          throw new Error(`${TALENT_ID}: ${education}, intermediate since ${certifiedOn}, assessed ${assessedOn}: decider ${E.isRight(decision) ? 'certified' : 'refused'}`)
      },
    ),
    { numRuns },
  )
