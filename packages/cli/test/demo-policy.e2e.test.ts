// The demo exercises the policy's other half (DOMAIN.md §10–15): its city designates training
// carriers with hosts and grades, links a masters' studio to its master and enrols trainings in the
// carriers' programmes; trains a chain's staff and an order class under agreements, hires students
// and registers teachers; appoints senior posts with
// terms within quotas, certifies under the demo policy's featured-industry standards, confers
// catalogued honours (some from competition prize rows) and reports honour lists, and delivers
// services. The demo prints a line for each; `report` shows the same figures as JSON, text and HTML.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
const store = `sqlite:${join(dir.path, 'demo.db')}`
const cli = (...args: string[]) => runCli(['--store', store, ...args], { cwd: dir.path })
const UNTIL = '2029-12-31'

interface Report {
  carrierOutputs: Array<{ carrierId: string; grade: string | null; masterTalentId: string | null; programmes: number; enrolled: number; completed: number; certified: number }>
  agreements: Array<{ agreementId: string; kind: string; enrolled: number; completed: number; hiredByPartner: number }>
  teachers: { total: number; highSkilled: number }
  seniorPosts: Array<{ employerId: string; level: string; inForce: number; quota: number | null }>
  featuredCertificates: Array<{ standardId: string; level: string; count: number }>
  honours: Array<{ honourId: string; year: number; reported: number | null; inLedger: number; highSkilled: number }>
  services: Array<{ service: string; year: number; delivered: number; entitledNow: number | null }>
}
let out = ''
let report: Report

beforeAll(() => {
  const run = cli('demo', '--scale', '0.002', '--seed', '5', '--until', UNTIL)
  expect([run.code, run.stderr]).toEqual([0, ''])
  out = run.stdout
  report = cli('report', '--json', '--as-of', UNTIL).json()[0] as Report
}, 300_000)
afterAll(() => dir.remove())

const sum = <T>(rows: ReadonlyArray<T>, f: (r: T) => number): number => rows.reduce((s, r) => s + f(r), 0)

describe('the demo city under the demo policy (DOMAIN.md §10–15)', () => {
  it('no refusal the simulator did not intend', () => {
    expect(out).toMatch(/refused [^\n]*\((\d+) refusals were intended by the simulator\)/)
    const [, refused, intended] = out.match(/refused ((?:\w+ \d+(?:, )?)*|none) \((\d+) refusals were intended/)!
    const total = refused === 'none' ? 0 : sum(refused!.split(', '), (r) => Number(r.split(' ')[1]))
    expect(total).toBe(Number(intended))
  })

  it("designates carriers with hosts and grades, links a studio's master, and prints the outputs of the carriers' programmes", () => {
    const carriers = report.carrierOutputs
    expect(carriers.filter((c) => c.grade !== null).length).toBe(3)
    const masters = carriers.filter((c) => c.masterTalentId !== null).length
    expect(masters).toBe(1)
    const total = (f: (c: Report['carrierOutputs'][number]) => number) => sum(carriers, f)
    expect(total((c) => c.enrolled)).toBeGreaterThan(0)
    expect(total((c) => c.certified)).toBeGreaterThan(0)
    expect(out).toContain(
      `Training carriers: ${carriers.length} designated (1 masters' studio with its master), ${total((c) => c.programmes)} programmes opened at them: ${total((c) => c.enrolled)} enrolled, ${total((c) => c.completed)} completed, ${total((c) => c.certified)} certified (`,
    )
  })

  it('trains under a chain agreement and an order class whose students a partner hires, registers teachers, and prints them', () => {
    const row = (kind: string) => report.agreements.find((a) => a.kind === kind)!
    const chain = row('industry-chain')
    const order = row('order-class')
    expect(chain.enrolled).toBeGreaterThan(0)
    expect(order.hiredByPartner).toBeGreaterThan(0)
    expect(report.teachers.total).toBeGreaterThan(0)
    expect(out).toContain(`Cooperation: industry-chain ${chain.agreementId} ${chain.enrolled} enrolled, ${chain.completed} completed; order-class ${order.agreementId} ${order.enrolled} enrolled, ${order.completed} completed, ${order.hiredByPartner} hired by a partner; ${report.teachers.total} vocational-school teachers (`)
  })

  it('appoints senior posts within every quota, and prints them against the quotas', () => {
    expect(report.seniorPosts.length).toBeGreaterThan(0)
    expect(report.seniorPosts.every((p) => p.quota !== null && p.inForce <= p.quota)).toBe(true)
    const level = (l: string) => report.seniorPosts.filter((p) => p.level === l)
    const principal = level('principal-technician')
    expect(sum(principal, (p) => p.inForce)).toBeGreaterThan(0)
    expect(out).toContain(`Senior posts in force against their quotas: principal technicians ${sum(principal, (p) => p.inForce)} of ${sum(principal, (p) => p.quota ?? 0)}, chief technicians`)
  })

  it('certifies under both featured standards, on the ladder and off it', () => {
    const standards = new Set(report.featuredCertificates.map((c) => c.standardId))
    expect(standards).toEqual(new Set(['lyg-security', 'lyg-press-on-nails']))
    const count = (id: string) => sum(report.featuredCertificates.filter((c) => c.standardId === id), (c) => c.count)
    expect(out).toMatch(new RegExp(`Featured-industry certificates \\(the city's own standards\\): lyg-press-on-nails ${count('lyg-press-on-nails')}, lyg-security ${count('lyg-security')}`))
  })

  it('confers catalogued honours and reports the lists they belong to, never fewer recipients than the ledger holds', () => {
    expect(report.honours.length).toBeGreaterThan(0)
    const reported = report.honours.filter((h) => h.reported !== null)
    expect(reported.length).toBeGreaterThan(0)
    expect(reported.every((h) => h.inLedger <= h.reported!)).toBe(true)
    expect(out).toMatch(/Honours conferred \(catalogued\): .+; high-skilled share of the reported lists: 20\d\d [\d.]+ %/)
  })

  it('delivers every service the policy sets, and prints the deliveries', () => {
    expect(new Set(report.services.filter((s) => s.delivered > 0).map((s) => s.service))).toEqual(new Set(['one-stop-service', 'children-education', 'medical-care', 'health-check', 'recuperation']))
    const delivered = (s: string) => sum(report.services.filter((r) => r.service === s), (r) => r.delivered)
    expect(out).toContain(`health-check ${delivered('health-check').toLocaleString('en-US')}`)
    expect(out).toContain(`one-stop-service ${delivered('one-stop-service').toLocaleString('en-US')}`)
  })

  it('report prints the same sections as text and HTML', () => {
    const text = cli('report', '--as-of', UNTIL).stdout
    for (const heading of ['Honours (high-skilled share of each reported list)', 'Services (entitled', 'Senior posts in force on the report date', 'Featured-industry certificates valid on the report date']) expect(text).toContain(heading)
    const page = join(dir.path, 'page.html')
    expect(cli('report', '--html', page, '--as-of', UNTIL).code).toBe(0)
    const html = readFileSync(page, 'utf8')
    for (const id of ['honours-table', 'services-table', 'senior-posts-table', 'featured-table']) expect(html).toContain(`id="${id}"`)
    for (const id of ['honours-none', 'services-none', 'senior-posts-none', 'featured-none']) expect(html).not.toContain(`id="${id}"`)
  })
})
