/**
 * The report's benefit figures (DOMAIN.md §16) are the same whether the store keeps them inline (in
 * the append transaction) or they are rebuilt from the log: a simulated city with grants and
 * revocations, its inline state read back after reopening, and the figures of both on several dates.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { benefitFigures, benefitFiguresProjection, rebuild } from '@talent-ledger/core'
import { decodeLedgerEvent } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore } from '../src/index.js'
import { city, drive, openCity } from './city-fixture.js'
import { tempStorePath } from './temp-files.js'

const file = tempStorePath()
afterAll(file.cleanup)

describe('benefit figures inline on SQLite', () => {
  it('equal a rebuild from the log, as of any date', async () => {
    const { store, ledger } = openCity(file.path, [{ projection: benefitFiguresProjection }])
    expect(await drive(ledger, 0, city.commands.length)).toBe(city.commands.length - city.intendedRefusals.length)
    await store.close()

    // reopened without inline projections: what is read is exactly what the appends stored
    const reopened = createSqliteEventStore({ path: file.path })
    try {
      const rebuilt = await rebuild(reopened, benefitFiguresProjection, decodeLedgerEvent)
      const inline = await reopened.projectionState(benefitFiguresProjection.name)
      expect(inline).toEqual(rebuilt)
      const asOf = ['2026-12-31', '2028-06-30', '2030-12-31', city.summary.to]
      for (const date of asOf) expect(benefitFigures(inline!.state as typeof rebuilt.state, date)).toEqual(benefitFigures(rebuilt.state, date))
      // the city grants money, so the comparison is not between two empty reports
      expect(benefitFigures(rebuilt.state, city.summary.to).benefits.length).toBeGreaterThan(0)
    } finally {
      await reopened.close()
    }
  })
})
