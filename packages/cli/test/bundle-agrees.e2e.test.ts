// The binary runs the bundle scripts/bundle-cli.mjs makes of tsc's outputs (main.ts); tsc's own
// entry, dist/cli.js, runs the same program unbundled. Both must say the same bytes, exit codes
// included: usage texts and errors, hostile command lines (NUL, lone surrogates, unknown fields and
// types, odd dates), the reads of a store, and verify's worker threads, whose file the bundle has
// to provide.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, runCli, tempDir } from './run-cli.js'

const UNBUNDLED = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js')
const dir = tempDir()
afterAll(() => dir.remove())

const HOSTILE_LINES = [
  JSON.stringify({ type: 'RegisterTalent', actor: { id: 'hr-bureau', role: 'hr-bureau' }, data: { talentId: 't-\u0000x', name: '\ud800', extra: 1 } }),
  JSON.stringify({ type: 'RegisterOrganization', actor: { id: 'hr-bureau', role: 'hr-bureau' }, data: { organizationId: 'emp-1', kind: 'employer', name: '连云港\udfff', unknown: { a: [1] } } }),
  JSON.stringify({ type: 'RegisterTalent', actor: { id: 'hr-bureau', role: 'hr-bureau' }, data: { talentId: 't-2', name: '李琳', nationalId: '320707199502301427', birthDate: '1995-02-30', occupation: '6-31-01-02', occupationSince: '2025-13-01', education: 'technician-college', employerId: 'emp-1', district: '海州区', frontLine: true, registeredOn: '0000-01-01' } }),
  '{"type":"Nope"}',
  'not json',
  '{"type":"RegisterTalent","actor":{"id":"hr-bureau","role":"hr-bureau"},"data":{"talentId":"t-3","name":"\\u0000"}}',
  '',
].join('\n')

let runs = 0
/** Runs `args` with `binary` in a directory of its own holding a copy of `files`. */
const run = (binary: string, args: ReadonlyArray<string>, files: ReadonlyArray<string>, input = '', env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } => {
  const cwd = join(dir.path, `run-${++runs}`)
  mkdirSync(cwd)
  for (const file of files) copyFileSync(join(dir.path, file), join(cwd, file))
  const r = spawnSync(process.execPath, [binary, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** What the bundle and the unbundled program do with the same line, side by side. */
const both = (args: ReadonlyArray<string>, files: ReadonlyArray<string> = [], input = '', env: Record<string, string> = {}) => ({
  bundled: run(CLI, args, files, input, env),
  unbundled: run(UNBUNDLED, args, files, input, env),
})

beforeAll(() => {
  const made = runCli(['--store', 'sqlite:./city.db', 'demo', '--talents', '80', '--seed', '5', '--until', '2027-06-30'], { cwd: dir.path })
  expect(made.code).toBe(0)
})

describe('the bundle says what the unbundled program says', () => {
  it('runs the bundle: main.js loads bundle/cli.js', () => {
    expect(readFileSync(CLI, 'utf8')).toContain("'../bundle/cli.js'")
  })

  it.each([
    [],
    ['--help'],
    ['--version'],
    ['help', 'notify'],
    ...['apply', 'show', 'verify', 'report', 'export', 'import', 'erasures', 'notifications', 'notify', 'onboard', 'demo', 'schema'].map((verb) => [verb, '--help']),
    ['reprt'],
    ['report', '--bogus'],
    ['--store', 'nope:', 'report'],
    ['--store', 'memory:', 'report', '--as-of', '2026-02-30'],
    ['--store', 'memory:', 'notify', '--config', 'missing.json'],
    ['--store', 'memory:', 'onboard', '-'],
    ['--store', 'memory:', 'notifications', '--channel', 'fax'],
    ['schema', 'RegisterTalent'],
    ['schema', 'Nope\ud800'],
  ].map((args) => [args.join(' '), args] as const))('%s', (_line, args) => {
    const { bundled, unbundled } = both(args)
    expect(bundled).toEqual(unbundled)
  })

  it('apply of hostile lines', () => {
    const { bundled, unbundled } = both(['--store', 'memory:', 'apply', '-'], [], HOSTILE_LINES)
    expect(bundled.stdout.split('\n').length).toBeGreaterThan(5)
    expect(bundled).toEqual(unbundled)
  })

  it.each([
    ['report', '--json'],
    ['report', '--as-of', '2027-03-31'],
    ['show', 's-000001', '--pretty'],
    ['show', '--national-id', '-'],
    ['show', 't-\ud800'],
    ['export'],
    ['erasures', '--list'],
    ['verify'],
  ].map((args) => [args.join(' '), args] as const))('on a store: %s', (_line, args) => {
    const { bundled, unbundled } = both(['--store', 'sqlite:./city.db', ...args], ['city.db'], '110101199003070000\n')
    expect(bundled.stdout + bundled.stderr).not.toBe('')
    expect(bundled).toEqual(unbundled)
  })

  it("verify in worker threads: the bundle's worker file is found", () => {
    const { bundled, unbundled } = both(['--store', 'sqlite:./city.db', 'verify'], ['city.db'], '', { TALENT_LEDGER_VERIFY_RANGES: '3' })
    expect(bundled.code).toBe(0)
    expect(bundled).toEqual(unbundled)
  })
})
