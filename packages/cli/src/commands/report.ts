/**
 * `report [--json | --html FILE] [--as-of DATE]`: the city dashboard against the targets of the policy in force,
 * rebuilt from the whole log with core's projection — the same numbers on every store and after an
 * export/import round trip.
 */
import { cityDashboardProjection, dashboardReport, rebuild, type CityReport, type EventStore, type TalentLedger } from '@talent-ledger/core'
import { PAGE_SIZE } from '../log.js'

/** Replays the log into the dashboard and reports it as of `asOf`. */
export const cityReport = async (store: EventStore, ledger: TalentLedger, asOf: string): Promise<CityReport> => {
  const { state } = await rebuild(store, cityDashboardProjection, (e) => ledger.decode(e).event, { pageSize: PAGE_SIZE })
  return dashboardReport(state, asOf)
}
