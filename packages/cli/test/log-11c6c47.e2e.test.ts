// A log written by the code just before DOMAIN.md §12–15 (commit 11c6c47: fixtures/log-11c6c47, see
// its README) reads back identically with today's binary. It holds SeniorPostAppointed and
// HonorConferred at schemaVersion 1, which today's code upcasts on read (the stored rows never change):
// imported into a fresh SQLite store, it verifies to the same Merkle root, exports again byte for byte,
// and every read the old code ran on its own import prints at least what it printed then — the
// profiles and reports as deep subsets (today's may add keys, e.g. a profile's posts or the §16
// dashboard keys), the text report as its lines in order, verify exactly. A failure here means the
// code changed how an old log reads; the fixture is never rewritten.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, tempDir } from './run-cli.js'
import { expectSuperset } from './superset.js'

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'log-11c6c47')
const fixture = (...path: string[]): string => readFileSync(join(FIXTURE, ...path), 'utf8')

interface Read {
  readonly args: ReadonlyArray<string>
  readonly expected: string
  readonly code: number
}
const { commit, events, reads } = JSON.parse(fixture('reads.json')) as { readonly commit: string; readonly events: number; readonly reads: ReadonlyArray<Read> }
const exported = gunzipSync(readFileSync(join(FIXTURE, 'export.jsonl.gz'))).toString('utf8')
const rows = exported.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; schemaVersion: number })

const dir = tempDir()
const store = `sqlite:${join(dir.path, 'imported.db')}`
const cli = (...args: string[]) => runCli(['--store', store, ...args], { cwd: dir.path })

beforeAll(() => {
  const file = join(dir.path, 'export.jsonl')
  writeFileSync(file, exported)
  const imported = cli('import', file)
  expect([imported.code, imported.stderr]).toEqual([0, ''])
})
afterAll(() => dir.remove())

describe('a log written by the code of 11c6c47 (before §12–15)', () => {
  it('is that fixture, and holds the events whose shape changed since at their first version', () => {
    expect(commit).toBe('11c6c4796347114f7056ed949316e54ac3c711db')
    expect(rows).toHaveLength(events)
    const v1 = (type: string): number => rows.filter((r) => r.type === type && r.schemaVersion === 1).length
    expect(v1('SeniorPostAppointed')).toBe(3)
    expect(v1('HonorConferred')).toBe(3)
    expect(rows.every((r) => r.schemaVersion === 1)).toBe(true)
    expect(reads[reads.length - 1]!.args, 'verify records a digest: it runs last').toEqual(['verify'])
  })

  it('imports, and exports again byte for byte (upcasting never rewrites a stored row)', () => {
    const again = cli('export')
    expect([again.code, again.stderr]).toEqual([0, ''])
    expect(again.stdout).toBe(exported)
  })

  // One deliberate change of presentation since: the text report shows a count target's forecast
  // whole, rounded down (11c6c47 printed `forecast 48.01`); the figures themselves are unchanged, as
  // the JSON reads show.
  const textPresentationSince11c6c47 = (text: string): string =>
    text.startsWith('{') ? text : text.replace(/(status [^\n]* · forecast )(\d[\d,]*)\.\d+(?![\d.]| %)/g, '$1$2')

  it.each(reads.map((r) => [r.args.join(' '), r] as const))('%s prints what 11c6c47 printed', (_name, read) => {
    const run = cli(...read.args)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(read.code)
    const expected = textPresentationSince11c6c47(fixture('expected', read.expected))
    // the same root over the same stream heads: the log's hash chains are read as they were written
    if (read.args[0] === 'verify') expect(run.stdout).toBe(expected)
    else expectSuperset(run.stdout, expected)
  })

  it('under 11c6c47 the store that wrote the log and its import verified to the same root', () => {
    const written = JSON.parse(fixture('expected', 'verify-written.json')) as { digest: { root: string } }
    const today = JSON.parse(fixture('expected', 'verify.json')) as { digest: { root: string } }
    expect(today.digest.root).toBe(written.digest.root)
  })

  it('upcast version-1 honours and appointments print exactly as before, with no catalogue or term fields', () => {
    for (const talentId of ['fx-1', 'fx-3']) {
      const old = JSON.parse(fixture('expected', `show-${talentId}.json`)) as { honours: unknown; certificates: unknown; level: string }
      const now = JSON.parse(cli('show', talentId).stdout) as typeof old
      expect(now.honours).toEqual(old.honours)
      expect(now.certificates).toEqual(old.certificates)
      expect(now.level).toBe(old.level)
    }
  })

  it('shows the version-1 posts open-ended (no term then), the one its holder left by a release ended that day', () => {
    const posts = (talentId: string, asOf: string) => (JSON.parse(cli('show', talentId, '--as-of', asOf).stdout) as { seniorPosts: Array<Record<string, unknown>> }).seniorPosts
    expect(posts('fx-1', '2030-12-31').map((p) => [p['level'], p['on'], p['expiresOn'], p['status']])).toEqual([
      ['principal-technician', '2027-09-01', null, 'in-force'],
      ['chief-technician', '2029-10-01', null, 'in-force'],
    ])
    expect(posts('fx-3', '2028-12-31').map((p) => [p['on'], p['endedOn'], p['status']])).toEqual([['2027-09-02', '2028-06-30', 'ended']])
  })
})
