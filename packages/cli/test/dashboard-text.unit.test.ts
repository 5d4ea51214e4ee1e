// The text report prints strings from the store (district names, policy ids, training fields) to a
// terminal: a control character or a lone surrogate in them (a log written before input was
// checked, or a row written straight into the store) is shown escaped, never sent raw.
import type { CityReport } from '@talent-ledger/core'
import { describe, expect, it } from 'vitest'
import { dashboardText, targetStatusText } from '../src/dashboard-text.js'
import { terminalSafe } from '../src/terminal-text.js'

const escape = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u0000\ud800'
const report: CityReport = {
  asOf: '2030-12-31', policyId: `p-${escape}`, targetScale: null, newHighSkilled: 1, highSkilledTotal: 1, skilledTotal: 2, talentsTotal: 3,
  employedPersons: null, employedPersonsYear: null, skilledSharePercent: null, highSkilledSharePercent: 50, carriers: 0,
  levelsByDistrict: { [`连云区${escape}`]: { senior: 1 }, 海州区: { senior: 2 } },
  trainingsByField: { [`field${escape}`]: { enrolled: 1, completed: 0 } },
  targets: [{ id: 'carriers', target: 20, actual: 0, met: false, period: { from: null, to: '2030-12-31' }, deadline: '2030-12-31', status: 'at-risk', progress: 0, forecast: 0, trajectory: [] }],
}

describe('terminalSafe', () => {
  it('spells out control characters and lone surrogates, and keeps everything else', () => {
    expect(terminalSafe('a\u001b[31mb\u0000\u009b\u007f')).toBe('a\\u001b[31mb\\u0000\\u009b\\u007f')
    expect(terminalSafe('x\ud800y\udc00')).toBe('x\\ud800y\\udc00')
    expect(terminalSafe('连云区 𠮷 café')).toBe('连云区 𠮷 café')
  })
})

describe('dashboardText', () => {
  it('never prints a stored string raw', () => {
    const text = dashboardText(report).join('\n')
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
    expect(text).toContain('p-\\u001b]0;pwned\\u0007')
    expect(text).toContain('连云区\\u001b')
    expect(text).toContain('海州区')
  })

  it('prints every level name in full, each count under its name', () => {
    const levels: CityReport = { ...report, levelsByDistrict: { 海州区: { intermediate: 3, 'senior-technician': 12, 'principal-technician': 1 } } }
    const lines = dashboardText(levels)
    const header = lines[lines.indexOf('Levels by district') + 1]!
    const row = lines[lines.indexOf('Levels by district') + 2]!
    for (const name of ['intermediate', 'senior-technician', 'principal-technician']) expect(header).toMatch(new RegExp(` ${name}( |$)`))
    // right-aligned columns: each count ends where its level name ends (the district is 3 wide characters)
    const end = (s: string, sub: string): number => s.indexOf(sub) + sub.length
    expect(end(row, ' 12') + 3).toBe(end(header, 'senior-technician'))
  })
})

describe('dashboardText of a simulation whose policy scales the count targets', () => {
  const scaled: CityReport = { ...report, targetScale: 0.01, targets: report.targets.map((t) => ({ ...t, target: 1, scaledBy: 0.01 })) }

  it('says so under the heading, and beside each scaled target', () => {
    const lines = dashboardText(scaled)
    expect(lines[1]).toBe("  count targets scaled ×0.01 (1 % of the city's) by the policy's targets.scale: a simulation, not the city's own targets")
    expect(lines.find((l) => l.includes('status at-risk'))).toMatch(/· target scaled ×0\.01$/)
  })

  it('says nothing of a scale for the city’s own targets', () => {
    expect(dashboardText(report).join('\n')).not.toContain('scaled')
  })
})

describe('targetStatusText', () => {
  const target = report.targets[0]!
  it('shows a count forecast whole, rounded down: the trend has not reached a fraction of a person', () => {
    expect(targetStatusText({ ...target, id: 'high-skilled-2035', forecast: 3548.44 })).toMatch(/forecast 3,548( |$)/)
    expect(targetStatusText({ ...target, id: 'high-skilled-2035', forecast: 3548.99 })).toMatch(/forecast 3,548( |$)/)
  })
  it('keeps a share forecast to its hundredths', () => {
    expect(targetStatusText({ ...target, id: 'high-skilled-share', forecast: 34.56 })).toContain('forecast 34.56 %')
  })
})
