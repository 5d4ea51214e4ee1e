/**
 * `report [--json | --html FILE] [--as-of DATE]`: the city dashboard against the targets of the policy in force,
 * rebuilt from the whole log with core's projection — the same numbers on every store and after an
 * export/import round trip. The benefit, honour and service figures (DOMAIN.md §16) are folded in the same pass.
 */
import {
  carrierOutputFigures,
  carrierOutputsProjection,
  type CarrierOutputFigures,
  type CarrierOutputsState,
  benefitFigures,
  benefitFiguresProjection,
  cityDashboardProjection,
  cooperationFigures,
  cooperationFiguresProjection,
  dashboardReport,
  featuredCertificateFigures,
  featuredCertificatesProjection,
  honourFigures,
  honourFiguresProjection,
  rebuild,
  seniorPostFigures,
  seniorPostsProjection,
  serviceFigures,
  serviceFiguresProjection,
  type BenefitFigures,
  type BenefitFiguresState,
  type CityReport,
  type CooperationFigures,
  type CooperationFiguresState,
  type DashboardState,
  type HonourFigures,
  type HonourFiguresState,
  type ServiceFigures,
  type ServiceFiguresState,
  type EventStore,
  type LedgerEvent,
  type Projection,
  type FeaturedCertificateFigures,
  type FeaturedCertificatesState,
  type SeniorPostFigures,
  type SeniorPostsState,
  type TalentLedger,
} from '@talent-ledger/core'
import { PAGE_SIZE } from '../log.js'

/** The report as printed: the dashboard, then the figures added after 0.1's fields (benefits, honours, services, posts, featured certificates, carriers' outputs, agreements and teachers). */
export type CityReportWithBenefits = CityReport & BenefitFigures & HonourFigures & ServiceFigures & SeniorPostFigures & FeaturedCertificateFigures & CarrierOutputFigures & CooperationFigures

interface ReportState {
  readonly dashboard: DashboardState
  readonly benefits: BenefitFiguresState
  readonly honours: HonourFiguresState
  readonly services: ServiceFiguresState
  readonly seniorPosts: SeniorPostsState
  readonly featured: FeaturedCertificatesState
  readonly carriers: CarrierOutputsState
  readonly cooperation: CooperationFiguresState
}

const PARTS = [cityDashboardProjection, benefitFiguresProjection, honourFiguresProjection, serviceFiguresProjection, seniorPostsProjection, featuredCertificatesProjection, carrierOutputsProjection, cooperationFiguresProjection]
// the types the projections read; one that does not name its types makes the replay read every event
const partTypes = PARTS.map((p) => p.eventTypes)
const reportTypes = partTypes.some((t) => t === undefined) ? {} : { eventTypes: new Set(partTypes.flatMap((t) => [...t!])) }

// one replay feeds every projection, so a big log is read once
const reportProjection: Projection<ReportState, LedgerEvent> = {
  name: 'city-report',
  ...reportTypes,
  initialState: () => ({
    dashboard: cityDashboardProjection.initialState(),
    benefits: benefitFiguresProjection.initialState(),
    honours: honourFiguresProjection.initialState(),
    services: serviceFiguresProjection.initialState(),
    seniorPosts: seniorPostsProjection.initialState(),
    featured: featuredCertificatesProjection.initialState(),
    carriers: carrierOutputsProjection.initialState(),
    cooperation: cooperationFiguresProjection.initialState(),
  }),
  apply: (s, e) => ({
    dashboard: cityDashboardProjection.apply(s.dashboard, e),
    benefits: benefitFiguresProjection.apply(s.benefits, e),
    honours: honourFiguresProjection.apply(s.honours, e),
    services: serviceFiguresProjection.apply(s.services, e),
    seniorPosts: seniorPostsProjection.apply(s.seniorPosts, e),
    featured: featuredCertificatesProjection.apply(s.featured, e),
    carriers: carrierOutputsProjection.apply(s.carriers, e),
    cooperation: cooperationFiguresProjection.apply(s.cooperation, e),
  }),
}

/** Replays the log into the dashboard and reports it as of `asOf`, with the log position replayed to. */
export const replayCityReport = async (store: EventStore, ledger: TalentLedger, asOf: string): Promise<{ readonly report: CityReportWithBenefits; readonly position: number }> => {
  const { state, position } = await rebuild(store, reportProjection, (e) => ledger.decode(e).event, { pageSize: PAGE_SIZE })
  const report = {
    ...dashboardReport(state.dashboard, asOf),
    ...benefitFigures(state.benefits, asOf),
    ...honourFigures(state.honours, asOf),
    ...serviceFigures(state.services, asOf),
    ...seniorPostFigures(state.seniorPosts, asOf),
    ...featuredCertificateFigures(state.featured, asOf),
    ...carrierOutputFigures(state.carriers, asOf),
    ...cooperationFigures(state.cooperation, asOf),
  }
  return { report, position }
}

/** Replays the log into the dashboard and reports it as of `asOf`. */
export const cityReport = async (store: EventStore, ledger: TalentLedger, asOf: string): Promise<CityReportWithBenefits> =>
  (await replayCityReport(store, ledger, asOf)).report
