// `report --json`, the text report and `report --html` give each target the same deadline status:
// status, progress, deadline, forecast, the figure at a passed deadline and the employment year
// carried; and the same totals, targets, actual figures and money (rows and totals by benefit). Read from 0.1.0's fixture log (met, missed, on-track and at-risk targets) on dates before
// and after the 2030 deadline, and in 2036, a year with no employment figure yet.
import { copyFileSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, tempDir } from './run-cli.js'

const FIXTURE_DB = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'log-0.1', 'ledger.db')
const dir = tempDir()
const db = join(dir.path, 'ledger.db')
const report = (...args: string[]) => runCli(['--store', `sqlite:${db}`, 'report', ...args], { cwd: dir.path })

interface Target {
  id: string
  status: string
  progress: number
  deadline: string
  forecast: number | null
  actualAtDeadline?: number | null
  employmentYear?: number | null
  carriedFrom?: number
  target: number
  actual: number | null
  trajectory: Array<{ year: number; actual: number | null; required: number }>
}

/** The figures of one target's path table on the page, read back from the cells' `data-*` attributes. */
const pathTable = (html: string, id: string) => {
  const figure = html.match(new RegExp(`<figure class="target-path status-([a-z-]+)" data-target-id="${id}" data-status="([a-z-]+)">[\\s\\S]*?</figure>`))
  expect(figure, `path chart, ${id}`).not.toBeNull()
  const cell = (attr: string, row: string): number | null => {
    const v = row.match(new RegExp(`data-${attr}="([^"]*)"`))?.[1]
    return v === undefined || v === '' ? null : Number(v)
  }
  const rows = [...figure![0].matchAll(/<tr class="trajectory-point" data-year="(\d+)">([\s\S]*?)<\/tr>/g)]
  const forecast = figure![0].match(/<tr class="forecast-row" data-deadline="([^"]*)">([\s\S]*?)<\/tr>/)
  return {
    status: figure![2],
    svg: figure![0].match(/<svg [^>]*>/)?.[0] ?? '',
    trajectory: rows.map((r) => ({ year: Number(r[1]), actual: cell('actual', r[2]!), required: cell('required', r[2]!) })),
    deadline: forecast?.[1],
    forecast: forecast === null ? undefined : cell('forecast', forecast[2]!),
    target: forecast === null ? undefined : cell('target', forecast[2]!),
  }
}

/** The report's figures besides the targets' judgements. */
interface Figures {
  talentsTotal: number
  skilledTotal: number
  highSkilledTotal: number
  employedPersons: number | null
  employedPersonsYear: number | null
  benefits: Array<{ benefit: string; year: number; district: string; grants: number; amount: number; flaggedAmount: number }>
  benefitTotals: Record<string, number>
}
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

beforeAll(() => copyFileSync(FIXTURE_DB, db))
afterAll(() => dir.remove())

const number = (n: number | null, unit: string): string => (n === null ? 'not reported' : `${n.toLocaleString('en-US')}${unit}`)
/** What the text and the HTML must say of a target, built here from the JSON alone. */
const expectedLine = (t: Target): string => {
  const unit = t.id.endsWith('share') ? ' %' : ''
  const parts = [`status ${t.status}`, `progress ${Math.round(t.progress * 1000) / 10} %`, `deadline ${t.deadline}`, `forecast ${number(unit === '' && t.forecast !== null ? Math.floor(t.forecast) : t.forecast, unit)}`]
  if (t.actualAtDeadline !== undefined) parts.push(`at deadline ${number(t.actualAtDeadline, unit)}`)
  parts.push(t.carriedFrom !== undefined ? `employment carried from ${t.carriedFrom}` : `employment ${t.employmentYear}`)
  return parts.filter((p) => p !== 'employment undefined').join(' · ')
}

describe('report --json, text and --html', () => {
  it.each(['2028-06-30', '2030-12-31', '2035-12-31', '2036-06-30'])('agree on every target’s status as of %s', (asOf) => {
    const json = report('--json', '--as-of', asOf)
    const text = report('--as-of', asOf)
    const page = join(dir.path, `report-${asOf}.html`)
    const html = report('--html', page, '--as-of', asOf)
    expect([json.code, text.code, html.code]).toEqual([0, 0, 0])
    const targets = (json.json()[0] as { targets: Target[] }).targets
    const lines = text.stdout.split('\n')
    const svg = readFileSync(page, 'utf8')
    expect(targets).toHaveLength(5)
    for (const t of targets) {
      const at = lines.findIndex((l) => l.includes(` ${t.id} `))
      expect(lines[at + 1], `text, ${t.id}`).toBe(`      ${expectedLine(t)}`)
      const group = svg.match(new RegExp(`<g class="[^"]*" data-target-id="${t.id}"([^>]*)>[\\s\\S]*?</g>`))
      expect(group, `html, ${t.id}`).not.toBeNull()
      const attrs = group![1]!
      expect(attrs).toContain(`data-status="${t.status}" data-progress="${t.progress}" data-forecast="${t.forecast ?? ''}" data-deadline="${t.deadline}"`)
      expect(attrs.includes(`data-carried-from="${t.carriedFrom}"`)).toBe(t.carriedFrom !== undefined)
      expect(group![0]).toContain(`class="judgement muted">${expectedLine(t)}</text>`)
      // the path chart's table beside the line chart: the same yearly figures and forecast as the JSON
      const table = pathTable(svg, t.id)
      expect(t.trajectory.length, `trajectory, ${t.id}`).toBeGreaterThan(0)
      expect(table, `path table, ${t.id}`).toMatchObject({ status: t.status, trajectory: t.trajectory, deadline: t.deadline, forecast: t.forecast, target: t.target })
      expect(table.svg).toMatch(/role="img" aria-label="[^"]+"/)
    }
    // every other figure: the totals, each target's target and actual, and the money, in all three forms
    const r = json.json()[0] as Figures
    expect(lines).toContain(`  talents ${number(r.talentsTotal, '')}, skilled ${number(r.skilledTotal, '')}, high-skilled ${number(r.highSkilledTotal, '')}, employed persons ${number(r.employedPersons, '')} (${r.employedPersonsYear ?? '—'})`)
    for (const zh of ['在册人才', '技能人才', '高技能人才']) expect(svg).toContain(`<li>${zh} <span class="muted">`)
    for (const value of [r.talentsTotal, r.skilledTotal, r.highSkilledTotal]) expect(svg).toContain(`<b>${number(value, '')}</b>`)
    for (const t of targets) {
      const unit = t.id.endsWith('share') ? ' %' : ''
      const row = lines.find((l) => l.includes(` ${t.id} `))!
      expect(row.replace(/ +/g, ' '), `text row, ${t.id}`).toMatch(new RegExp(`target ${escapeRe(number(t.target, unit))} actual ${escapeRe(number(t.actual, unit))}$`))
      const group = svg.match(new RegExp(`<g class="[^"]*" data-target-id="${t.id}"([^>]*)>`))![1]!
      expect(group).toContain(`data-actual="${t.actual ?? ''}" data-target="${t.target}"`)
    }
    for (const b of r.benefits)
      expect(svg).toContain(`data-benefit="${b.benefit}" data-year="${b.year}" data-district="${b.district}"><td>${b.benefit}</td><td>${b.year}</td><td>${b.district}</td><td class="num" data-grants="${b.grants}">${number(b.grants, '')}</td><td class="num" data-fen="${b.amount}">`)
    for (const [benefit, fen] of Object.entries(r.benefitTotals)) {
      expect(svg).toContain(`data-benefit="${benefit}" data-fen="${fen}"`)
      expect(lines.some((l) => l.startsWith(`    ${benefit} `) && l.trimEnd().endsWith(`${(fen / 100).toFixed(2)}元`)), `text total, ${benefit}`).toBe(true)
    }
    if (asOf === '2036-06-30') expect(targets.find((t) => t.id === 'skilled-share')?.carriedFrom).toBe(2035)
    if (asOf === '2035-12-31') expect(targets.map((t) => t.status)).toEqual(expect.arrayContaining(['met', 'missed']))
    if (asOf === '2028-06-30') expect(targets.map((t) => t.status)).toEqual(expect.arrayContaining(['on-track', 'at-risk']))
  })
})
