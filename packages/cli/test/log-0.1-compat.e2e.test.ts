// A log written by version 0.1.0 (fixtures/log-0.1, see its README) reads back identically with
// today's binary: every read of reads.json, run on a copy of the stored SQLite file, prints exactly
// what 0.1.0 printed; the log it exported imports into fresh SQLite and PostgreSQL stores that
// verify and export it again byte for byte (PostgreSQL assigns positions of its own: those alone
// may differ there); its commands, applied again today, give the result lines 0.1.0 gave. The
// fixture is never rewritten: when this test fails, the code changed how an old log reads.
//
// Stripped before comparing, and only this: the age of the oldest pending notice in `notifications`
// (`"ageSeconds":N` in the JSON summary, `(N s ago)` in the text), which is "now" minus the notice's
// stored createdAt and so grows every second after the fixture was written. The stored createdAt and
// id beside it are compared as they are. And, in the result lines of `apply`, the command types added
// since 0.1 at the end of the unknown-type refusal's list ("expected one of …"): the catalogue keeps
// 0.1's types first, in 0.1's order, and new ones follow (domain/aggregates.ts), so only an addition
// at the end is stripped.
//
// `report` alone is compared as a superset of what 0.1.0 printed, because the dashboard gains fields
// and lines (each target's deadline status, progress, forecast and trajectory): its JSON must contain
// every field 0.1.0 printed with the same value (a deep subset: objects may gain keys, arrays keep
// their length and order), and its text must contain 0.1.0's lines unchanged and in the same order,
// with new lines allowed between them. `show` prints a talent's senior posts and featured certificates
// (keys added since 0.1, printed only for a talent that has them): without those keys, its output is
// compared byte for byte. Every other read is still compared byte for byte.
import { createHash } from 'node:crypto'
import { copyFileSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMAND_TYPES } from '@talent-ledger/core'
import { dropSchemas, pgStoreUrl, uniqueSchemaName } from './pg-test-schemas.js'
import { runCli, tempDir } from './run-cli.js'
import { expectSuperset as expectReportSuperset } from './superset.js'

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'log-0.1')
const fixture = (...path: string[]): string => readFileSync(join(FIXTURE, ...path), 'utf8')
const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

/** One read of the fixture: the CLI arguments (without `--store`), its expected stdout file and exit code. */
interface Read {
  readonly args: ReadonlyArray<string>
  readonly expected: string
  readonly code: number
}
const { version, ledgerSha256, reads } = JSON.parse(fixture('reads.json')) as { readonly version: string; readonly ledgerSha256: string; readonly reads: ReadonlyArray<Read> }

/** The one value that changes per run (see the header): the age of the oldest pending notice. */
const withoutPendingAge = (out: string): string => out.replace(/"ageSeconds":\d+/g, '"ageSeconds":"stripped"').replace(/\(\d+ s ago\)/g, '(stripped s ago)')

/** Keys a profile gained after 0.1 (DOMAIN.md §12–13), printed only for a talent that has them: fx-1's post. */
const PROFILE_ADDITIONS = ['seniorPosts', 'featuredCertificates']
/** `show`'s output without the keys added since 0.1, printed again in the same form: the rest must be byte for byte 0.1's. */
const withoutProfileAdditions = (out: string, pretty: boolean): string => {
  if (!out.startsWith('{"talentId"') && !out.startsWith('{\n  "talentId"')) return out
  const profile = JSON.parse(out) as Record<string, unknown>
  for (const key of PROFILE_ADDITIONS) delete profile[key]
  return `${pretty ? JSON.stringify(profile, null, 2) : JSON.stringify(profile)}\n`
}

/** The last command type of 0.1's catalogue: the types after it in today's catalogue are additions. */
const LAST_TYPE_OF_0_1 = 'ReleaseTalent'
const ADDED_TYPES = COMMAND_TYPES.slice(COMMAND_TYPES.indexOf(LAST_TYPE_OF_0_1) + 1)
/** The unknown-type refusal as 0.1 listed it: today's list without the types appended since (see the header). */
const withoutAddedTypes = (out: string): string =>
  ADDED_TYPES.length === 0 ? out : out.replaceAll(`${LAST_TYPE_OF_0_1}, ${ADDED_TYPES.join(', ')}, got`, `${LAST_TYPE_OF_0_1}, got`)

const expectedExport = fixture('expected', 'export.jsonl')
const expectedVerify = JSON.parse(fixture('expected', 'verify.json')) as { streams: number; events: number; digest: { globalPosition: number; streamCount: number; root: string } }
const expectedReport = fixture('expected', 'report-2035.json')

const dir = tempDir()
const committedDb = join(FIXTURE, 'ledger.db')
const copy = join(dir.path, 'ledger-0.1.db')
const schema = uniqueSchemaName('tl_cli_log01')

beforeAll(() => copyFileSync(committedDb, copy))
afterAll(async () => {
  dir.remove()
  await dropSchemas([schema])
})

describe('a log written by talent-ledger 0.1.0', () => {
  it('is the fixture of 0.1.0, unchanged, with a read for every stored concern', () => {
    expect(version).toBe('0.1.0')
    expect(sha256(committedDb), 'ledger.db is the file 0.1.0 wrote: never rewrite it').toBe(ledgerSha256)
    expect(reads.map((r) => r.args[0])).toEqual(expect.arrayContaining(['export', 'show', 'report', 'notifications', 'erasures', 'verify']))
    // verify records a digest in the store it checks: it runs last, after the reads it must not disturb
    expect(reads[reads.length - 1]!.args).toEqual(['verify'])
  })

  it.each(reads.map((r) => [r.args.join(' '), r] as const))('%s prints what 0.1.0 printed', (_name, read) => {
    const run = runCli(['--store', `sqlite:${copy}`, ...read.args], { cwd: dir.path })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(read.code)
    if (read.args[0] === 'report') expectReportSuperset(run.stdout, fixture('expected', read.expected))
    else if (read.args[0] === 'show') expect(withoutProfileAdditions(run.stdout, read.args.includes('--pretty'))).toBe(fixture('expected', read.expected))
    else expect(withoutPendingAge(run.stdout)).toBe(withoutPendingAge(fixture('expected', read.expected)))
  })

  /** Imports the fixture's export into `store`, verifies it, and returns what `export` prints there. */
  const importVerifyExport = (store: string): string => {
    const cli = (...args: string[]) => runCli(['--store', store, ...args], { cwd: dir.path })
    const imported = cli('import', join(FIXTURE, 'expected', 'export.jsonl'))
    expect([imported.code, imported.stderr]).toEqual([0, ''])
    expect(imported.json()).toEqual([{ ok: true, streams: expectedVerify.streams, events: expectedVerify.events }])
    const exported = cli('export')
    expect([exported.code, exported.stderr]).toEqual([0, ''])
    const lastPosition = (JSON.parse(exported.stdout.trimEnd().split('\n').pop()!) as { globalPosition: number }).globalPosition
    const verified = cli('verify')
    expect([verified.code, verified.stderr]).toEqual([0, ''])
    // the same stream heads give the same Merkle root as 0.1.0's store verified to
    const digest = { globalPosition: lastPosition, streamCount: expectedVerify.digest.streamCount, root: expectedVerify.digest.root }
    expect(verified.json()).toEqual([{ ok: true, streams: expectedVerify.streams, events: expectedVerify.events, digestsChecked: 0, digest, digestRecorded: true }])
    // names are not carried by an export (keys are not in the log); the city report needs none
    expectReportSuperset(cli('report', '--json', '--as-of', '2035-12-31').stdout, expectedReport)
    return exported.stdout
  }

  it('its export imports into a fresh SQLite store that verifies and exports it byte for byte', () => {
    expect(importVerifyExport(`sqlite:${join(dir.path, 'imported.db')}`)).toBe(expectedExport)
  })

  it('its export imports into a fresh PostgreSQL schema that verifies and exports it byte for byte but for positions', () => {
    const exported = importVerifyExport(pgStoreUrl(schema))
    // PostgreSQL assigns its own sparse positions (xid × 2^20 + index, docs/adapters.md); positions are
    // not hashed (docs/hash-chain.md), so they alone may differ, and must still rise in commit order
    const positions = [...exported.matchAll(/,"globalPosition":(\d+),/g)].map((m) => Number(m[1]))
    expect(positions).toHaveLength(expectedVerify.events)
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true)
    const withoutPositions = (log: string): string => log.replace(/,"globalPosition":\d+,/g, ',')
    expect(withoutPositions(exported)).toBe(withoutPositions(expectedExport))
  })

  it.each([1, 2])('its commands-%i.jsonl, applied today to an empty store, give the result lines 0.1.0 gave', (batch) => {
    const store = `sqlite:${join(dir.path, 'reapplied.db')}`
    const run = runCli(['--store', store, 'apply', join(FIXTURE, `commands-${batch}.jsonl`)], { cwd: dir.path })
    expect(run.stderr).toBe('')
    expect(run.code, 'both batches hold intended refusals').toBe(1)
    expect(withoutAddedTypes(run.stdout)).toBe(fixture(`apply-${batch}.jsonl`))
  })

  it('left the committed file as it was', () => {
    expect(sha256(committedDb)).toBe(ledgerSha256)
  })
})
