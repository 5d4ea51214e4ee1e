// `report --json`, the text report and `report --html` give each target the same deadline status:
// status, progress, deadline, forecast, the figure at a passed deadline and the employment year
// carried. Read from 0.1.0's fixture log (met, missed, on-track and at-risk targets) on dates before
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

beforeAll(() => copyFileSync(FIXTURE_DB, db))
afterAll(() => dir.remove())

const number = (n: number | null, unit: string): string => (n === null ? 'not reported' : `${n.toLocaleString('en-US')}${unit}`)
/** What the text and the HTML must say of a target, built here from the JSON alone. */
const expectedLine = (t: Target): string => {
  const unit = t.id.endsWith('share') ? ' %' : ''
  const parts = [`status ${t.status}`, `progress ${Math.round(t.progress * 1000) / 10} %`, `deadline ${t.deadline}`, `forecast ${number(t.forecast, unit)}`]
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
    if (asOf === '2036-06-30') expect(targets.find((t) => t.id === 'skilled-share')?.carriedFrom).toBe(2035)
    if (asOf === '2035-12-31') expect(targets.map((t) => t.status)).toEqual(expect.arrayContaining(['met', 'missed']))
    if (asOf === '2028-06-30') expect(targets.map((t) => t.status)).toEqual(expect.arrayContaining(['on-track', 'at-risk']))
  })
})
