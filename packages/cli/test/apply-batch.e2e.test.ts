// `apply --batch N`: group commit gives exactly the result lines, exit code and stored history of one
// command at a time, whatever the batch size; a file is applied in batches by default, stdin line by line.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { assess, bureau, employer, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
afterAll(() => dir.remove())

/** A file mixing accepted commands, refusals, malformed lines, a blank line and an erasure. */
const input = jsonl(
  registerEmployer,
  registerTalent('t-1'),
  registerTalent('t-2', '李娜'),
  assess('t-1', 'a-1', 'intermediate', '2026-03-01'),
  '{"type": "RegisterTalent", oops',
  '',
  registerTalent('t-1'),
  assess('t-2', 'a-2', 'intermediate', '2026-03-02'),
  { type: 'ForgetTalent', actor: bureau, data: { talentId: 't-2' } },
  assess('t-2', 'a-3', 'senior', '2031-03-02'),
  { type: 'RecordAssessment', actor: employer, data: { talentId: 't-1', extra: true } },
  registerTalent('t-3', '张伟'),
  assess('t-3', 'a-4', 'intermediate', '2026-03-03'),
  assess('t-1', 'a-5', 'senior', '2031-03-04'),
)

/** What the store holds, without what differs from run to run (ids, record times, ciphertexts, hashes). */
const history = (store: string): unknown[] =>
  runCli(['--store', store, 'export'], { cwd: dir.path })
    .stdout.trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { streamId: string; version: number; type: string; metadata: { occurredOn: string } })
    .map((e) => [e.streamId, e.version, e.type, e.metadata.occurredOn])

describe('talent-ledger apply --batch', () => {
  it('answers and stores exactly as one command at a time, for any batch size', () => {
    const file = join(dir.path, 'mixed.jsonl')
    writeFileSync(file, input)
    const runs = [['--batch', '1'], [], ['--batch', '3'], ['--batch', '2']].map((batch, i) => {
      const store = `sqlite:${join(dir.path, `batch-${i}.db`)}`
      const run = runCli(['--store', store, 'apply', file, ...batch], { cwd: dir.path })
      return { code: run.code, stdout: run.stdout, stderr: run.stderr, history: history(store), report: runCli(['--store', store, 'report', '--json', '--as-of', '2031-12-31'], { cwd: dir.path }).stdout }
    })
    const [one, ...batched] = runs
    expect(one!.code).toBe(1)
    expect(one!.stdout.trim().split('\n')).toHaveLength(13)
    expect(one!.stdout).toMatch(/"line":14\}\n$/)
    for (const run of batched) {
      expect(run.code).toBe(one!.code)
      expect(run.stdout).toBe(one!.stdout)
      expect(run.stderr).toBe('')
      expect(run.history).toEqual(one!.history)
      expect(run.report).toBe(one!.report)
    }
  })

  it('reads stdin line by line by default, and in batches with --batch', () => {
    const streamed = runCli(['--store', 'memory:', 'apply', '-'], { cwd: dir.path, input })
    const batched = runCli(['--store', 'memory:', 'apply', '-', '--batch', '4'], { cwd: dir.path, input })
    expect(batched.code).toBe(streamed.code)
    expect(batched.stdout).toBe(streamed.stdout)
  })

  it('exits 2 for a batch size that is not a whole number of at least 1', () => {
    const file = join(dir.path, 'one.jsonl')
    writeFileSync(file, jsonl(registerEmployer))
    for (const bad of ['0', 'ten', '-3']) {
      const run = runCli(['--store', 'memory:', 'apply', file, '--batch', bad], { cwd: dir.path })
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toMatch(/--batch/)
    }
  })
})
