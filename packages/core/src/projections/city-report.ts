/**
 * The whole city report (市级看板): the dashboard against the targets and every figure DOMAIN.md §16
 * adds, folded in one pass over the log. One definition, so `report`, the benchmarks and anyone
 * embedding the library fold the same parts: a part added here appears in all of them.
 */
import type { LedgerEvent } from '../domain/events.js'
import type { Projection } from '../kernel/projection.js'
import { benefitFigures, benefitFiguresProjection, type BenefitFigures } from './benefit-figures.js'
import { carrierOutputFigures, carrierOutputsProjection, type CarrierOutputFigures } from './carrier-outputs.js'
import { cityDashboardProjection, dashboardReport, type CityReport } from './city-dashboard.js'
import { applyCertificateEvent, CERTIFICATE_EVENT_TYPES } from './dated-certificates.js'
import { cooperationFigures, cooperationFiguresProjection, type CooperationFigures } from './cooperation-figures.js'
import { featuredCertificateFigures, featuredCertificatesProjection, type FeaturedCertificateFigures } from './featured-certificates.js'
import { honourFigures, honourFiguresProjection, type HonourFigures } from './honour-figures.js'
import { seniorPostFigures, seniorPostsProjection, type SeniorPostFigures } from './senior-posts.js'
import { serviceFigures, serviceFiguresProjection, type ServiceFigures } from './service-figures.js'

/** The report: 0.1's dashboard, then benefits, honours, services, posts, featured certificates, carriers' outputs, agreements and teachers. */
export type FullCityReport = CityReport & BenefitFigures & HonourFigures & ServiceFigures & SeniorPostFigures & FeaturedCertificateFigures & CarrierOutputFigures & CooperationFigures

// each event goes only to the parts that read its type, and a type none of them reads is not decoded
const cityReportParts = {
  dashboard: cityDashboardProjection,
  benefits: benefitFiguresProjection,
  honours: honourFiguresProjection,
  services: serviceFiguresProjection,
  seniorPosts: seniorPostsProjection,
  featured: featuredCertificatesProjection,
  carriers: carrierOutputsProjection,
  cooperation: cooperationFiguresProjection,
}

type Parts = typeof cityReportParts

/** The state of every part of the report. */
export type CityReportState = { [K in keyof Parts]: ReturnType<Parts[K]['initialState']> }

type Key = keyof Parts
type Step = (s: CityReportState, e: LedgerEvent) => void

// each part's apply behind a step that names its key, so each step reads and writes one known field
// and calls one known function (the engine inlines it) where a loop over keys could do neither
const steps: { readonly [K in Key]: Step } = {
  dashboard: (s, e) => void (s.dashboard = cityDashboardProjection.apply(s.dashboard, e)),
  benefits: (s, e) => void (s.benefits = benefitFiguresProjection.apply(s.benefits, e)),
  honours: (s, e) => void (s.honours = honourFiguresProjection.apply(s.honours, e)),
  services: (s, e) => void (s.services = serviceFiguresProjection.apply(s.services, e)),
  seniorPosts: (s, e) => void (s.seniorPosts = seniorPostsProjection.apply(s.seniorPosts, e)),
  featured: (s, e) => void (s.featured = featuredCertificatesProjection.apply(s.featured, e)),
  carriers: (s, e) => void (s.carriers = carrierOutputsProjection.apply(s.carriers, e)),
  cooperation: (s, e) => void (s.cooperation = cooperationFiguresProjection.apply(s.cooperation, e)),
}

/**
 * The parts that read the certificate events only to keep each talent's dated certificates
 * (dated-certificates.ts): in a fresh report state the three share one dictionary, so a
 * certificate is recorded once rather than three times. A state that went through JSON holds three
 * copies, each then kept as its part keeps it alone.
 */
const CERTIFICATE_KEEPERS: ReadonlyArray<Key> = ['honours', 'services', 'cooperation']
const CERTIFICATE_TYPES: ReadonlySet<string> = new Set(CERTIFICATE_EVENT_TYPES)

// per type, the steps of the parts that read it (the certificate keepers left out of the
// certificate types: those are recorded once, below), in the parts' order
const readers = new Map<string, Step[]>()
for (const key of Object.keys(cityReportParts) as Key[]) {
  const types: ReadonlySet<string> | undefined = cityReportParts[key].eventTypes
  if (types === undefined) throw new Error(`the report's part ${key} must name the event types it reads`)
  for (const type of types) {
    if (CERTIFICATE_TYPES.has(type) && CERTIFICATE_KEEPERS.includes(key)) continue
    readers.set(type, [...(readers.get(type) ?? []), steps[key]])
  }
}

/** What one event type asks of the fold: whether the certificate keepers record it, then the other parts' steps. */
interface Reading {
  readonly certificate: boolean
  readonly steps: ReadonlyArray<Step>
}

// one look-up per event rather than two (a set of certificate types, then the readers): the event's
// type is a fresh string from the row, hashed on its first look-up, a visible share of the fold
const readings = new Map<string, Reading>(
  [...new Set([...readers.keys(), ...CERTIFICATE_TYPES])].map((type) => [type, { certificate: CERTIFICATE_TYPES.has(type), steps: readers.get(type) ?? [] }]),
)

/** Records a certificate event in each distinct dictionary of the certificate keepers. */
const keepCertificate = (s: CityReportState, e: LedgerEvent): void => {
  const a = s.honours.certificates
  const b = s.services.certificates
  const c = s.cooperation.certificates
  applyCertificateEvent(a, e)
  if (b !== a) applyCertificateEvent(b, e)
  if (c !== a && c !== b) applyCertificateEvent(c, e)
}

/**
 * One projection feeding every part of the report, so a big log is read once: each event goes
 * only to the parts that read its type (as `combinedProjection` would fold them, and to the same
 * state), and the record is updated in place, as `apply` may.
 */
export const cityReportProjection: Projection<CityReportState, LedgerEvent> = {
  name: 'city-report',
  eventTypes: new Set(readings.keys()),
  initialState: () => {
    const certificates = {}
    return {
      dashboard: cityDashboardProjection.initialState(),
      benefits: benefitFiguresProjection.initialState(),
      honours: { ...honourFiguresProjection.initialState(), certificates },
      services: { ...serviceFiguresProjection.initialState(), certificates },
      seniorPosts: seniorPostsProjection.initialState(),
      featured: featuredCertificatesProjection.initialState(),
      carriers: carrierOutputsProjection.initialState(),
      cooperation: { ...cooperationFiguresProjection.initialState(), certificates },
    }
  },
  apply: (s, e) => {
    const reading = readings.get(e.type)
    if (reading === undefined) return s
    if (reading.certificate) keepCertificate(s, e)
    const mine = reading.steps
    for (let i = 0; i < mine.length; i++) mine[i]!(s, e)
    return s
  },
}

/** The report as of a business date, from the folded parts. */
export const fullCityReport = (s: CityReportState, asOf: string): FullCityReport => ({
  ...dashboardReport(s.dashboard, asOf),
  ...benefitFigures(s.benefits, asOf),
  ...honourFigures(s.honours, asOf),
  ...serviceFigures(s.services, asOf),
  ...seniorPostFigures(s.seniorPosts, asOf),
  ...featuredCertificateFigures(s.featured, asOf),
  ...carrierOutputFigures(s.carriers, asOf),
  ...cooperationFigures(s.cooperation, asOf),
})

