/**
 * `report [--json | --html FILE] [--as-of DATE]`: the city dashboard against the targets of the policy in force,
 * rebuilt from the whole log with core's projection — the same numbers on every store and after an
 * export/import round trip. The benefit, honour and service figures (DOMAIN.md §16) are folded in the same pass.
 */
import { cityReportProjection, fullCityReport, rebuild, type EventStore, type FullCityReport, type TalentLedger } from '@talent-ledger/core'
import { PAGE_SIZE } from '../log.js'

/** The report as printed (core's `FullCityReport`): the dashboard, then the figures added after 0.1's fields. */
export type CityReportWithBenefits = FullCityReport

/** Replays the log into the dashboard and reports it as of `asOf`, with the log position replayed to. */
export const replayCityReport = async (store: EventStore, ledger: TalentLedger, asOf: string): Promise<{ readonly report: CityReportWithBenefits; readonly position: number }> => {
  const { state, position } = await rebuild(store, cityReportProjection, (e) => ledger.decode(e).event, { pageSize: PAGE_SIZE })
  const report = fullCityReport(state, asOf)
  return { report, position }
}

/** Replays the log into the dashboard and reports it as of `asOf`. */
export const cityReport = async (store: EventStore, ledger: TalentLedger, asOf: string): Promise<CityReportWithBenefits> =>
  (await replayCityReport(store, ledger, asOf)).report
