/**
 * The carriers' outputs (DOMAIN.md §10, §16 `carrierOutputs`, `programmeOutputs`) recounted from
 * each talent's own events up to the report date: per programme opened by then, the talents whose
 * enrolment in it matches it (kind, field, provider, not before it opened), those who completed it,
 * and their valid certificates whose assessment named the programme; per carrier, the sums over its
 * programmes and its master on the date. Part of invariant 7 (dashboard-matches-recount.ts).
 */
import { carrierOutputFigures, carrierOutputsProjection, project, type TalentEvent, type TalentState } from '@talent-ledger/core'
import type { PureRun, TalentCategoryUnderTest } from './pure-ledger.js'

type Counts = { enrolled: number; completed: number; certified: number; certifiedByLevel: Record<string, number> }

/** The differences between the projection's rows and the recount as of `asOf`, described. */
export const recountCarrierOutputs = (run: PureRun, talent: TalentCategoryUnderTest, asOf: string): string[] => {
  const states = new Map<string, TalentState>()
  for (const { stream, event, occurredOn } of run.log)
    if (stream.startsWith('talent-') && occurredOn <= asOf) states.set(stream, talent.evolve(states.get(stream) ?? talent.initialState, event as TalentEvent))
  const programmes = new Map<string, { carrierId: string | null; kind: string; field: string; providerId: string; on: string }>()
  const masters = new Map<string, { talentId: string; on: string } | null>()
  const carriers = new Map<string, { kind: string; grade: string | null }>()
  for (const { event } of run.log) {
    if (event.type === 'ProgrammeOpened' && event.data.on <= asOf) programmes.set(event.data.programId, event.data)
    if (event.type === 'CarrierDesignated' && event.data.on <= asOf) {
      carriers.set(event.data.carrierId, { kind: event.data.kind, grade: event.data.grade ?? null })
      masters.set(event.data.carrierId, event.data.masterTalentId === undefined ? null : { talentId: event.data.masterTalentId, on: event.data.on })
    }
    if (event.type === 'StudioMasterLinked' && event.data.on <= asOf && masters.has(event.data.carrierId)) {
      const now = masters.get(event.data.carrierId)
      if (now === null || now === undefined || event.data.on >= now.on) masters.set(event.data.carrierId, { talentId: event.data.talentId, on: event.data.on })
    }
  }
  const counts = new Map<string, Counts>([...programmes.keys()].map((id) => [id, { enrolled: 0, completed: 0, certified: 0, certifiedByLevel: {} }]))
  for (const s of states.values()) {
    for (const [programId, t] of Object.entries(s.trainings)) {
      const p = programmes.get(programId)
      if (p === undefined || t.kind !== p.kind || t.field !== p.field || t.providerId !== p.providerId || t.startedOn < p.on) continue
      counts.get(programId)!.enrolled++
      if (t.completedOn !== null) counts.get(programId)!.completed++
    }
    for (const c of s.certificates) {
      const assessment = s.assessments[c.source]
      const programId = assessment?.passed === true ? assessment.programId : undefined
      if (c.revoked !== null || programId === undefined || !counts.has(programId)) continue
      const n = counts.get(programId)!
      n.certified++
      n.certifiedByLevel[c.level] = (n.certifiedByLevel[c.level] ?? 0) + 1
    }
  }
  const sum = (ids: string[]): Counts => {
    const total: Counts = { enrolled: 0, completed: 0, certified: 0, certifiedByLevel: {} }
    for (const id of ids) {
      const n = counts.get(id)!
      total.enrolled += n.enrolled
      total.completed += n.completed
      total.certified += n.certified
      for (const [l, k] of Object.entries(n.certifiedByLevel)) total.certifiedByLevel[l] = (total.certifiedByLevel[l] ?? 0) + k
    }
    return total
  }
  // compared as sets of rows, levels in any order
  const key = (o: Record<string, unknown>): string => JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, typeof v === 'object' && v !== null ? Object.entries(v).sort() : v]))
  const expected = [
    ...[...carriers].map(([carrierId, c]) => {
      const mine = [...programmes].filter(([, p]) => p.carrierId === carrierId).map(([id]) => id)
      return { carrierId, kind: c.kind, grade: c.grade, masterTalentId: masters.get(carrierId)?.talentId ?? null, programmes: mine.length, ...sum(mine) }
    }),
    ...[...programmes].map(([programId, p]) => ({ programId, carrierId: p.carrierId, kind: p.kind, field: p.field, ...sum([programId]) })),
  ].map(key)
  const figures = carrierOutputFigures(project(carrierOutputsProjection, run.log.map((l) => l.event)), asOf)
  const reported = [
    ...figures.carrierOutputs.map((r) => ({ ...r })),
    ...figures.programmeOutputs.map(({ programId, carrierId, kind, field, enrolled, completed, certified, certifiedByLevel }) => ({ programId, carrierId, kind, field, enrolled, completed, certified, certifiedByLevel })),
  ].map(key)
  const missing = expected.filter((e) => !reported.includes(e))
  const extra = reported.filter((r) => !expected.includes(r))
  return missing.length === 0 && extra.length === 0 ? [] : [`as of ${asOf}, carrier outputs: the report has ${JSON.stringify(extra)}, the talents say ${JSON.stringify(missing)}`]
}
