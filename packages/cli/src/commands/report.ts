/**
 * `report [--json | --html FILE] [--as-of DATE]`: the city dashboard against the targets of the policy in force,
 * rebuilt from the whole log with core's projection — the same numbers on every store and after an
 * export/import round trip. The benefit, honour and service figures (DOMAIN.md §16) are folded in the same pass.
 */
import { cityReportProjection, fullCityReport, rebuild, type EventStore, type FullCityReport, type TalentLedger } from '@talent-ledger/core'

/**
 * Events per page of the replay. Smaller than export's pages: a page's envelopes stay alive until
 * it is folded, and 5,000 of them outlive the young generation, so the collector copied and then
 * promoted every one; at 1,000 they die young (the replay's CPU about a quarter less, same rows).
 */
const REPLAY_PAGE_SIZE = 1000

/** The report as printed (core's `FullCityReport`): the dashboard, then the figures added after 0.1's fields. */
export type CityReportWithBenefits = FullCityReport

/** Replays the log into the dashboard and reports it as of `asOf`, with the log position replayed to. */
export const replayCityReport = async (store: EventStore, ledger: TalentLedger, asOf: string): Promise<{ readonly report: CityReportWithBenefits; readonly position: number }> => {
  const { state, position } = await rebuild(store, cityReportProjection, (e) => ledger.decode(e).event, { pageSize: REPLAY_PAGE_SIZE })
  const report = fullCityReport(state, asOf)
  return { report, position }
}

/** Replays the log into the dashboard and reports it as of `asOf`. */
export const cityReport = async (store: EventStore, ledger: TalentLedger, asOf: string): Promise<CityReportWithBenefits> =>
  (await replayCityReport(store, ledger, asOf)).report
