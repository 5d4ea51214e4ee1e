// `demo` into a SQLite file, then the auditor's round trip: `export` as canonical JSON Lines,
// `import` into an empty store, and the same `verify`, the same `report --json` and the very same
// export on the other side. Import checks the whole file before writing anything.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { canonicalJson } from '@talent-ledger/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
const source = `sqlite:${join(dir.path, 'city.db')}`
const exported = join(dir.path, 'city.jsonl')
let demoOut = ''

const cli = (...args: string[]) => runCli(args, { cwd: dir.path })
const summaryOf = (store: string) => {
  const run = cli('--store', store, 'verify')
  expect(run.code).toBe(0)
  const { streams, events, digest } = run.json()[0] as { streams: number; events: number; digest: unknown }
  return { streams, events, digest }
}

beforeAll(() => {
  const run = cli('--store', source, 'demo', '--talents', '30', '--seed', '7')
  expect(run.code).toBe(0)
  demoOut = run.stdout
  expect(cli('--store', source, 'export', exported).code).toBe(0)
})
afterAll(() => dir.remove())

describe('talent-ledger demo', () => {
  it('simulates the city into the store at the scale of its talents and prints the dashboard against every target', () => {
    // --talents alone picks the scale of a city that holds that many talents, and the first line says it
    expect(demoOut).toMatch(/^talent-ledger demo — Lianyungang at scale [0-9.]+ \([0-9.]+ % of the city\): [\d,]+ employed persons, 30 simulated talents \(seed 7\)/)
    // printed before the run: the stock and the demo policy, named as such, with what it sets
    expect(demoOut.split('\n')[1]).toMatch(/^the city: \d+ talents already certified \(prior certificates issued before 2026/)
    // the schools' own students and teachers are talents of the ledger too: the line says how many
    expect(demoOut.split('\n')[1]).toMatch(/the vocational schools register [\d,]+ students and teachers of their own/)
    expect(demoOut.split('\n')[2]).toMatch(/^policy: the demo policy lianyungang-demo .* sets the housing subsidy .* and the living allowance .* which the default policy leaves unset, the level a masters' studio's master holds, senior-post terms and quotas, two featured-industry standards and who is entitled to which service, and scales the count targets ×/)
    expect(demoOut).toContain('City dashboard as of 2028-12-31 (policy lianyungang-demo)')
    expect(demoOut).toMatch(/count targets scaled ×[0-9.]+ \([0-9.]+ % of the city's\)/)
    for (const id of ['new-high-skilled-2030', 'skilled-share', 'high-skilled-share', 'high-skilled-2035', 'carriers']) expect(demoOut).toContain(id)
    expect(summaryOf(source).events).toBeGreaterThan(100)
  })

  it('--scale sets the city, and a report read later from the file shows the scaled targets as scaled', () => {
    const scaled = `sqlite:${join(dir.path, 'scaled.db')}`
    const run = cli('--store', scaled, 'demo', '--scale', '0.0002', '--until', '2027-12-31', '--seed', '3')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^talent-ledger demo — Lianyungang at scale 0\.0002 \(0\.02 % of the city\): 460 employed persons, /)
    expect(run.stdout).toContain('City dashboard as of 2027-12-31 (policy lianyungang-demo)')
    const report = cli('--store', scaled, 'report', '--json', '--as-of', '2027-12-31').json()[0] as {
      targetScale: number
      employedPersons: number
      targets: { id: string; target: number; scaledBy?: number }[]
    }
    expect(report.targetScale).toBe(0.0002)
    expect(report.targets.map((t) => [t.id, t.target, t.scaledBy])).toEqual([
      ['new-high-skilled-2030', 16, 0.0002],
      ['skilled-share', 30, undefined],
      ['high-skilled-share', 35, undefined],
      ['high-skilled-2035', 70, 0.0002],
      ['carriers', 1, 0.0002],
    ])
    expect(report.employedPersons).toBeGreaterThan(400)
    expect(cli('--store', scaled, 'report', '--as-of', '2027-12-31').stdout).toContain('count targets scaled ×0.0002 (0.02 % of the city\'s)')
  })

  it.each([
    [['--scale', '0'], /--scale "0" is not a fraction above 0 and at most 1/],
    [['--scale', '2'], /--scale "2" is not a fraction/],
    [['--until', '2026-06-30'], /--until 2026-06-30: the demo simulates from 2026-01-01 and needs more than a year/],
  ])('exits 2 for %j, storing nothing', (args, message) => {
    const run = cli('--store', `sqlite:${join(dir.path, 'bad.db')}`, 'demo', ...args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
  })

  it('refuses a store that already holds events, with exit 2', () => {
    const run = cli('--store', source, 'demo', '--talents', '1')
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/demo needs an empty store/)
  })
})

describe('talent-ledger export / import', () => {
  it('exports one canonical JSON event per line, in commit order', () => {
    const lines = readFileSync(exported, 'utf8').trimEnd().split('\n')
    expect(lines.length).toBe(summaryOf(source).events)
    const events = lines.map((l) => JSON.parse(l) as { globalPosition: number; prevHash: string; hash: string })
    lines.forEach((l, i) => expect(canonicalJson(events[i])).toBe(l))
    events.forEach((e, i) => expect(e.globalPosition).toBe(i + 1))
    expect(cli('--store', source, 'export').stdout).toBe(readFileSync(exported, 'utf8'))
  })

  it('round-trips into an empty store: same verify, same report, same export', () => {
    const target = `sqlite:${join(dir.path, 'copy.db')}`
    const run = cli('--store', target, 'import', exported)
    expect(run.code).toBe(0)
    expect(run.json()).toEqual([{ ok: true, streams: summaryOf(source).streams, events: summaryOf(source).events }])
    expect(summaryOf(target)).toEqual(summaryOf(source))
    const report = (store: string) => cli('--store', store, 'report', '--json', '--as-of', '2035-12-31').stdout
    expect(report(target)).toBe(report(source))
    expect(cli('--store', target, 'export').stdout).toBe(readFileSync(exported, 'utf8'))
  })

  it('refuses a target store that is not empty, with exit 2', () => {
    const run = cli('--store', source, 'import', exported)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/import needs an empty store/)
  })

  it('names the first bad line and writes nothing', () => {
    const lines = readFileSync(exported, 'utf8').trimEnd().split('\n')
    const bad = join(dir.path, 'bad.jsonl')
    const broken = { ...(JSON.parse(lines[4]!) as object), hash: 'not a hash' }
    writeFileSync(bad, [...lines.slice(0, 4), JSON.stringify(broken), ...lines.slice(5)].join('\n'))
    const target = `sqlite:${join(dir.path, 'bad.db')}`
    const run = cli('--store', target, 'import', bad)
    expect(run.code).toBe(1)
    expect(run.json()).toEqual([{ ok: false, line: 5, reason: expect.stringContaining('hash') }])
    expect(cli('--store', target, 'export').stdout).toBe('')
  })

  it('names the stream and version where a chain in the file breaks, and writes nothing', () => {
    const events = readFileSync(exported, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { streamId: string; version: number; metadata: { actor: { id: string } } })
    const victim = events.find((e) => e.version === 2)!
    victim.metadata.actor.id += '-forged'
    const forged = join(dir.path, 'forged.jsonl')
    writeFileSync(forged, events.map((e) => canonicalJson(e)).join('\n') + '\n')
    const target = `sqlite:${join(dir.path, 'forged.db')}`
    const run = cli('--store', target, 'import', forged)
    expect(run.code).toBe(1)
    expect(run.json()).toEqual([{ ok: false, stream: victim.streamId, version: 2, reason: 'hash does not match the event' }])
    expect(cli('--store', target, 'export').stdout).toBe('')
  })

  it('exits 2 for a file to import that does not exist', () => {
    const run = cli('--store', 'memory:', 'import', 'nowhere.jsonl')
    expect(run.code).toBe(2)
    expect(run.stderr.trim()).toBe('talent-ledger: cannot read nowhere.jsonl: no such file')
  })
})
