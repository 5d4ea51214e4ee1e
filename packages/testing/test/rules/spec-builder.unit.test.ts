// The given/when/then harness the rule specs stand on: it must fail loudly and readably when an
// expectation is wrong, or every rule spec above could pass vacuously.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { aTalentRegistered, bureau, command, fakeSeal, given, PERSONAL, recordAssessment, TALENT_ID } from '../../src/spec/index.js'
import { hired, passedAndCertified, ruleOf } from './fixtures.js'

const honour = command('ConferHonor', bureau, { talentId: TALENT_ID, title: '江苏工匠', grade: 'provincial', on: '2024-06-01' })

describe('spec harness', () => {
  it('then(events) names the path of each difference', async () => {
    const wrong = passedAndCertified('junior', 'national-2018.wrong-rule')
    await expect(given(hired()).when(recordAssessment('ab-1', { level: 'junior' })).then(wrong)).rejects.toThrowError(
      /\$\[1\]\.data\.ruleId: expected "national-2018\.wrong-rule", got "national-2018\.junior\.years-in-occupation"/,
    )
  })

  it('then(events) on a refusal shows the refusal', async () => {
    await expect(given([]).when(honour).then([])).rejects.toThrowError(/expected events, but the command was refused:[\s\S]*NotFound/)
  })

  it('then(matcher) on an accepted command names the events', async () => {
    await expect(given(hired()).when(honour).then({ code: 'NotFound' })).rejects.toThrowError(/expected a NotFound refusal[\s\S]*HonorConferred/)
  })

  it('then(matcher) compares the set of failed rules, naming the missing and the unexpected ones', async () => {
    const spec = given(hired({ occupationSince: '2024-01-01' })).when(recordAssessment('ab-1', { level: 'junior' }))
    await expect(spec.then({ code: 'NotEligible', rules: [ruleOf('junior.years-in-occupation'), 'other'] })).rejects.toThrowError(
      /rules missing: other\n {2}rules not expected: national-2018\.junior\.apprenticeship/,
    )
    expect((await spec.then({ code: 'NotEligible', rules: [ruleOf('junior.apprenticeship'), ruleOf('junior.years-in-occupation')] })).code).toBe('NotEligible')
  })

  it('thenEventTypes compares types in order', async () => {
    await expect(given(hired()).when(recordAssessment('ab-1', { level: 'junior' })).thenEventTypes(['LevelCertified', 'AssessmentPassed'])).rejects.toThrowError(
      /expected events \[LevelCertified, AssessmentPassed\]/,
    )
  })

  it('result() does not assert, and a malformed command is a Malformed refusal', async () => {
    const r = await given([]).when({ type: 'NoSuchCommand' }).result()
    expect(E.isLeft(r) && r.left.code).toBe('Malformed')
  })

  it('a spec is not a promise: awaiting one fails with an explanation', async () => {
    await expect((async () => await (given([]).when(honour) as unknown))()).rejects.toThrowError(/a spec is not a promise/)
  })

  it('given refuses an event that does not decode', () => {
    const bad = aTalentRegistered({ occupationSince: '2024-02-30' })
    expect(() => given([bad])).toThrowError(/given event #0 \(TalentRegistered\) is not valid/)
  })

  it('the fake seal is deterministic and hides the data', () => {
    expect(fakeSeal(TALENT_ID, PERSONAL)).toEqual(fakeSeal(TALENT_ID, PERSONAL))
    expect(fakeSeal(TALENT_ID, PERSONAL).ciphertext).not.toBe(fakeSeal(TALENT_ID, { ...PERSONAL, name: '李四' }).ciphertext)
    expect(JSON.stringify(fakeSeal(TALENT_ID, PERSONAL))).not.toContain(PERSONAL.nationalId)
  })
})
