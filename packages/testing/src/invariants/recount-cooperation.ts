/**
 * The cooperation figures (DOMAIN.md §11, §16) recounted from the talents themselves: as of a date,
 * each agreement's trainings enrolled and completed and its hires from each talent's own events up
 * to that date, and each school's teachers (and how many are high-skilled) from each talent's state
 * folded as of that date. The dashboard must say the same (`dashboardMatchesRecount`).
 */
import { isHighSkilled, type CooperationFigures, type TalentEvent, type TalentState } from '@talent-ledger/core'
import { highestCertified } from './eligibility.js'
import type { PureRun, TalentCategoryUnderTest } from './pure-ledger.js'

/** Differences between the reported figures and the recount as of `asOf`, described. */
export const cooperationDifferences = (run: PureRun, talent: TalentCategoryUnderTest, asOf: string, reported: CooperationFigures): string[] => {
  const agreements = new Map<string, { agreementId: string; kind: string; enrolled: number; completed: number; hiredByPartner: number }>()
  for (const { event } of run.log)
    if (event.type === 'AgreementRegistered' && event.data.on <= asOf)
      agreements.set(event.data.agreementId, { agreementId: event.data.agreementId, kind: event.data.kind, enrolled: 0, completed: 0, hiredByPartner: 0 })
  const states = new Map<string, TalentState>()
  for (const { stream, event, occurredOn } of run.log) {
    if (!stream.startsWith('talent-') || occurredOn > asOf) continue
    states.set(stream, talent.evolve(states.get(stream) ?? talent.initialState, event as TalentEvent))
    if (event.type === 'EmployerChanged' && event.data.agreementId !== undefined) {
      const row = agreements.get(event.data.agreementId)
      if (row !== undefined) row.hiredByPartner++
    }
  }
  const schools = new Map<string, { schoolId: string; total: number; highSkilled: number }>()
  for (const s of states.values()) {
    for (const t of Object.values(s.trainings)) {
      const row = t.agreementId === undefined ? undefined : agreements.get(t.agreementId)
      if (row === undefined) continue
      row.enrolled++
      if (t.completedOn !== null) row.completed++
    }
    if (!s.registered || s.relation !== 'teacher' || s.employerId === '') continue
    const school = schools.get(s.employerId) ?? { schoolId: s.employerId, total: 0, highSkilled: 0 }
    schools.set(s.employerId, { ...school, total: school.total + 1, highSkilled: school.highSkilled + (isHighSkilled(highestCertified(s)) ? 1 : 0) })
  }
  const byId = <T extends object>(rows: Iterable<T>, key: (r: T) => string): T[] => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  const bySchool = byId(schools.values(), (r) => r.schoolId)
  const expected: CooperationFigures = {
    agreements: byId(agreements.values(), (r) => r.agreementId),
    teachers: { total: bySchool.reduce((n, r) => n + r.total, 0), highSkilled: bySchool.reduce((n, r) => n + r.highSkilled, 0), bySchool },
  }
  return JSON.stringify(reported) === JSON.stringify(expected) ? [] : [`as of ${asOf}, cooperation: the dashboard says ${JSON.stringify(reported)}, the talents say ${JSON.stringify(expected)}`]
}
