/**
 * One row of a registry export read into what the ledger will be asked: the person (talent id,
 * registration facts) and the certificate. A row that cannot even be read that far (a missing cell,
 * an ID number with a wrong check digit, a level or date in no known form) is refused here with its
 * reason, personal values masked; everything else is the ledger's to judge, through its deciders.
 */
import { OccupationCode, birthDateInId, isLocalDate, isNationalId, maskIdentifier, type CertifiedLevel, type Education } from '@talent-ledger/core'
import { dateOf, educationOf, frontLineOf, levelOf } from './cell-forms.js'
import type { Field, Layout } from './columns.js'
import type { EmployerOf } from './employers.js'
import type { TalentIdOf } from './talent-ids.js'

/** Why a row was refused: a short key for the summary, a message for people (no personal data in clear). */
export interface Refusal {
  readonly reason: string
  readonly message: string
}

/** A row read into ledger terms. */
export interface RowPlan {
  readonly line: number
  readonly talentId: string
  readonly person: {
    readonly name: string
    readonly nationalId: string
    readonly birthDate: string
    readonly employerId: string
    readonly district: string
    readonly occupationSince: string | null
    readonly education: Education
    readonly frontLine: boolean
  }
  readonly certificate: {
    readonly certificateNumber: string
    readonly level: CertifiedLevel
    readonly occupation: string
    readonly issuedOn: string
    readonly issuer: string
    /** 职业(工种) as the row writes it, stored on the certificate for display; absent when the cell is empty. */
    readonly occupationName?: string
  }
}

/** Everything a row needs besides its cells. */
export interface RowContext {
  readonly layout: Layout
  readonly talentIdOf: TalentIdOf
  readonly employerOf: EmployerOf
}

const refuse = (reason: string, message: string): { readonly refusal: Refusal } => ({ refusal: { reason, message } })

/** Reads one data row; `{ plan }` or `{ refusal }`. */
export const planRow = (line: number, cells: ReadonlyArray<string>, ctx: RowContext): { readonly plan: RowPlan } | { readonly refusal: Refusal } => {
  const cell = (f: Field): string => {
    const i = ctx.layout[f]
    return i === undefined ? '' : (cells[i] ?? '').trim()
  }
  const required: ReadonlyArray<Field> = ['name', 'nationalId', 'occupation', 'level', 'certificateNumber', 'issuedOn', 'issuer', 'employerId', 'district']
  const empty = required.filter((f) => cell(f) === '')
  if (empty.length > 0) return refuse(`missing ${empty[0]!}`, `empty ${empty.join(', ')}`)
  const nationalId = cell('nationalId').toUpperCase()
  if (!isNationalId(nationalId)) return refuse('invalid nationalId', `nationalId ${maskIdentifier(nationalId)} is not an 18-character ID number with a valid check digit (in a spreadsheet, keep the column as text)`)
  const birthDate = birthDateInId(nationalId)
  if (!isLocalDate(birthDate)) return refuse('invalid nationalId', `nationalId ${maskIdentifier(nationalId)}: digits 7–14 are not a real birth date`)
  const level = levelOf(cell('level'))
  if (level === null) return refuse('unknown level', `level ${JSON.stringify(cell('level'))} is none of 五级…一级, 初级工…高级技师 or a ladder code`)
  const occupation = cell('occupation')
  if (!OccupationCode.is(occupation)) return refuse('invalid occupation', `occupation ${JSON.stringify(occupation)} is not an occupation code like 6-18-01-01`)
  const issuedOn = dateOf(cell('issuedOn'))
  if (issuedOn === null) return refuse('invalid issuedOn', `issuedOn ${JSON.stringify(cell('issuedOn'))} is not a date`)
  const since = cell('occupationSince')
  const occupationSince = since === '' ? null : dateOf(since)
  if (occupationSince === null && since !== '') return refuse('invalid occupationSince', `occupationSince ${JSON.stringify(since)} is not a date`)
  const education = educationOf(cell('education'))
  if (education === null) return refuse('unknown education', `education ${JSON.stringify(cell('education'))} is not a known 学历`)
  const occupationName = cell('occupationName')
  const frontLine = frontLineOf(cell('frontLine'))
  if (frontLine === null) return refuse('unknown frontLine', `frontLine ${JSON.stringify(cell('frontLine'))} is not 是/否`)
  return {
    plan: {
      line,
      talentId: ctx.talentIdOf(nationalId),
      person: { name: cell('name'), nationalId, birthDate, employerId: ctx.employerOf(cell('employerId')), district: cell('district'), occupationSince, education, frontLine },
      certificate: { certificateNumber: cell('certificateNumber'), level, occupation, issuedOn, issuer: cell('issuer'), ...(occupationName === '' ? {} : { occupationName }) },
    },
  }
}
