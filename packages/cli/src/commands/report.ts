/**
 * `report [--json | --html FILE] [--as-of DATE]`: the city dashboard against the targets of the policy in force,
 * rebuilt from the whole log with core's projection — the same numbers on every store and after an
 * export/import round trip. The benefit figures (DOMAIN.md §16) are folded in the same pass.
 */
import {
  benefitFigures,
  benefitFiguresProjection,
  cityDashboardProjection,
  dashboardReport,
  featuredCertificateFigures,
  featuredCertificatesProjection,
  rebuild,
  seniorPostFigures,
  seniorPostsProjection,
  type BenefitFigures,
  type BenefitFiguresState,
  type CityReport,
  type DashboardState,
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

/** The report as printed: the dashboard, then the benefit figures (additions after 0.1's fields). */
export type CityReportWithBenefits = CityReport & BenefitFigures & SeniorPostFigures & FeaturedCertificateFigures

// one replay feeds every projection, so a big log is read once
interface ReportState {
  readonly dashboard: DashboardState
  readonly benefits: BenefitFiguresState
  readonly seniorPosts: SeniorPostsState
  readonly featured: FeaturedCertificatesState
}
const reportProjection: Projection<ReportState, LedgerEvent> = {
  name: 'city-report',
  initialState: () => ({
    dashboard: cityDashboardProjection.initialState(),
    benefits: benefitFiguresProjection.initialState(),
    seniorPosts: seniorPostsProjection.initialState(),
    featured: featuredCertificatesProjection.initialState(),
  }),
  apply: (s, e) => ({
    dashboard: cityDashboardProjection.apply(s.dashboard, e),
    benefits: benefitFiguresProjection.apply(s.benefits, e),
    seniorPosts: seniorPostsProjection.apply(s.seniorPosts, e),
    featured: featuredCertificatesProjection.apply(s.featured, e),
  }),
}

/** Replays the log into the dashboard and reports it as of `asOf`. */
export const cityReport = async (store: EventStore, ledger: TalentLedger, asOf: string): Promise<CityReportWithBenefits> => {
  const { state } = await rebuild(store, reportProjection, (e) => ledger.decode(e).event, { pageSize: PAGE_SIZE })
  return { ...dashboardReport(state.dashboard, asOf), ...benefitFigures(state.benefits, asOf), ...seniorPostFigures(state.seniorPosts, asOf), ...featuredCertificateFigures(state.featured, asOf) }
}
