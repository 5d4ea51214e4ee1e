/**
 * Money on the city dashboard (DOMAIN.md §16): benefit grants summed by kind, year and district,
 * in fen, with the part flagged for review after a certificate revocation. Like the dashboard,
 * the projection keeps only dated facts, so one state answers for any `asOf`: a grant counts from
 * its `on`, a flag from the revocation's `on`.
 *
 * The district is the one on the talent's record (its registration): the ledger records no move
 * between districts, so that is also the district at the time of every grant.
 */
import type { Projection } from '../kernel/projection.js'
import { keepEntry, ownEntry } from '../kernel/own-keys.js'
import type { LedgerEvent } from '../domain/events.js'
import { yearOf } from '../kernel/dates.js'
import { BenefitKind } from '../vocabulary/terms.js'
import { entryOf, setEntry, type ByTalent } from './by-talent.js'

interface DatedGrant {
  readonly benefit: string
  readonly on: string
  readonly district: string
  readonly amount: number
  /** The earliest revocation that flagged the grant; `null` while none has. */
  flaggedOn: string | null
}

/** What the benefit figures remember of the log (updated in place by `apply`). */
export interface BenefitFiguresState {
  /** District of each registered talent. */
  readonly districts: Record<string, string>
  /** Grants by talent, then by grant id (by-talent.ts). */
  readonly grants: ByTalent<DatedGrant>
}

/** One row of `benefits`: grants of one kind in one year and district, amounts in fen. */
export interface BenefitRow {
  readonly benefit: string
  readonly year: number
  readonly district: string
  readonly grants: number
  readonly amount: number
  readonly flaggedAmount: number
}

/** The report's additions: rows by kind, year and district, and totals in fen by kind. */
export interface BenefitFigures {
  readonly benefits: ReadonlyArray<BenefitRow>
  readonly benefitTotals: Readonly<Record<string, number>>
}

// each kind as the one string the vocabulary holds: the figures group every grant by its kind, and
// a handful of shared strings stay in the cache where each grant's own copy from the log did not
const KINDS = new Map(Object.keys(BenefitKind.keys).map((k) => [k, k]))
const kindOf = (benefit: string): string => KINDS.get(benefit) ?? benefit

/** District of a grant whose talent the log never registered (an import of a partial log). */
export const UNKNOWN_DISTRICT = 'unknown'

/** The benefit-figures projection (dated facts, updated in place; the figures are computed on read). */
export const benefitFiguresProjection: Projection<BenefitFiguresState, LedgerEvent> = {
  // the state's shape is in the name: a state kept inline under the flat shape of before is not resumed but rebuilt
  name: 'benefit-figures/by-talent',
  // the types apply reads: a rebuild skips the rest undecoded
  eventTypes: new Set<LedgerEvent['type']>(['TalentRegistered', 'BenefitGranted', 'CertificateRevoked']),
  initialState: () => ({ districts: {}, grants: {} }),
  apply: (s, e) => {
    if (e.type === 'TalentRegistered') keepEntry(s.districts, e.data.talentId, e.data.district)
    else if (e.type === 'BenefitGranted') {
      const district = ownEntry(s.districts, e.data.talentId) ?? UNKNOWN_DISTRICT
      setEntry(s.grants, e.data.talentId, e.data.grantId, { benefit: kindOf(e.data.benefit), on: e.data.on, district, amount: e.data.amount, flaggedOn: null })
    } else if (e.type === 'CertificateRevoked') {
      for (const id of e.data.flaggedGrants) {
        const g = entryOf(s.grants, e.data.talentId, id)
        // a later revocation (in log order, not necessarily in date order) may be dated earlier
        if (g !== undefined && (g.flaggedOn === null || e.data.on < g.flaggedOn)) g.flaggedOn = e.data.on
      }
    }
    return s
  },
}

type Row = { benefit: string; year: number; district: string; grants: number; amount: number; flaggedAmount: number }

/** The figures as of `asOf`: rows sorted by benefit, year and district; totals by benefit. */
export const benefitFigures = (s: BenefitFiguresState, asOf: string): BenefitFigures => {
  // rows by benefit, then year, then district: a city has hundreds of thousands of grants and a
  // few hundred rows, so each grant finds its row through three small maps and no key is built for it
  const byBenefit = new Map<string, Map<number, Map<string, Row>>>()
  const benefitTotals: Record<string, number> = {}
  // a talent's grants are read one after the other and mostly share a row (one district, a
  // handful of kinds and years): the last row found is tried first, by identity of its strings
  let last: Row | undefined
  // grant by grant, read in place (for…in over own keys, as everyEntry reads them, without its array)
  const grants = s.grants
  for (const talentId in grants) {
    if (!Object.hasOwn(grants, talentId)) continue
    const mine = grants[talentId]!
    for (const grantId in mine) {
      if (!Object.hasOwn(mine, grantId)) continue
      const g = mine[grantId]!
      if (g.on > asOf) continue
      const year = yearOf(g.on)
      let row = last
      if (row === undefined || row.benefit !== g.benefit || row.year !== year || row.district !== g.district) {
        let byYear = byBenefit.get(g.benefit)
        if (byYear === undefined) byBenefit.set(g.benefit, (byYear = new Map()))
        let byDistrict = byYear.get(year)
        if (byDistrict === undefined) byYear.set(year, (byDistrict = new Map()))
        row = byDistrict.get(g.district)
        if (row === undefined) byDistrict.set(g.district, (row = { benefit: g.benefit, year, district: g.district, grants: 0, amount: 0, flaggedAmount: 0 }))
        last = row
      }
      row.grants++
      row.amount += g.amount
      if (g.flaggedOn !== null && g.flaggedOn <= asOf) row.flaggedAmount += g.amount
      keepEntry(benefitTotals, g.benefit, (ownEntry(benefitTotals, g.benefit) ?? 0) + g.amount)
    }
  }
  const rows: Row[] = []
  for (const byYear of byBenefit.values()) for (const byDistrict of byYear.values()) for (const row of byDistrict.values()) rows.push(row)
  const order = (a: BenefitRow, b: BenefitRow): number =>
    a.benefit < b.benefit ? -1 : a.benefit > b.benefit ? 1 : a.year - b.year || (a.district < b.district ? -1 : a.district > b.district ? 1 : 0)
  const sortedTotals = Object.fromEntries(Object.entries(benefitTotals).sort(([a], [b]) => (a < b ? -1 : 1)))
  return { benefits: rows.sort(order), benefitTotals: sortedTotals }
}
