// DOMAIN.md §2: the eight-level ladder (新八级工), who is skilled and high-skilled, and the
// apprentice state; appointed levels (特级技师, 首席技师) never come from an assessment.
import { describe, expect, it } from 'vitest'
import { isHighSkilled, isSkilled, LEVELS, levelOf, NATIONAL_GRADE, type Level } from '@talent-ledger/core'
import {
  aCertificate,
  anAssessmentBody,
  authorizationFor,
  bureau,
  command,
  given,
  recordAssessment,
  TALENT_ID,
} from '../../src/spec/index.js'
import { hired, ON, passedAndCertified, ruleOf } from './fixtures.js'

const LADDER: ReadonlyArray<readonly [Level, string | null, boolean, boolean]> = [
  ['apprentice', null, false, false],
  ['junior', '五级', true, false],
  ['intermediate', '四级', true, false],
  ['senior', '三级', true, true],
  ['technician', '二级', true, true],
  ['senior-technician', '一级', true, true],
  ['principal-technician', null, true, true],
  ['chief-technician', null, true, true],
]

describe('§2 ladder', () => {
  it('has eight levels, lowest first, in the order of the table', () => {
    expect(LEVELS).toEqual(LADDER.map(([l]) => l))
  })

  it.each(LADDER)('%s: national grade %s, skilled %s, high-skilled %s', (level, grade, skilled, highSkilled) => {
    expect(NATIONAL_GRADE[level]).toBe(grade)
    expect(isSkilled(level)).toBe(skilled)
    expect(isHighSkilled(level)).toBe(highSkilled)
  })

  it('apprentice: a talent with no certificate enrolling in a new apprenticeship becomes an apprentice', async () => {
    const enrol = command('EnrollTraining', bureau, {
      talentId: TALENT_ID, programId: 'p-1', kind: 'new-apprenticeship', field: 'advanced-manufacturing', providerId: 'emp-1', startedOn: '2021-09-01', plannedYears: 2,
    })
    expect(levelOf(await given(hired()).when(enrol).talentAfter(TALENT_ID))).toBe('apprentice')
  })

  it('apprentice: a talent who holds a certificate keeps it on enrolling in a new apprenticeship', async () => {
    const enrol = command('EnrollTraining', bureau, {
      talentId: TALENT_ID, programId: 'p-1', kind: 'new-apprenticeship', field: 'advanced-manufacturing', providerId: 'emp-1', startedOn: '2021-09-01', plannedYears: 2,
    })
    expect(levelOf(await given([...hired(), aCertificate('junior', '2020-06-01')]).when(enrol).talentAfter(TALENT_ID))).toBe('junior')
  })

  it('apprentice: other programme kinds do not make an apprentice', async () => {
    const enrol = command('EnrollTraining', bureau, {
      talentId: TALENT_ID, programId: 'p-1', kind: 'specialized', field: 'digital-economy', providerId: 'emp-1', startedOn: '2021-09-01',
    })
    expect(levelOf(await given(hired()).when(enrol).talentAfter(TALENT_ID))).toBeNull()
  })

  it('high-skilled is senior and above: certification at senior enters the talent pool', async () => {
    await given([...hired(), aCertificate('intermediate', '2019-01-01')])
      .when(recordAssessment('ab-1', { level: 'senior' }))
      .then(passedAndCertified('senior', ruleOf('senior.holds-intermediate-5y'), { entersPool: true }))
  })

  it('skilled but not high-skilled: certification at intermediate does not enter the talent pool', async () => {
    await given(hired()).when(recordAssessment('ab-1', { level: 'intermediate' })).then(passedAndCertified('intermediate', ruleOf('intermediate.years-in-occupation')))
  })

  it.each(['principal-technician', 'chief-technician'] as const)('%s is appointed, never certified by an assessment route', async (level) => {
    const history = [...hired(), anAssessmentBody('ab-2', [authorizationFor('skill-level-recognition', 'chief-technician')]), aCertificate('senior-technician', '2015-01-01')]
    await given(history).when(recordAssessment('ab-2', { level })).then({ code: 'NotEligible', rules: ['route.max-level'] })
  })

  it('levels never go down: a passed assessment below the current level is refused', async () => {
    await given([...hired(), aCertificate('technician', '2020-01-01')])
      .when(recordAssessment('ab-1', { level: 'senior' }))
      .then({ code: 'NotEligible', rules: ['ladder.never-down'] })
  })

  it('a failed assessment is recorded and certifies nothing', async () => {
    await given(hired()).when(recordAssessment('ab-1', { level: 'junior', passed: false })).then([
      { type: 'AssessmentFailed', data: { talentId: TALENT_ID, assessmentId: 'as-1', route: 'skill-level-recognition', occupation: '6-18-02-04', level: 'junior', assessorId: 'ab-1', on: ON } },
    ])
  })
})
