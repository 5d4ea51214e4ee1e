/**
 * No personal data in clear in errors (issue 10 §5): a refused national ID, birth date or name is
 * shown masked (`3207**********0018`), and an ID-like number anywhere in a message is masked too.
 */
import { describe, expect, it } from 'vitest'
import { maskIdNumbers } from '../src/index.js'
import { maskDate, maskIdentifier, maskName } from '../src/kernel/masking.js'
import { registration, refusal } from './command-fixtures.js'


describe('masked forms', () => {
  it('keep four characters at each end of an identifier, the first of a name, the shape of a date', () => {
    expect(maskIdentifier('320706199001010018')).toBe('3207**********0018')
    expect(maskIdentifier('1234567')).toBe('*******')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskDate('1990-13-01')).toBe('****-**-**')
    expect(maskIdNumbers('talent 320706199001010018 and 12345')).toBe('talent 3207**********0018 and 12345')
  })
})

describe('a refused RegisterTalent does not echo personal data', () => {
  it.each([
    ['a national ID with a wrong check digit', { nationalId: '320706199001010018' }, '320706199001010018', 'data.nationalId'],
    ['a national ID of the wrong length', { nationalId: '32070619900101001' }, '32070619900101001', 'data.nationalId'],
    ['a birth date that does not exist', { birthDate: '1990-02-30' }, '1990-02-30', 'data.birthDate'],
    ['a name with a control character', { name: '王\u0007芳' }, '王\u0007芳', 'data.name'],
    ['a name with surrounding blanks', { name: ' 王芳 ' }, '王芳', 'data.name'],
    ['a name that is not text', { name: 32070619900101 }, '32070619900101', 'data.name'],
  ])('%s', (_what, data, clear, field) => {
    const error = refusal(registration(data))
    expect(error.code).toBe('Malformed')
    expect(error.details.map((d) => d.field)).toContain(field)
    expect(JSON.stringify(error)).not.toContain(JSON.stringify(clear).slice(1, -1))
    expect(JSON.stringify(error)).not.toContain(clear)
  })

  it('an ID-like number in another field is masked too', () => {
    const error = refusal(registration({ occupation: '320706199001010018' }))
    expect(error.message).toContain('3207**********0018')
    expect(error.message).not.toContain('320706199001010018')
  })
})
