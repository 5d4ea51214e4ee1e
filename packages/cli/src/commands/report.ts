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
  rebuild,
  type BenefitFigures,
  type BenefitFiguresState,
  type CityReport,
  type DashboardState,
  type EventStore,
  type LedgerEvent,
  type Projection,
  type TalentLedger,
} from '@talent-ledger/core'
import { PAGE_SIZE } from '../log.js'

/** The report as printed: the dashboard, then the benefit figures (additions after 0.1's fields). */
export type CityReportWithBenefits = CityReport & BenefitFigures

// the types either projection reads; a type one of them does not name makes the replay read every event
const dashboardTypes = cityDashboardProjection.eventTypes
const benefitTypes = benefitFiguresProjection.eventTypes
const reportTypes = dashboardTypes === undefined || benefitTypes === undefined ? {} : { eventTypes: new Set([...dashboardTypes, ...benefitTypes]) }

// one replay feeds both projections, so a big log is read once
const reportProjection: Projection<{ readonly dashboard: DashboardState; readonly benefits: BenefitFiguresState }, LedgerEvent> = {
  name: 'city-report',
  ...reportTypes,
  initialState: () => ({ dashboard: cityDashboardProjection.initialState(), benefits: benefitFiguresProjection.initialState() }),
  apply: (s, e) => ({ dashboard: cityDashboardProjection.apply(s.dashboard, e), benefits: benefitFiguresProjection.apply(s.benefits, e) }),
}

/** Replays the log into the dashboard and reports it as of `asOf`. */
export const cityReport = async (store: EventStore, ledger: TalentLedger, asOf: string): Promise<CityReportWithBenefits> => {
  const { state } = await rebuild(store, reportProjection, (e) => ledger.decode(e).event, { pageSize: PAGE_SIZE })
  return { ...dashboardReport(state.dashboard, asOf), ...benefitFigures(state.benefits, asOf) }
}
