/**
 * Honours on the city dashboard (DOMAIN.md §14, §16): per catalogued honour and year, the reported
 * list of recipients (`ReportHonourList`), how many of them the ledger holds, and how many of those
 * were high-skilled on the day they were honoured; the high-skilled share is that count over the
 * reported list (`null` without a list), also by grade and overall, against the policy's
 * `targets.honoursHighSkilledSharePercent` (unset: `target` and `met` null).
 *
 * Like the dashboard, the projection keeps only dated facts, so one state answers for any `asOf`:
 * an honour counts from its `on`, a list from the end of its year, a certificate from its `on` until
 * a revocation dated on or before the honour. Free-text honours outside the catalogue (kind
 * `other`, and those written before it) have no list to be measured against and are not counted.
 */
import { yearOf } from '../kernel/dates.js'
import type { Projection } from '../kernel/projection.js'
import { keepEntry, ownEntry } from '../kernel/own-keys.js'
import type { LedgerEvent } from '../domain/events.js'
import type { AdoptedPolicy } from '../policy/document.js'
import { policyInForce } from '../policy/registry.js'
import { isHighSkilled } from '../vocabulary/ladder.js'
import { atLeastRatio, ratio, ratioOfDecimal } from './exact-ratio.js'
import { talentStanding } from './city-dashboard.js'
import { applyCertificateEvent, CERTIFICATE_EVENT_TYPES, type DatedCertificate } from './dated-certificates.js'

/** What the honour figures remember of the log (updated in place by `apply`). */
export interface HonourFiguresState {
  /** Each talent's certificates with their dates (to judge "high-skilled that day"). */
  readonly certificates: Record<string, DatedCertificate[]>
  /** Catalogued honours conferred, keyed `honourId/year/talentId` (one talent counts once a year). */
  readonly conferred: Record<string, { readonly honourId: string; readonly grade: string; readonly talentId: string; readonly on: string }>
  /** Reported recipients keyed `honourId/year` (a later figure corrects an earlier one). */
  readonly lists: Record<string, { readonly honourId: string; readonly year: number; readonly recipients: number }>
  readonly policies: AdoptedPolicy[]
}

/** The counts of one honour (or grade, or all) in one year. */
export interface HonourCounts {
  readonly year: number
  /** The reported list's size; null when no list was reported. */
  readonly reported: number | null
  readonly inLedger: number
  readonly highSkilled: number
  /** `highSkilled` ÷ `reported` in %, rounded to 2 decimals; null without a list. */
  readonly highSkilledSharePercent: number | null
}

/** One row of `honours`. */
export interface HonourRow extends HonourCounts {
  readonly honourId: string
  readonly grade: string
}

/** The report's additions: one row per honour and year, and the shares by grade and overall. */
export interface HonourFigures {
  readonly honours: ReadonlyArray<HonourRow>
  readonly honourShares: {
    /** The policy's target in %, null while unset. */
    readonly target: number | null
    /** The latest year's overall share against the target (exact); null without a target or a list. */
    readonly met: boolean | null
    readonly byGrade: ReadonlyArray<HonourCounts & { readonly grade: string }>
    /** Only honours with a reported list count here (a share needs its list). */
    readonly overall: ReadonlyArray<HonourCounts>
  }
}

/** The honour-figures projection (dated facts, updated in place; the figures are computed on read). */
export const honourFiguresProjection: Projection<HonourFiguresState, LedgerEvent> = {
  name: 'honour-figures',
  // the types apply reads: a rebuild skips the rest undecoded (projection-event-types test)
  eventTypes: new Set<LedgerEvent['type']>([...CERTIFICATE_EVENT_TYPES, 'HonorConferred', 'HonourListReported', 'PolicyAdopted']),
  initialState: () => ({ certificates: {}, conferred: {}, lists: {}, policies: [] }),
  apply: (s, e) => {
    if (applyCertificateEvent(s.certificates, e)) return s
    switch (e.type) {
      case 'HonorConferred': {
        const { honourId, grade, talentId, on } = e.data
        if (honourId === null) break
        const key = `${honourId}/${yearOf(on)}/${talentId}`
        const earlier = ownEntry(s.conferred, key)
        // a talent given the honour twice in a year (two contests) counts once, from the first day
        if (earlier === undefined || on < earlier.on) keepEntry(s.conferred, key, { honourId, grade, talentId, on })
        break
      }
      case 'HonourListReported':
        keepEntry(s.lists, `${e.data.honourId}/${e.data.year}`, { honourId: e.data.honourId, year: e.data.year, recipients: e.data.recipients })
        break
      case 'PolicyAdopted':
        s.policies.push({ policyId: e.data.policyId, effectiveFrom: e.data.effectiveFrom, document: e.data.document })
        break
      default:
        break
    }
    return s
  },
}

const percent = (part: number, whole: number | null): number | null => (whole === null || whole === 0 ? null : Math.round((part / whole) * 10_000) / 100)

interface Tally {
  reported: number | null
  inLedger: number
  highSkilled: number
}

const counts = (year: number, t: Tally): HonourCounts => ({ year, reported: t.reported, inLedger: t.inLedger, highSkilled: t.highSkilled, highSkilledSharePercent: percent(t.highSkilled, t.reported) })

/** The figures as of `asOf`: rows sorted by honour and year, shares by grade and year, overall by year. */
export const honourFigures = (s: HonourFiguresState, asOf: string): HonourFigures => {
  const rows = new Map<string, Tally & { honourId: string; grade: string; year: number }>()
  const row = (honourId: string, year: number, grade: () => string) => {
    const key = `${honourId}/${year}`
    let r = rows.get(key)
    if (r === undefined) rows.set(key, (r = { honourId, year, grade: grade(), reported: null, inLedger: 0, highSkilled: 0 }))
    return r
  }
  for (const c of Object.values(s.conferred)) {
    if (c.on > asOf) continue
    const r = row(c.honourId, yearOf(c.on), () => c.grade)
    r.inLedger++
    if (isHighSkilled(talentStanding(ownEntry(s.certificates, c.talentId) ?? [], c.on).level)) r.highSkilled++
  }
  for (const l of Object.values(s.lists)) {
    if (`${l.year}-12-31` > asOf) continue
    // a list with nobody in the ledger yet: its grade from the catalogue in force at the year's end
    const gradeOf = () => policyInForce(s.policies, `${l.year}-12-31`).document.honours?.catalogue.find((h) => h.honourId === l.honourId)?.grade ?? 'unknown'
    row(l.honourId, l.year, gradeOf).reported = l.recipients
  }
  const honours = [...rows.values()]
    .sort((a, b) => (a.honourId < b.honourId ? -1 : a.honourId > b.honourId ? 1 : a.year - b.year))
    .map((r) => ({ honourId: r.honourId, grade: r.grade, ...counts(r.year, r) }))

  // by grade and overall: only honours with a list (a share needs its denominator)
  const byGrade = new Map<string, Tally & { grade: string; year: number }>()
  const overall = new Map<number, Tally>()
  for (const r of honours) {
    if (r.reported === null) continue
    const g = byGrade.get(`${r.grade}/${r.year}`) ?? { grade: r.grade, year: r.year, reported: 0, inLedger: 0, highSkilled: 0 }
    const o = overall.get(r.year) ?? { reported: 0, inLedger: 0, highSkilled: 0 }
    for (const t of [g, o]) {
      t.reported = (t.reported ?? 0) + r.reported
      t.inLedger += r.inLedger
      t.highSkilled += r.highSkilled
    }
    byGrade.set(`${r.grade}/${r.year}`, g)
    overall.set(r.year, o)
  }
  const overallRows = [...overall.entries()].sort(([a], [b]) => a - b).map(([year, t]) => counts(year, t))
  const target = policyInForce(s.policies, asOf).document.targets.honoursHighSkilledSharePercent ?? null
  const latest = overallRows[overallRows.length - 1]
  // judged exactly, never on the rounded percentage
  const met = target === null || latest === undefined || latest.reported === null || latest.reported === 0 ? null : atLeastRatio(ratio(latest.highSkilled * 100, latest.reported), ratioOfDecimal(target))
  return {
    honours,
    honourShares: {
      target,
      met,
      byGrade: [...byGrade.values()]
        .sort((a, b) => (a.grade < b.grade ? -1 : a.grade > b.grade ? 1 : a.year - b.year))
        .map((g) => ({ grade: g.grade, ...counts(g.year, g) })),
      overall: overallRows,
    },
  }
}
