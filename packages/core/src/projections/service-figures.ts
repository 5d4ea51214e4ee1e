/**
 * Services on the city dashboard (DOMAIN.md §15, §16): deliveries per service and calendar year,
 * and how many talents are entitled to each service on the report date (their level then reaches
 * the service's `minLevel` in the policy in force that day). Like the dashboard, the projection keeps
 * only dated facts, so one state answers for any `asOf`.
 */
import { yearOf } from '../kernel/dates.js'
import type { Projection } from '../kernel/projection.js'
import { keepEntry } from '../kernel/own-keys.js'
import type { LedgerEvent } from '../domain/events.js'
import type { AdoptedPolicy } from '../policy/document.js'
import { policyInForce } from '../policy/registry.js'
import { LEVELS, rank, type Level } from '../vocabulary/ladder.js'
import { talentStanding } from './city-dashboard.js'
import { applyCertificateEvent, CERTIFICATE_EVENT_TYPES, type DatedCertificate } from './dated-certificates.js'

/** What the service figures remember of the log (updated in place by `apply`). */
export interface ServiceFiguresState {
  readonly certificates: Record<string, DatedCertificate[]>
  /** Deliveries keyed `talentId/deliveryId`. */
  readonly deliveries: Record<string, { readonly service: string; readonly on: string }>
  readonly policies: AdoptedPolicy[]
}

/** One row of `services`. */
export interface ServiceRow {
  readonly service: string
  readonly year: number
  readonly delivered: number
  /** Talents entitled on the report date (the same on every row of the service); null while `minLevel` is unset. */
  readonly entitledNow: number | null
}

/** The report's addition: one row per service and year of its deliveries, and the report's year. */
export interface ServiceFigures {
  readonly services: ReadonlyArray<ServiceRow>
}

/** The service-figures projection (dated facts, updated in place; the figures are computed on read). */
export const serviceFiguresProjection: Projection<ServiceFiguresState, LedgerEvent> = {
  name: 'service-figures',
  // the types apply reads: a rebuild skips the rest undecoded (projection-event-types test)
  eventTypes: new Set<LedgerEvent['type']>([...CERTIFICATE_EVENT_TYPES, 'ServiceDelivered', 'PolicyAdopted']),
  initialState: () => ({ certificates: {}, deliveries: {}, policies: [] }),
  apply: (s, e) => {
    if (applyCertificateEvent(s.certificates, e)) return s
    switch (e.type) {
      case 'ServiceDelivered':
        keepEntry(s.deliveries, `${e.data.talentId}/${e.data.deliveryId}`, { service: e.data.service, on: e.data.on })
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

/**
 * The figures as of `asOf`, sorted by service and year. Every service the policy in force lists
 * has a row for the report's year (delivered 0 when none), so its entitlement shows.
 */
export const serviceFigures = (s: ServiceFiguresState, asOf: string): ServiceFigures => {
  const entries = policyInForce(s.policies, asOf).document.services ?? []
  // talents by their rank on the report date, counted once: each service's entitlement sums the ranks it admits
  const atRank = new Array<number>(LEVELS.length).fill(0)
  // for…in over own keys (Object.values of a city-sized dictionary builds an array of it)
  const certificates = s.certificates
  for (const talentId in certificates) {
    if (!Object.hasOwn(certificates, talentId)) continue
    const level = talentStanding(certificates[talentId]!, asOf).level
    if (level !== null) atRank[rank(level)]!++
  }
  const atLeast = (minLevel: Level): number => atRank.slice(Math.max(0, rank(minLevel))).reduce((n, k) => n + k, 0)
  const entitled = new Map<string, number | null>(entries.map((e) => [e.service, e.minLevel === null ? null : atLeast(e.minLevel)]))
  const rows = new Map<string, { service: string; year: number; delivered: number }>()
  const row = (service: string, year: number) => {
    const key = `${service}/${year}`
    let r = rows.get(key)
    if (r === undefined) rows.set(key, (r = { service, year, delivered: 0 }))
    return r
  }
  for (const d of Object.values(s.deliveries)) if (d.on <= asOf) row(d.service, yearOf(d.on)).delivered++
  for (const e of entries) row(e.service, yearOf(asOf))
  const services = [...rows.values()]
    .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : a.year - b.year))
    .map((r) => ({ ...r, entitledNow: entitled.get(r.service) ?? null }))
  return { services }
}
