// The report page is built from ledger text (district names, policy ids) that a user typed: every
// piece is escaped, so no input can add markup, and the progress of a bar stays within its track.
import fc from 'fast-check'
import type { CityReport } from '@talent-ledger/core'
import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../src/html/escape.js'
import { reportPage } from '../src/html/page.js'
import { progressOf } from '../src/html/target-bars.js'
import { targetChart } from '../src/html/target-chart.js'

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

const hostile = '<script>alert("x")</script>&\''
const report: CityReport = {
  asOf: '2030-12-31', policyId: `p-${hostile}`, targetScale: null, newHighSkilled: 1, highSkilledTotal: 1, skilledTotal: 2, talentsTotal: 3,
  employedPersons: null, employedPersonsYear: null, skilledSharePercent: null, highSkilledSharePercent: 50, carriers: 0,
  levelsByDistrict: { [hostile]: { senior: 1, [hostile]: 2 } },
  trainingsByField: { [hostile]: { enrolled: 1, completed: 0 } },
  targets: [{ id: 'carriers', target: 20, actual: 0, met: false, period: { from: null, to: hostile }, deadline: hostile, status: 'at-risk', progress: 0, forecast: 0, trajectory: [] }],
}

describe('report page', () => {
  it('escapes every text from the ledger, in content and attributes', () => {
    const html = reportPage(report)
    expect(html).not.toContain('<script')
    expect(html).not.toContain(hostile)
    expect(html).toContain(escapeHtml(hostile))
    expect(html).toContain(`data-district="${escapeHtml(hostile)}"`)
  })

  it('escapeHtml leaves no markup character and loses nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const e = escapeHtml(s)
        expect(e).not.toMatch(/[<>"']/)
        expect(unescape(e)).toBe(s)
      }),
      { numRuns: 200 },
    )
  })

  it('a progress bar fills between none and all of its track', () => {
    fc.assert(
      fc.property(fc.option(fc.double({ noNaN: true }), { nil: null }), fc.double({ noNaN: true }), (actual, target) => {
        const p = progressOf({ actual, target })
        expect(p).toBeGreaterThanOrEqual(0)
        expect(p).toBeLessThanOrEqual(1)
      }),
      { numRuns: 200 },
    )
  })
})

describe('a target path chart', () => {
  const point = fc.record({ actual: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }), required: fc.integer({ min: 0, max: 1_000_000 }) })
  it('keeps every point inside its drawing area and lists every figure in its table', () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 12 }), fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }), fc.integer({ min: 1, max: 2_000_000 }), (points, forecast, target) => {
        const trajectory = points.map((p, i) => ({ year: 2026 + i, ...p }))
        const html = targetChart(
          { id: 'high-skilled-2035', target, actual: trajectory.at(-1)?.actual ?? null, met: false, period: { from: null, to: '2035-12-31' }, deadline: '2035-12-31', status: 'at-risk', progress: 0, forecast, trajectory },
          '2037-06-30',
        )
        const numbers = [...html.matchAll(/(?:cx|cy|x|y|x1|x2|y1|y2)="(-?[\d.]+|NaN)"|points="([^"]*)"/g)].flatMap((m) => (m[1] ?? m[2] ?? '').split(/[ ,]/)).map(Number)
        for (const n of numbers) expect(n >= 0 && n <= 460).toBe(true)
        expect(html).not.toContain('NaN')
        expect([...html.matchAll(/<tr class="trajectory-point" data-year="(\d+)">/g)].map((m) => Number(m[1]))).toEqual(trajectory.map((p) => p.year))
        expect(html).toContain(`data-forecast="${forecast ?? ''}"`)
      }),
      { numRuns: 200 },
    )
  })
})

describe('report page of a simulation whose policy scales the count targets', () => {
  it('says so in the header and in each scaled target’s caption; the city’s own targets say nothing of it', () => {
    const html = reportPage({ ...report, targetScale: 0.01, targets: report.targets.map((t) => ({ ...t, scaledBy: 0.01 })) })
    expect(html).toContain('data-target-scale="0.01"')
    expect(html).toContain("simulation: the count targets are scaled ×0.01 (1 % of the city&#39;s)")
    expect(html).toContain('target scaled ×0.01')
    expect(reportPage(report)).not.toContain('scaled')
  })
})
