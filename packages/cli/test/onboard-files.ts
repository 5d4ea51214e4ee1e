// Synthetic registry exports for the onboarding tests: people with valid ID numbers (region 3207xx,
// a birth date, a sequence, the check digit) and invented names, written as CSV in UTF-8 (with or
// without BOM) or GB18030, or as an .xlsx workbook. No real person is described.
import { writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { nationalIdCheckChar } from '@talent-ledger/core'

/** A valid ID number for region, birth date (YYYYMMDD) and a 3-digit sequence. */
export const idNumber = (region: string, birth: string, seq: string): string => `${region}${birth}${seq}${nationalIdCheckChar(`${region}${birth}${seq}`)}`

/** The Chinese header row of the national certificate system's export. */
export const CHINESE_HEADER = ['姓名', '证件号码', '职业编码', '职业(工种)', '等级', '证书编号', '发证日期', '评价机构', '工作单位', '区县', '参加工作时间', '学历', '一线']
/** The same columns under the ledger's English field names. */
export const ENGLISH_HEADER = ['name', 'nationalId', 'occupation', 'occupationName', 'level', 'certificateNumber', 'issuedOn', 'issuer', 'employerId', 'district', 'occupationSince', 'education', 'frontLine']

/** The employers the rows name (by id and by name), registered with `apply` before onboarding. */
export const EMPLOYERS_JSONL =
  [
    { organizationId: 'port-co', name: '连云港港口集团' },
    { organizationId: 'steel-co', name: '连云港钢铁公司' },
  ]
    .map((o) => JSON.stringify({ type: 'RegisterOrganization', actor: { id: 'hr-bureau', role: 'hr-bureau' }, data: { ...o, kind: 'employer' } }))
    .join('\n') + '\n'

/** Person n (0-based): a stable ID number (born 1970 + n % 25) and name. */
export const person = (n: number): { readonly id: string; readonly name: string } => ({
  id: idNumber('320706', `19${70 + (n % 25)}0${1 + (n % 9)}1${n % 10}`, String(100 + n).slice(-3)),
  name: `测试${'甲乙丙丁戊己庚辛壬癸'[n % 10]!}${'一二三四五六七八九十'[Math.floor(n / 10) % 10]!}`,
})

/** A data row (Chinese header order): person n's certificate at `level`. */
export const row = (n: number, level: string, certificateNumber: string, issuedOn: string, extra: Partial<{ employer: string; occupationSince: string }> = {}): string[] => [
  person(n).name,
  person(n).id,
  '6-18-02-04',
  '港口装卸机械司机',
  level,
  certificateNumber,
  issuedOn,
  '连云港市职业技能鉴定中心',
  extra.employer ?? 'port-co',
  '海州区',
  extra.occupationSince ?? `${1970 + (n % 25) + 18}-07-01`,
  '技工学校',
  '是',
]

const csvLine = (cells: ReadonlyArray<string>): string => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')

/** CSV text of a header and rows (CRLF, as office software writes). */
export const csvText = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => [header, ...rows].map(csvLine).join('\r\n') + '\r\n'

/** Writes CSV in `encoding`: utf-8, utf-8-bom or gb18030. */
export const writeCsv = (file: string, header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>, encoding: 'utf-8' | 'utf-8-bom' | 'gb18030'): void => {
  const text = csvText(header, rows)
  writeFileSync(file, encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : encoding === 'utf-8-bom' ? `\uFEFF${text}` : text)
}

/** Writes an .xlsx workbook, cells as given (strings stay text, as ID numbers must in a spreadsheet). */
export const writeXlsx = async (file: string, header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number | Date>>): Promise<void> => {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('人才')
  sheet.addRow([...header])
  for (const r of rows) sheet.addRow([...r])
  await workbook.xlsx.writeFile(file)
}
