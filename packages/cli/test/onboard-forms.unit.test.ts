// The pure parts of onboarding: the forms of levels, dates, education and 一线 an export writes;
// which header names are known and how a --map adds others; the encoding guess; the keyed talent id.
import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import iconv from 'iconv-lite'
import { dateOf, educationOf, frontLineOf, levelOf } from '../src/onboard/cell-forms.js'
import { HeaderMap, layoutOf } from '../src/onboard/columns.js'
import { detectEncoding } from '../src/onboard/encoding.js'
import { TALENT_ID_KEY_SUBJECT, talentIdsOf } from '../src/onboard/talent-ids.js'
import { createMemoryKeyStore } from '@talent-ledger/store-memory'
import { CHINESE_HEADER, ENGLISH_HEADER } from './onboard-files.js'

describe('levels in their national forms', () => {
  it.each([
    ['五级', 'junior'], ['初级工', 'junior'], ['五级/初级工', 'junior'], ['四级（中级工）', 'intermediate'], ['三级/高级工', 'senior'],
    ['二级', 'technician'], ['技师', 'technician'], ['一级/高级技师', 'senior-technician'], ['高级技师', 'senior-technician'],
    ['senior', 'senior'], ['senior-technician', 'senior-technician'], ['首席技师', 'chief-technician'],
  ])('%s → %s', (form, level) => expect(levelOf(form)).toBe(level))

  it.each(['六级', '五级/高级工', '', 'apprentice', 'expert'])('%j is no level', (form) => expect(levelOf(form)).toBeNull())
})

describe('dates', () => {
  it.each([['2015-06-30', '2015-06-30'], ['2015/6/3', '2015-06-03'], ['2015.06.30', '2015-06-30'], ['2015年6月30日', '2015-06-30'], ['20150630', '2015-06-30']])('%s → %s', (form, date) =>
    expect(dateOf(form)).toBe(date),
  )
  it.each(['2015-02-30', '30/06/2015', '2015', ''])('%j is no date', (form) => expect(dateOf(form)).toBeNull())
})

describe('education and 一线', () => {
  it('reads Chinese and codes, empty as none', () => {
    expect([educationOf('技师学院'), educationOf('本科'), educationOf('大专'), educationOf(''), educationOf('college')]).toEqual(['technician-college', 'bachelor', 'college', 'none', 'college'])
    expect(educationOf('私塾')).toBeNull()
  })
  it('reads 是/否', () => {
    expect([frontLineOf('是'), frontLineOf('否'), frontLineOf(''), frontLineOf('yes'), frontLineOf('maybe')]).toEqual([true, false, false, true, null])
  })
})

describe('header layout', () => {
  it('knows the Chinese and the English headers', () => {
    for (const header of [CHINESE_HEADER, ENGLISH_HEADER]) {
      const found = layoutOf(header)
      expect(found).toEqual({ ok: true, layout: expect.objectContaining({ name: 0, nationalId: 1, level: 4, frontLine: 12 }) })
    }
  })
  it('treats full-width brackets and spaces as the same header', () => {
    const found = layoutOf(CHINESE_HEADER.map((h) => (h === '职业(工种)' ? ' 职业（工种） ' : h)))
    expect(found.ok && found.layout.occupationName).toBe(3)
  })
  it('names the required columns it cannot find, and a --map supplies them', () => {
    const header = ['Full name', 'ID no.', ...CHINESE_HEADER.slice(2)]
    expect(layoutOf(header)).toEqual({ ok: false, missing: ['name', 'nationalId'] })
    const map = HeaderMap.decode({ 'Full name': 'name', 'ID no.': 'nationalId' })
    expect(E.isRight(map) && layoutOf(header, map.right).ok).toBe(true)
  })
  it('a --map naming an unknown field does not decode', () => {
    expect(E.isLeft(HeaderMap.decode({ 姓名: 'fullName' }))).toBe(true)
  })
})

describe('encoding guess', () => {
  const text = '姓名,证件号码\r\n王芳,320703199105020028\r\n'
  it('UTF-8 with and without BOM, GB18030 otherwise', () => {
    expect(detectEncoding(Buffer.from(text, 'utf8'))).toBe('utf-8')
    expect(detectEncoding(Buffer.from(`\uFEFF${text}`, 'utf8'))).toBe('utf-8')
    expect(detectEncoding(iconv.encode(text, 'gb18030'))).toBe('gb18030')
  })
  it('a UTF-8 character cut at the end of the sample is still UTF-8', () => {
    const bytes = Buffer.from(text, 'utf8')
    expect(detectEncoding(bytes.subarray(0, bytes.indexOf(Buffer.from('芳', 'utf8')) + 1))).toBe('utf-8')
  })
})

describe('keyed talent ids', () => {
  it('are stable for one key store, differ between key stores, and do not contain the ID number', async () => {
    const keys = createMemoryKeyStore()
    const [a, b, other] = [await talentIdsOf(keys), await talentIdsOf(keys), await talentIdsOf(createMemoryKeyStore())]
    const id = '320703199105020028'
    expect(a(id)).toBe(b(id))
    expect(a(id)).toMatch(/^t-[0-9a-f]{24}$/)
    expect(other(id)).not.toBe(a(id))
    expect(a(id)).not.toContain('19910502')
  })

  it('answers each ID number with its own id whatever was asked before (the last answer is kept)', async () => {
    const keys = createMemoryKeyStore()
    const [remembering, fresh] = [await talentIdsOf(keys), await talentIdsOf(keys)]
    const [x, y] = ['320703199105020028', '32070619900101002X']
    const asked = [x, x, y, x, y, y, x].map(remembering)
    expect(asked).toEqual([x, x, y, x, y, y, x].map((id) => fresh(id)))
    expect(new Set(asked).size).toBe(2)
  })

  it('remembered ids are the HMAC of the ID number under the key, for any order of asking, past the memory\'s bound too', async () => {
    const keys = createMemoryKeyStore()
    const key = Buffer.from(await keys.keyFor(TALENT_ID_KEY_SUBJECT))
    const reference = (id: string): string => `t-${createHmac('sha256', key).update(id, 'utf8').digest('hex').slice(0, 24)}`
    const ids = fc.constantFrom('320703199105020028', '32070619900101002X', '32070619900101002x', '', '\u0000', '\ud800', '证件号码')
    for (const remembered of [1, 2, 3, 1 << 16]) {
      const talentIdOf = await talentIdsOf(keys, remembered)
      fc.assert(fc.property(fc.array(ids, { maxLength: 40 }), (asked) => {
          expect(asked.map(talentIdOf)).toEqual(asked.map(reference))
        }), { numRuns: 100 })
    }
  })
})
