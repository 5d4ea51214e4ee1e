/**
 * Runs the simulated city through the ledger, one command at a time as a service would, and
 * returns what the city dashboard shows at the end. The store is whatever the caller passes.
 */
import { cityDashboardProjection, createTalentLedger, dashboardReport, rebuild, type CityReport, type EventStore, type KeyStore } from '@talent-ledger/core'
import { manualClock } from '@talent-ledger/store-memory'
import { simulateCity } from '@talent-ledger/testing'

/** What a run did. */
export interface CityRun {
  readonly commands: number
  readonly accepted: number
  readonly refused: Readonly<Record<string, number>>
  readonly intendedRefusals: number
  readonly events: number
  readonly report: CityReport
}

/** Simulates `talents` talents with `seed` and applies every command. */
export const runCity = async (
  deps: { readonly store: EventStore; readonly keys: KeyStore },
  options: { readonly talents: number; readonly seed: number; readonly asOf?: string; readonly onProgress?: (done: number, total: number) => void },
): Promise<CityRun> => {
  const simulation = simulateCity({ talents: options.talents, seed: options.seed })
  const ledger = createTalentLedger({ ...deps, clock: manualClock('2026-01-01T00:00:00.000Z') })
  const refused: Record<string, number> = {}
  let accepted = 0
  const total = simulation.commands.length
  for (let i = 0; i < total; i++) {
    const result = await ledger.execute(simulation.commands[i])
    if (result.ok) accepted++
    else refused[result.error.code] = (refused[result.error.code] ?? 0) + 1
    if (i % 2000 === 0) options.onProgress?.(i, total)
  }
  options.onProgress?.(total, total)
  const { state, position } = await rebuild(deps.store, cityDashboardProjection, (e) => ledger.decode(e).event)
  return {
    commands: total,
    accepted,
    refused,
    intendedRefusals: simulation.intendedRefusals.length,
    events: position,
    report: dashboardReport(state, options.asOf ?? simulation.summary.to),
  }
}
