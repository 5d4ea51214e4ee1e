// `report --html FILE`: one self-contained page, loaded in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core, which never downloads a browser of its own) to
// check that the three charts render with the report's numbers and without console errors.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, tempDir } from './run-cli.js'

const CHROMIUM = '/usr/bin/chromium'
const dir = tempDir()
const store = `sqlite:${join(dir.path, 'city.db')}`
const page = join(dir.path, 'page.html')
const cli = (...args: string[]) => runCli(['--store', store, ...args], { cwd: dir.path })

interface Report {
  readonly targets: ReadonlyArray<{
    readonly id: string
    readonly target: number
    readonly actual: number | null
    readonly status: string
    readonly forecast: number | null
    readonly trajectory: ReadonlyArray<{ readonly year: number; readonly actual: number | null; readonly required: number }>
  }>
  readonly levelsByDistrict: Readonly<Record<string, Readonly<Record<string, number>>>>
  readonly trainingsByField: Readonly<Record<string, { readonly enrolled: number; readonly completed: number }>>
}
let report: Report

beforeAll(() => {
  expect(cli('demo', '--talents', '60').code).toBe(0)
  report = cli('report', '--json', '--as-of', '2030-12-31').json()[0] as Report
})
afterAll(() => dir.remove())

describe('talent-ledger report --html', () => {
  it('writes one self-contained page and says so on stdout', () => {
    const run = cli('report', '--html', page, '--as-of', '2030-12-31')
    expect(run.code).toBe(0)
    const html = readFileSync(page, 'utf8')
    expect(run.json()).toEqual([{ ok: true, file: page, bytes: Buffer.byteLength(html), asOf: '2030-12-31' }])
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i)
    expect(html).not.toMatch(/<script|<link|@import|url\(/i)
    expect(html).toContain('高技能人才')
  })

  it.each([
    [['--json', '--html', 'other.html'], /--json or --html FILE, not both/],
    [['--html', page], /cannot write .*page\.html: it exists already/],
    [['--html', join(dir.path, 'no-such-folder', 'p.html')], /its folder does not exist/],
  ])('exits 2 with one line on stderr for %j, writing nothing', (args, message) => {
    const before = readFileSync(page, 'utf8')
    const run = cli('report', ...args)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(message)
    expect(readFileSync(page, 'utf8')).toBe(before)
    expect(existsSync(join(dir.path, 'other.html'))).toBe(false)
  })

  describe('in headless Chromium', () => {
    let browser: Browser
    beforeAll(async () => {
      // a missing browser is a failure, never a skip: .ci/run installs Debian's chromium
      expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium`).toBe(true)
      // launch() gives every run a fresh temporary profile (user-data-dir) of its own
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      })
    })
    afterAll(async () => browser?.close())

    it('renders the charts, the target paths and their tables with the report numbers and no console errors', async () => {
      const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } })
      const errors: string[] = []
      const requests: string[] = []
      tab.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined))
      tab.on('pageerror', (e) => errors.push(e.message))
      tab.on('request', (r) => requests.push(r.url()))
      await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' })

      for (const id of ['targets-chart', 'trainings-chart', 'districts-chart']) {
        const box = await tab.locator(`svg#${id}`).boundingBox()
        expect(box, id).not.toBeNull()
        expect(box?.width ?? 0, id).toBeGreaterThan(100)
        expect(box?.height ?? 0, id).toBeGreaterThan(50)
      }

      const bars = await tab.$$eval('svg#targets-chart g.target', (groups) =>
        groups.map((g) => ({
          id: g.getAttribute('data-target-id'),
          track: g.querySelector('.bar-track')?.getBoundingClientRect().width ?? 0,
          fill: g.querySelector('.bar-fill')?.getBoundingClientRect().width ?? 0,
        })),
      )
      expect(bars.map((b) => b.id)).toEqual(report.targets.map((t) => t.id))
      for (const [i, t] of report.targets.entries()) {
        const bar = bars[i] ?? { track: 0, fill: 0 }
        expect(bar.track).toBeGreaterThan(100)
        expect(bar.fill / bar.track, t.id).toBeCloseTo(Math.min(1, (t.actual ?? 0) / t.target), 2)
      }
      // one bar checked by hand: a partly reached target fills that part of its track
      const share = report.targets.find((t) => t.id === 'high-skilled-share')
      const shareBar = bars.find((b) => b.id === 'high-skilled-share')
      expect(share?.actual).toBeGreaterThan(0)
      expect(shareBar && shareBar.fill / shareBar.track).toBeCloseTo((share?.actual ?? 0) / (share?.target ?? 1), 2)

      expect(await tab.locator('svg#trainings-chart g.field').count()).toBe(6)
      const districts = await tab.$$eval('svg#districts-chart g.district', (groups) =>
        groups.map((g) => ({ name: g.getAttribute('data-district'), width: g.getBoundingClientRect().width })),
      )
      expect(districts.map((d) => d.name).sort()).toEqual(Object.keys(report.levelsByDistrict).sort())
      for (const d of districts) expect(d.width, d.name ?? '').toBeGreaterThan(0)
      expect(await tab.locator('svg#districts-chart g.legend-item').count()).toBeGreaterThan(1)

      // one path chart per target, drawn (a solid actual line or point, a dashed required path, the
      // deadline line) with its table beside it holding the JSON's figures
      for (const t of report.targets) {
        const chart = tab.locator(`figure.target-path[data-target-id="${t.id}"]`)
        const svgBox = await chart.locator('svg.path-chart').boundingBox()
        expect(svgBox?.width ?? 0, t.id).toBeGreaterThan(300)
        expect(await chart.locator('svg.path-chart').getAttribute('role')).toBe('img')
        expect(await chart.locator('svg.path-chart').getAttribute('aria-label')).toContain(`status ${t.status}`)
        expect((await chart.locator('.required-line').boundingBox())?.width ?? 0, t.id).toBeGreaterThan(10)
        expect((await chart.locator('.deadline').boundingBox())?.height ?? 0, t.id).toBeGreaterThan(50)
        expect(await chart.locator('svg text.status').textContent()).toContain(t.status.replace('-', ' '))
        const rows = await chart.locator('table tr.trajectory-point').evaluateAll((trs) =>
          trs.map((tr) => ({
            year: Number(tr.getAttribute('data-year')),
            actual: tr.querySelector('[data-actual]')?.getAttribute('data-actual'),
            required: Number(tr.querySelector('[data-required]')?.getAttribute('data-required')),
          })),
        )
        expect(rows).toEqual(t.trajectory.map((p) => ({ year: p.year, actual: p.actual === null ? '' : String(p.actual), required: p.required })))
        expect(await chart.locator('table tr.forecast-row [data-forecast]').getAttribute('data-forecast')).toBe(t.forecast === null ? '' : String(t.forecast))
        expect(await chart.locator('table caption').count()).toBe(1)
        expect(await chart.locator('table th[scope="row"]').count()).toBe(t.trajectory.length + 1)
      }

      // the bar charts' tables hold the same figures as the JSON
      const trainings = await tab.$$eval('table#trainings-table tbody tr', (trs) =>
        trs.map((tr) => [tr.getAttribute('data-field'), Number(tr.querySelector('[data-enrolled]')?.getAttribute('data-enrolled')), Number(tr.querySelector('[data-completed]')?.getAttribute('data-completed'))]),
      )
      expect(trainings).toHaveLength(6)
      for (const [field, enrolled, completed] of trainings)
        expect({ enrolled, completed }, String(field)).toEqual(report.trainingsByField[String(field)] ?? { enrolled: 0, completed: 0 })
      const levels = await tab.$$eval('table#districts-table tbody td', (tds) =>
        tds.map((td) => [td.parentElement?.getAttribute('data-district'), td.getAttributeNames().find((a: string) => a.startsWith('data-level-'))?.slice(11), Number(td.textContent?.replace(/,/g, ''))]),
      )
      expect(levels.length).toBeGreaterThan(0)
      for (const [district, level, n] of levels) expect(n, `${district} ${level}`).toBe(report.levelsByDistrict[String(district)]?.[String(level)] ?? 0)
      expect(await tab.locator('table#districts-table tbody tr').count()).toBe(Object.keys(report.levelsByDistrict).length)

      const png = join(dir.path, 'page.png')
      await tab.screenshot({ path: png, fullPage: true })
      expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG')
      expect(statSync(png).size).toBeGreaterThan(20_000)

      expect(errors).toEqual([])
      expect(requests.every((url) => url.startsWith('file:'))).toBe(true)
    })
  })
})
