/**
 * Senior posts on the city dashboard (DOMAIN.md §12, §16 `seniorPosts`): the principal and chief
 * technician posts in force by employer and level on the report date, with the quota in force then
 * (null: none set). Posts are read from the talents' streams (an appointment of 0.1 is an
 * open-ended post), quotas from the employers'; only dated facts are kept, so one state answers
 * for any `asOf`, the same inline or rebuilt.
 */
import type { Projection } from '../kernel/projection.js'
import { entryOrKept, ownEntry } from '../kernel/own-keys.js'
import type { LedgerEvent } from '../domain/events.js'

interface DatedPost {
  readonly employerId: string
  readonly level: string
  readonly on: string
  expiresOn: string | null
  endedOn: string | null
}

/** What the senior-post figures remember of the log (updated in place by `apply`). */
export interface SeniorPostsState {
  /** Posts of each talent, in appointment order. */
  readonly posts: Record<string, DatedPost[]>
  /** Quotas set, keyed `employerId/level`, in log order. */
  readonly quotas: Record<string, Array<{ readonly on: string; readonly posts: number }>>
}

/** One row of `seniorPosts`. */
export interface SeniorPostRow {
  readonly employerId: string
  readonly level: string
  /** Posts in force on the report date. */
  readonly inForce: number
  /** The quota in force on the report date; null: none set. */
  readonly quota: number | null
}

/** The report's addition. */
export interface SeniorPostFigures {
  readonly seniorPosts: ReadonlyArray<SeniorPostRow>
}

const latestOpen = (posts: DatedPost[], employerId: string, level: string): DatedPost | undefined =>
  [...posts].reverse().find((p) => p.employerId === employerId && p.level === level && p.endedOn === null)

/** The senior-post projection. */
export const seniorPostsProjection: Projection<SeniorPostsState, LedgerEvent> = {
  name: 'senior-posts',
  // the types apply reads: a rebuild skips the rest undecoded (projection-event-types test)
  eventTypes: new Set<LedgerEvent['type']>(['SeniorPostAppointed', 'SeniorPostRenewed', 'SeniorPostEnded', 'EmployerChanged', 'TalentReleased', 'SeniorPostQuotaSet']),
  initialState: () => ({ posts: {}, quotas: {} }),
  apply: (s, e) => {
    switch (e.type) {
      case 'SeniorPostAppointed':
        entryOrKept(s.posts, e.data.talentId, () => []).push({ employerId: e.data.employerId, level: e.data.level, on: e.data.on, expiresOn: e.data.expiresOn, endedOn: null })
        break
      case 'SeniorPostRenewed': {
        const p = latestOpen(ownEntry(s.posts, e.data.talentId) ?? [], e.data.employerId, e.data.level)
        if (p !== undefined) p.expiresOn = e.data.expiresOn
        break
      }
      case 'SeniorPostEnded': {
        const p = latestOpen(ownEntry(s.posts, e.data.talentId) ?? [], e.data.employerId, e.data.level)
        if (p !== undefined) p.endedOn = e.data.on
        break
      }
      case 'EmployerChanged':
      case 'TalentReleased':
        for (const p of ownEntry(s.posts, e.data.talentId) ?? []) if (p.endedOn === null) p.endedOn = e.data.on
        break
      case 'SeniorPostQuotaSet':
        entryOrKept(s.quotas, `${e.data.organizationId}/${e.data.level}`, () => []).push({ on: e.data.on, posts: e.data.posts })
        break
      default:
        break
    }
    return s
  },
}

/** The rows as of `asOf`, sorted by employer and level: every employer and level with a post in force or a quota set. */
export const seniorPostFigures = (s: SeniorPostsState, asOf: string): SeniorPostFigures => {
  const rows = new Map<string, { employerId: string; level: string; inForce: number; quota: number | null }>()
  const row = (employerId: string, level: string) => {
    const key = `${employerId}/${level}`
    let r = rows.get(key)
    if (r === undefined) rows.set(key, (r = { employerId, level, inForce: 0, quota: null }))
    return r
  }
  for (const posts of Object.values(s.posts))
    for (const p of posts)
      if (p.on <= asOf && (p.expiresOn === null || asOf < p.expiresOn) && (p.endedOn === null || asOf < p.endedOn)) row(p.employerId, p.level).inForce++
  for (const [key, quotas] of Object.entries(s.quotas)) {
    let best: { on: string; posts: number } | null = null
    for (const q of quotas) if (q.on <= asOf && (best === null || q.on >= best.on)) best = q
    if (best === null) continue
    const [employerId, level] = [key.slice(0, key.lastIndexOf('/')), key.slice(key.lastIndexOf('/') + 1)]
    row(employerId, level).quota = best.posts
  }
  const order = (a: SeniorPostRow, b: SeniorPostRow): number => (a.employerId < b.employerId ? -1 : a.employerId > b.employerId ? 1 : a.level < b.level ? -1 : a.level > b.level ? 1 : 0)
  return { seniorPosts: [...rows.values()].sort(order) }
}
