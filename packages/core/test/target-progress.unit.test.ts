/**
 * Judging the city's targets (docs/rules.md, "Dashboard status"): exact shares at the rounding
 * boundary, each status boundary (the straight-line path, the forecast, the deadline, no data), the
 * employment year carried, and a past `--as-of` that reproduces the trajectory known then.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dashboardReport, defaultPolicyDocument, judgeTarget, forecastAt, ratio, type DashboardState, type TargetPlan } from '../src/index.js'
import { addDays } from '../src/kernel/dates.js'

/** A plan over 2026–2030 whose straight line, from 0 the day before, is one unit a day (1,826 days). */
const plan = (valueOn: TargetPlan['valueOn']): TargetPlan => ({ start: '2026-01-01', deadline: '2030-12-31', target: ratio(1826), flat: false, ceiling: null, valueOn })

type Level = DashboardState['talents'][string]['certificates'][number]['level']
/** A dashboard state with `count` talents certified at `level` on `on`, plus employment figures. */
const state = (groups: ReadonlyArray<{ count: number; level: Level; on: string }>, employed: Record<string, number> = {}): DashboardState => {
  const talents: DashboardState['talents'] = {}
  let n = 0
  for (const g of groups)
    for (let i = 0; i < g.count; i++) talents[`t-${++n}`] = { district: '海州区', registeredOn: '2026-01-01', certificates: [{ level: g.level, on: g.on, revokedOn: null }] }
  return { talents, employedPersons: employed, carriers: {}, trainings: {}, policies: [] }
}
const target = (s: DashboardState, asOf: string, id: string) => dashboardReport(s, asOf).targets.find((t) => t.id === id)!

describe('the straight-line path', () => {
  // 600 from 2026, 700 from 2027-06-01: on 2027-12-01 (day 700) the figure is exactly on the path
  const valueOn = (d: string) => ratio(d < '2026-01-01' ? 0 : d < '2027-06-01' ? 600 : 700)
  it('on the path is on-track; a day later, with a forecast short of the target, at-risk', () => {
    expect(judgeTarget(plan(valueOn), '2027-12-01')).toBe('on-track')
    expect(judgeTarget(plan(valueOn), '2027-12-02')).toBe('at-risk')
  })
})

describe('the forecast at the deadline (trailing 365 days)', () => {
  // below the path (day 1,461 needs 1,461); 1,000 now and P a year ago: forecast 1,000 + (1,000 − P)
  const valueOn = (past: number) => (d: string) => ratio(d < '2026-01-01' ? 0 : d < '2029-01-01' ? past : 1000)
  it('reaching the target exactly is on-track; one short is at-risk', () => {
    expect(forecastAt(plan(valueOn(174)), '2029-12-31')).toEqual(ratio(1826 * 365, 365))
    expect(judgeTarget(plan(valueOn(174)), '2029-12-31')).toBe('on-track')
    expect(judgeTarget(plan(valueOn(175)), '2029-12-31')).toBe('at-risk')
  })
  it('a figure reaching the target before the deadline is met; at the deadline met or missed, and it stays so', () => {
    const reached = (d: string) => ratio(d < '2030-12-31' ? 1825 : 1826)
    expect(judgeTarget(plan(() => ratio(1826)), '2027-01-01')).toBe('met')
    expect(judgeTarget(plan(reached), '2030-12-30')).not.toBe('met')
    expect(judgeTarget(plan(reached), '2030-12-31')).toBe('met')
    const late = (d: string) => ratio(d <= '2030-12-31' ? 1825 : 5000)
    expect(judgeTarget(plan(late), '2030-12-31')).toBe('missed')
    expect(judgeTarget(plan(late), '2035-12-31')).toBe('missed')
    expect(judgeTarget(plan(() => null), '2027-01-01')).toBe('no-data')
  })
})

describe('shares are judged exactly, rounded only for display', () => {
  it('602 skilled of 2,007 employed (29.995 %) shows 30 % and is not met; 3,001 of 10,002 (30.004 %) is', () => {
    const below = target(state([{ count: 602, level: 'junior', on: '2026-03-01' }], { 2026: 2007 }), '2026-06-30', 'skilled-share')
    expect([below.actual, below.met]).toEqual([30, false])
    expect(below.status).not.toBe('met')
    expect(below.progress).toBeLessThan(1)
    const above = target(state([{ count: 3001, level: 'junior', on: '2026-03-01' }], { 2026: 10_002 }), '2026-06-30', 'skilled-share')
    expect([above.actual, above.met, above.status, above.progress]).toEqual([30, true, 'met', 1])
  })
})

describe('shares near the rounding boundary (property)', () => {
  it('met, status and progress equal an exact recount for shares within 0.005 % of 30 % either side', () => {
    let nearBoundary = 0
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 20_000 }), fc.integer({ min: -1, max: 1 }), (employed, step) => {
        const skilled = Math.floor((employed * 3) / 10) + step
        const t = target(state([{ count: skilled, level: 'junior', on: '2026-03-01' }], { 2026: employed }), '2026-06-30', 'skilled-share')
        // the recount: skilled / employed ≥ 30 / 100, in integers
        const reaches = skilled * 10 >= employed * 3
        if (Math.abs((skilled / employed) * 100 - 30) <= 0.005) nearBoundary++
        expect(t.met).toBe(reaches)
        expect(t.status === 'met').toBe(reaches)
        expect(t.progress).toBe(reaches ? 1 : Math.floor((skilled * 100 * 10_000) / (employed * 30)) / 10_000)
      }),
      { numRuns: 200, seed: 20_261_207 },
    )
    expect(nearBoundary).toBeGreaterThan(50)
  })
})

describe('deadlines and employment years', () => {
  it('a share reached only after its 2030 deadline stays missed, with the figure at the deadline beside it', () => {
    const s = state([{ count: 3, level: 'senior', on: '2026-02-01' }, { count: 7, level: 'junior', on: '2026-02-01' }, { count: 5, level: 'senior', on: '2032-02-01' }])
    const t = target(s, '2035-12-31', 'high-skilled-share')
    expect([t.actual, t.met, t.status, t.actualAtDeadline, t.deadline]).toEqual([53.33, true, 'missed', 30, defaultPolicyDocument.targets.highSkilledShareBy])
    expect(t.trajectory.map((p) => p.year)).toEqual([2026, 2027, 2028, 2029, 2030])
    expect(t.trajectory[4]).toEqual({ year: 2030, actual: 30, required: 35 })
  })
  it('a year without an employment figure says which year it carries; none at all is no-data', () => {
    const s = state([{ count: 10, level: 'junior', on: '2026-02-01' }], { 2026: 40 })
    const carried = target(s, '2027-06-30', 'skilled-share')
    expect([carried.employmentYear, carried.carriedFrom, carried.actual]).toEqual([2026, 2026, 25])
    expect(target(s, '2026-06-30', 'skilled-share').carriedFrom).toBeUndefined()
    const none = target(state([{ count: 10, level: 'junior', on: '2026-02-01' }]), '2026-06-30', 'skilled-share')
    expect([none.status, none.progress, none.forecast, none.employmentYear]).toEqual(['no-data', 0, null, null])
  })
  it('a report as of a past date reproduces the trajectory known then', () => {
    const s = state([{ count: 10, level: 'senior', on: '2026-05-01' }, { count: 20, level: 'senior', on: '2027-05-01' }, { count: 40, level: 'senior', on: '2029-05-01' }])
    const then = target(s, '2027-12-31', 'new-high-skilled-2030')
    const later = target(s, '2030-06-30', 'new-high-skilled-2030')
    expect(then.trajectory).toEqual(later.trajectory.slice(0, 2))
    expect(then.trajectory.map((p) => p.actual)).toEqual([10, 30])
    // 20 in the trailing year, 1,096 days left: 30 + 20 × 1,096 / 365 ≈ 90.05
    expect(then.forecast).toBe(90.05)
    expect(addDays('2027-12-31', 1096)).toBe('2030-12-31')
  })
})
