// `apply`: one result line per command in the contract's exact shape, refusals that store nothing
// while the lines around them still run, and the exit codes 0 / 1 / 2.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { assess, bureau, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
afterAll(() => dir.remove())

describe('talent-ledger apply', () => {
  it('answers every accepted command with ok, stream, version and event types, and exits 0', () => {
    const file = join(dir.path, 'accepted.jsonl')
    writeFileSync(file, jsonl(registerEmployer, registerTalent('t-42'), assess('t-42', 'a-1', 'intermediate', '2026-03-01')))
    const run = runCli(['--store', 'memory:', 'apply', file], { cwd: dir.path })
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')).toEqual([
      '{"ok":true,"stream":"org-port-co","version":1,"events":["OrganizationRegistered"],"line":1}',
      '{"ok":true,"stream":"talent-t-42","version":1,"events":["TalentRegistered"],"line":2}',
      '{"ok":true,"stream":"talent-t-42","version":3,"events":["AssessmentPassed","LevelCertified"],"line":3}',
      '',
    ])
    expect(run.stderr).toBe('')
  })

  it('reads commands from stdin with -', () => {
    const run = runCli(['--store', 'memory:', 'apply', '-'], { cwd: dir.path, input: jsonl(registerEmployer) })
    expect(run.code).toBe(0)
    expect(run.json()).toEqual([{ ok: true, stream: 'org-port-co', version: 1, events: ['OrganizationRegistered'], line: 1 }])
  })

  it('refuses bad lines one by one, stores nothing for them, runs the rest and exits 1', () => {
    const input = jsonl(
      registerEmployer,
      registerTalent('t-1'),
      '{"type": "RegisterTalent", oops',
      '',
      { type: 'Promote', actor: bureau, data: {} },
      assess('t-1', 'a-1', 'intermediate', '2026-02-30'),
      registerTalent('t-1'),
      assess('t-1', 'a-2', 'intermediate', '2026-03-01'),
    )
    const run = runCli(['--store', `sqlite:${join(dir.path, 'refusals.db')}`, 'apply', '-'], { cwd: dir.path, input })
    expect(run.code).toBe(1)
    const results = run.json() as Array<{ ok: boolean; version?: number; line: number; error?: { code: string; message: string; details: unknown[] } }>
    // the blank line gets no answer; every other line exactly one, in order, naming its line
    expect(results.map((r) => (r.ok ? 'ok' : r.error!.code))).toEqual(['ok', 'ok', 'Malformed', 'Malformed', 'Malformed', 'Duplicate', 'ok'])
    expect(results.map((r) => r.line)).toEqual([1, 2, 3, 5, 6, 7, 8])
    expect(results[2]!.error!.message).toMatch(/^line 3 is not JSON/)
    expect(Object.keys(results[2]!)).toEqual(['ok', 'error', 'line'])
    expect(Object.keys(results[2]!.error!)).toEqual(['code', 'message', 'details'])
    expect(results[4]!.error!.details).toEqual([expect.objectContaining({ field: 'data.on' })])
    // nothing was stored for the refusals: the talent's stream went from version 1 straight on
    expect(results[6]).toEqual({ ok: true, stream: 'talent-t-1', version: 3, events: ['AssessmentPassed', 'LevelCertified'], line: 8 })
  })

  it('never echoes personal data from a line that is not JSON, or from a refused registration', () => {
    const input = jsonl(
      '{"type":"RegisterTalent","data":{"name":"王芳","nationalId":"320706199001010018" oops',
      '{"name":"王芳", "nationalId": 320706199001010018',
      { ...registerTalent('t-1'), data: { ...registerTalent('t-1').data, nationalId: '320706199001010018', birthDate: '1990-02-30' } },
      { ...registerTalent('t-2', '王\u0007芳') },
    )
    const run = runCli(['--store', 'memory:', 'apply', '-'], { cwd: dir.path, input })
    expect(run.code).toBe(1)
    const results = run.json() as Array<{ ok: boolean; line: number; error: { code: string; details: Array<{ field: string }> } }>
    expect(results.map((r) => [r.line, r.error.code])).toEqual([[1, 'Malformed'], [2, 'Malformed'], [3, 'Malformed'], [4, 'Malformed']])
    expect(results[2]!.error.details.map((d) => d.field)).toEqual(['data.nationalId', 'data.birthDate'])
    expect(results[3]!.error.details.map((d) => d.field)).toEqual(['data.name'])
    for (const secret of ['320706199001010018', '王芳', '1990-02-30', '王\\u0007芳']) expect(run.stdout).not.toContain(secret)
    expect(run.stdout).toContain('3207**********0018')
  })

  it('exits 2 with one line on stderr for a missing file, and stores nothing', () => {
    const run = runCli(['--store', `sqlite:${join(dir.path, 'never.db')}`, 'apply', 'missing.jsonl'], { cwd: dir.path })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim().split('\n')).toEqual(['talent-ledger: cannot read missing.jsonl: no such file'])
    expect(runCli(['--store', `sqlite:${join(dir.path, 'never.db')}`, 'verify'], { cwd: dir.path }).code).toBe(2)
  })

  it.each([
    ['an unknown scheme', 'mysql://db/ledger', /unknown store URL "mysql:\/\/db\/ledger"/],
    ['an unreachable PostgreSQL server', 'postgres://postgres@127.0.0.1:1/ledger', /cannot connect to PostgreSQL at 127\.0\.0\.1:1\/ledger/],
    ['sqlite without a path', 'sqlite:', /names no file/],
  ])('exits 2 naming the URL for %s', (_name, url, message) => {
    const run = runCli(['--store', url, 'apply', '-'], { cwd: dir.path, input: jsonl(registerEmployer) })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(message)
  })

  it('exits 2 for a file that is not a ledger', () => {
    const file = join(dir.path, 'not-a-ledger.db')
    writeFileSync(file, 'just some text, certainly not SQLite\n'.repeat(200))
    const run = runCli(['--store', `sqlite:${file}`, 'apply', '-'], { cwd: dir.path, input: jsonl(registerEmployer) })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^talent-ledger: cannot open .*not-a-ledger\.db as a talent-ledger store/)])
  })

  it('exits 2 with one line when another process holds the write lock, and stores nothing', () => {
    const file = join(dir.path, 'locked.db')
    expect(runCli(['--store', `sqlite:${file}`, 'apply', '-'], { cwd: dir.path, input: jsonl(registerEmployer) }).code).toBe(0)
    const holder = new Database(file)
    holder.exec('BEGIN IMMEDIATE')
    try {
      const run = runCli(['--store', `sqlite:${file}`, 'apply', '-'], { cwd: dir.path, input: jsonl(registerTalent('t-1')) })
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/locked\.db is locked: another connection held the write lock/)])
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    expect(runCli(['--store', `sqlite:${file}`, 'export'], { cwd: dir.path }).stdout.trim().split('\n')).toHaveLength(1)
  })

  it('exits 2 when the file argument is missing', () => {
    const run = runCli(['--store', 'memory:', 'apply'], { cwd: dir.path })
    expect(run.code).toBe(2)
    expect(run.stderr.trim()).toBe("error: missing required argument 'file'")
  })
})
