// Reading a talent as of a business date (asOf) and as of a record time (knownAt).
import { describe, expect, it } from 'vitest'
import { manualClock } from '@talent-ledger/store-memory'
import { assess, registerEmployer, registerTalent, setup } from './fixtures.js'

describe('talent read as of a date', () => {
  it('asOf a business date shows only what had happened by then', async () => {
    const { ledger } = setup()
    for (const c of [registerEmployer, registerTalent(), assess('a1', 'intermediate', '2026-02-01'), assess('a2', 'senior', '2026-03-01')])
      expect((await ledger.execute(c)).ok).toBe(true)
    expect((await ledger.profile('t-1', { asOf: '2026-01-31' }))?.level).toBeNull()
    expect((await ledger.profile('t-1', { asOf: '2026-02-15' }))?.level).toBe('intermediate')
    expect((await ledger.profile('t-1', { asOf: '2026-03-01' }))?.level).toBe('senior')
    expect(await ledger.profile('t-1', { asOf: '2026-01-01' })).toBeNull()
  })

  it('knownAt a record time hides what was recorded later, even when backdated', async () => {
    const clock = manualClock('2026-05-01T00:00:00.000Z')
    const { ledger } = setup({ clock })
    await ledger.execute(registerEmployer)
    await ledger.execute(registerTalent())
    await ledger.execute(assess('a1', 'intermediate', '2026-02-01'))
    clock.set('2026-06-01T00:00:00.000Z')
    // recorded in June, but about March
    expect((await ledger.execute(assess('a2', 'senior', '2026-03-01'))).ok).toBe(true)
    expect((await ledger.profile('t-1', { asOf: '2026-04-01' }))?.level).toBe('senior')
    expect((await ledger.profile('t-1', { asOf: '2026-04-01', knownAt: '2026-05-31T00:00:00.000Z' }))?.level).toBe('intermediate')
  })
})
