/**
 * The columns of a registry export (人才登记表 / 证书信息导出) and the header names each is known by:
 * the Chinese headers of the national certificate system and office spreadsheets, the English field
 * names of the ledger, and whatever a `--map FILE` adds. Headers are compared after trimming and
 * dropping spaces and full-width brackets, so `职业（工种）` and `职业(工种)` are one column.
 */
import * as t from 'io-ts'

/** The fields a row can carry (the ledger's names). `occupationName` is kept for display only. */
export const FIELDS = [
  'name',
  'nationalId',
  'occupation',
  'occupationName',
  'level',
  'certificateNumber',
  'issuedOn',
  'issuer',
  'employerId',
  'district',
  'occupationSince',
  'education',
  'frontLine',
] as const
/** One field of a row. */
export type Field = (typeof FIELDS)[number]

/** Fields every row needs; the others are optional (a default is documented in docs/onboarding.md). */
export const REQUIRED_FIELDS: ReadonlyArray<Field> = ['name', 'nationalId', 'occupation', 'level', 'certificateNumber', 'issuedOn', 'issuer', 'employerId', 'district']

/** Header names known without a map, per field (the field's own name is always accepted too). */
const KNOWN_HEADERS: Readonly<Record<Field, ReadonlyArray<string>>> = {
  name: ['姓名'],
  nationalId: ['证件号码', '身份证号', '身份证号码', '公民身份号码'],
  occupation: ['职业编码', '职业代码', '职业(工种)编码', '工种编码'],
  occupationName: ['职业(工种)', '职业', '工种', '职业名称', '职业(工种)名称'],
  level: ['等级', '技能等级', '职业技能等级', '证书等级'],
  certificateNumber: ['证书编号', '证书号', '证书号码'],
  issuedOn: ['发证日期', '发证时间', '颁证日期'],
  issuer: ['评价机构', '发证机构', '发证单位', '评价机构名称'],
  employerId: ['工作单位', '单位', '用人单位', '工作单位编号'],
  district: ['区县', '所在区县', '县区'],
  occupationSince: ['参加工作时间', '从业时间', '从事本职业时间'],
  education: ['学历', '文化程度'],
  frontLine: ['一线', '是否一线', '生产一线'],
}

/** A header as compared: no spaces, half-width brackets, lower case. */
export const normalHeader = (header: string): string =>
  header.replace(/[\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase()

/**
 * `--map FILE`: `{"<header in the file>": "<field>"}`, for exports whose headers are none of the
 * known ones. Decoded with io-ts: an unknown field name is refused, naming it.
 */
export const HeaderMap = t.record(t.string, t.keyof(Object.fromEntries(FIELDS.map((f) => [f, null])) as Record<Field, null>, 'Field'), 'HeaderMap')
/** A decoded `--map`. */
export type HeaderMap = t.TypeOf<typeof HeaderMap>

/** Where each field sits in a row: column index per field found. */
export type Layout = Partial<Record<Field, number>>

/** What matching a header row found: the layout, or the required fields no header named. */
export type LayoutResult = { readonly ok: true; readonly layout: Layout } | { readonly ok: false; readonly missing: ReadonlyArray<Field> }

/** Matches a header row against the known names and the map (the map wins). The first column of a field counts. */
export const layoutOf = (headers: ReadonlyArray<string>, map: HeaderMap = {}): LayoutResult => {
  const known = new Map<string, Field>()
  for (const field of FIELDS) for (const h of [field, ...KNOWN_HEADERS[field]]) known.set(normalHeader(h), field)
  for (const [h, field] of Object.entries(map)) known.set(normalHeader(h), field)
  const layout: Layout = {}
  headers.forEach((h, i) => {
    const field = known.get(normalHeader(h))
    if (field !== undefined && layout[field] === undefined) layout[field] = i
  })
  const missing = REQUIRED_FIELDS.filter((f) => layout[f] === undefined)
  return missing.length === 0 ? { ok: true, layout } : { ok: false, missing }
}
