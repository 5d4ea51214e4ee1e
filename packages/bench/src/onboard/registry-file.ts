/**
 * A synthetic registry export for the onboarding benchmark: `rows` certificate rows of about
 * rows/1.4 people (1–3 certificates each, on adjacent rows, levels in any order), realistic Chinese
 * names, Lianyungang districts, ID numbers with real region codes, birth dates and check digits,
 * written as a GB18030 CSV with the Chinese headers, the way office software saves one. Seeded: the
 * same arguments give the same bytes. No real person: names are drawn at random from common
 * characters, ID numbers from random sequence numbers.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { checkRoundTrip, gb18030 } from './gb18030.js'

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤']
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞建国文辉亮健宁波峰海燕志红梅林斌浩宇晨阳鑫雪琳丹欣怡佳慧婷颖博凯翔晓东俊成琪']
/** Region codes of Lianyungang's districts and counties (GB/T 2260), with their names. */
const DISTRICTS: ReadonlyArray<readonly [string, string]> = [
  ['320703', '连云区'], ['320706', '海州区'], ['320707', '赣榆区'], ['320722', '东海县'], ['320723', '灌云县'], ['320724', '灌南县'],
]
const OCCUPATIONS: ReadonlyArray<readonly [string, string]> = [
  ['6-18-02-04', '港口装卸机械司机'], ['6-17-01-02', '炼钢工'], ['6-12-03-01', '药物制剂工'], ['6-20-01-01', '机床装调维修工'],
  ['6-29-01-03', '焊工'], ['4-07-05-01', '电工'], ['6-31-01-03', '电工'], ['4-03-02-01', '中式烹调师'],
]
const LEVELS = ['五级/初级工', '四级/中级工', '三级/高级工', '二级/技师', '一级/高级技师']
const ISSUERS = ['连云港市职业技能鉴定中心', '江苏省钢铁行业职业技能鉴定站', '连云港医药职业技能鉴定所', '连云港技师学院']
const EDUCATION = ['初中', '高中', '技工学校', '高级技工学校', '技师学院', '大专', '本科']
/** Employers the benchmark registers first: `employer-NN` named `连云港第NN制造有限公司`. */
export const EMPLOYERS = 40
/** The name of generated employer `i`. */
export const employerName = (i: number): string => `连云港第${String(i).padStart(2, '0')}制造有限公司`

export const HEADER = ['姓名', '证件号码', '职业编码', '职业(工种)', '等级', '证书编号', '发证日期', '评价机构', '工作单位', '区县', '参加工作时间', '学历', '一线']

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'
const withCheck = (first17: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * W[i]!
  return first17 + CHECK[sum % 11]!
}

/** mulberry32: a small seeded PRNG, enough for synthetic data. */
const random = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pad2 = (n: number): string => String(n).padStart(2, '0')
/** Regions × 36 birth years × 12 months × 28 days. */
const COMBINATIONS = 6 * 36 * 12 * 28

/** Writes the file; resolves with the rows and people written. */
export const writeRegistryFile = async (path: string, rows: number, seed = 2026): Promise<{ rows: number; people: number; bytes: number }> => {
  for (const s of [...SURNAMES, ...GIVEN, ...DISTRICTS.map((d) => d[1]), ...OCCUPATIONS.map((o) => o[1]), ...LEVELS, ...ISSUERS, ...EDUCATION, ...HEADER, employerName(1), '是否'])
    checkRoundTrip(s)
  const rnd = random(seed)
  const pick = <T>(xs: ReadonlyArray<T>): T => xs[Math.floor(rnd() * xs.length)]!
  const out = createWriteStream(path)
  let bytes = 0
  const write = async (line: string): Promise<void> => {
    const b = gb18030(`${line}\r\n`)
    bytes += b.length
    if (!out.write(b)) await once(out, 'drain')
  }
  await write(HEADER.join(','))
  let written = 0
  let people = 0
  while (written < rows) {
    // person p gets a distinct (region, birth date, sequence): p walks the 72,576 region-and-date
    // combinations in a scattered order (7,919 is coprime to their count), the sequence counts laps
    const k = (people * 7919) % COMBINATIONS
    const sequence = Math.floor(people / COMBINATIONS)
    people++
    const [region, district] = DISTRICTS[k % DISTRICTS.length]!
    const rest = Math.floor(k / DISTRICTS.length)
    const day = 1 + (rest % 28)
    const month = 1 + (Math.floor(rest / 28) % 12)
    const year = 1965 + Math.floor(rest / 336)
    const id = withCheck(`${region}${year}${pad2(month)}${pad2(day)}${String(sequence).padStart(3, '0')}`)
    const name = pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.6 ? pick(GIVEN) : '')
    const [occupation, occupationName] = pick(OCCUPATIONS)
    const since = year + 18 + Math.floor(rnd() * 4)
    const certificates = Math.min(rows - written, rnd() < 0.7 ? 1 : rnd() < 0.7 ? 2 : 3)
    const top = Math.min(4, certificates - 1 + Math.floor(rnd() * 3))
    const levels = Array.from({ length: certificates }, (_, i) => top - (certificates - 1 - i)).sort(() => rnd() - 0.5)
    const employer = 1 + Math.floor(rnd() * EMPLOYERS)
    const education = pick(EDUCATION)
    const frontLine = rnd() < 0.8 ? '是' : '否'
    for (const level of levels) {
      const issued = Math.min(2025, since + 1 + level * 3 + Math.floor(rnd() * 3))
      await write(
        [name, id, occupation, occupationName, LEVELS[level]!, `LYG-${issued}-${String(written).padStart(7, '0')}`, `${issued}-${pad2(1 + Math.floor(rnd() * 12))}-${pad2(1 + Math.floor(rnd() * 28))}`,
          pick(ISSUERS), employerName(employer), district, `${since}-07-01`, education, frontLine].join(','),
      )
      written++
    }
  }
  out.end()
  await once(out, 'finish')
  return { rows: written, people, bytes }
}

/** The organisations file (JSON Lines for `apply`) registering the generated employers. */
export const employersJsonl = (): string =>
  Array.from({ length: EMPLOYERS }, (_, k) =>
    JSON.stringify({ type: 'RegisterOrganization', actor: { id: 'hr-bureau', role: 'hr-bureau' }, data: { organizationId: `employer-${pad2(k + 1)}`, kind: 'employer', name: employerName(k + 1) } }),
  ).join('\n') + '\n'
