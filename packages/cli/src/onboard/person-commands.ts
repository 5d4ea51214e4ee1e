/**
 * The rows of one person fold into one talent: a chunk's rows are grouped by talent id (first seen
 * first), each person's certificates ordered lowest level first so the highest is recorded last,
 * and the person gets one RegisterTalent (facts from the highest-level row) ahead of them. A file's
 * rows of one person reach one chunk together (person-order.ts); a person met again on a rerun, or
 * in another file, gets the RegisterTalent again: the ledger answers `Duplicate` and stores nothing,
 * which is how a rerun adds nothing.
 */
import { rank } from '@talent-ledger/core'
import type { RowPlan } from './row-plan.js'

/** One person of a chunk: the registration, then one certificate command per row (same order as `rows`). */
export interface PersonCommands {
  readonly talentId: string
  readonly rows: ReadonlyArray<RowPlan>
  readonly register: unknown
  readonly certificates: ReadonlyArray<unknown>
}

/** Who the commands are issued as, and the registration date of new talents. */
export interface IssueAs {
  readonly actorId: string
  readonly registeredOn: string
}

/** The RecordPriorCertificate of one row. */
export const certificateCommand = (plan: RowPlan, as: IssueAs): unknown => ({
  type: 'RecordPriorCertificate',
  actor: { id: as.actorId, role: 'hr-bureau' },
  data: { talentId: plan.talentId, ...plan.certificate },
})

const earliest = (dates: ReadonlyArray<string>): string => dates.reduce((a, b) => (b < a ? b : a))

/** Groups a chunk's readable rows by person and builds their commands. */
export const personCommands = (plans: ReadonlyArray<RowPlan>, as: IssueAs): ReadonlyArray<PersonCommands> => {
  const groups = new Map<string, RowPlan[]>()
  for (const p of plans) {
    const group = groups.get(p.talentId)
    if (group === undefined) groups.set(p.talentId, [p])
    else group.push(p)
  }
  const actor = { id: as.actorId, role: 'hr-bureau' }
  return [...groups.entries()].map(([talentId, group]) => {
    // stable sort: rows of one level keep the file's order
    const rows = [...group].sort((a, b) => rank(a.certificate.level) - rank(b.certificate.level))
    const top = rows[rows.length - 1]!
    const stated = rows.map((r) => r.person.occupationSince).filter((d): d is string => d !== null)
    // without 参加工作时间 the earliest certificate bounds the years in the occupation from below
    const occupationSince = earliest(stated.length > 0 ? stated : rows.map((r) => r.certificate.issuedOn))
    const p = top.person
    const register = {
      type: 'RegisterTalent',
      actor,
      data: {
        talentId,
        name: p.name,
        nationalId: p.nationalId,
        birthDate: p.birthDate,
        occupation: top.certificate.occupation,
        occupationSince,
        education: p.education,
        employerId: p.employerId,
        district: p.district,
        frontLine: p.frontLine,
        registeredOn: as.registeredOn,
      },
    }
    const certificates = rows.map((r) => certificateCommand(r, as))
    return { talentId, rows, register, certificates }
  })
}
