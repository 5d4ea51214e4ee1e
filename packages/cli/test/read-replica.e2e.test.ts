// `--read-store` against a real hot standby: show, report and export read the replica while
// commands write to the primary. What a replica gives is eventual consistency: once it has replayed
// the primary's WAL it answers exactly as the primary does; while replay lags it answers as of an
// older, still consistent, point (never a partial command). `verify` on the replica checks the
// chains and reports the digest it could not record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assess, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { startStandbyPair, type StandbyPair } from './pg-standby.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
let pair: StandbyPair
const cli = (...args: string[]) => runCli(args, { cwd: dir.path })
const levelOn = (store: string, readStore: string) => (cli('--store', store, '--read-store', readStore, 'show', 't-9').json()[0] as { level: string | null }).level

beforeAll(async () => {
  pair = await startStandbyPair()
  expect(cli('--store', pair.primary, 'demo', '--talents', '25', '--seed', '5').code).toBe(0)
  const run = runCli(['--store', pair.primary, 'apply', '-'], { cwd: dir.path, input: jsonl(registerEmployer, registerTalent('t-9')) })
  expect(run.code, run.stderr).toBe(0)
  await pair.caughtUp()
}, 120_000)
afterAll(() => {
  pair?.stop()
  dir.remove()
})

describe('talent-ledger --read-store (a PostgreSQL hot standby)', () => {
  it('answers report, show and export as the primary does once replay has caught up', () => {
    const report = (read: string) => cli('--store', pair.primary, '--read-store', read, 'report', '--json', '--as-of', '2035-12-31').stdout
    expect(report(pair.standby)).toBe(report(pair.primary))
    // the demo's 25 talents, its schools' 29 students and 21 teachers (DOMAIN.md §11), and t-9
    expect(JSON.parse(report(pair.standby))).toMatchObject({ talentsTotal: 76 })
    expect(cli('--store', pair.primary, '--read-store', pair.standby, 'export').stdout).toBe(cli('--store', pair.primary, 'export').stdout)
  })

  it('lags while replay is paused, then catches up; writes always go to --store', async () => {
    await pair.pauseReplay()
    const applied = runCli(['--store', pair.primary, '--read-store', pair.standby, 'apply', '-'], { cwd: dir.path, input: jsonl(assess('t-9', 'a-9', 'junior', '2026-04-01')) })
    expect(applied.code, applied.stderr).toBe(0)
    expect(levelOn(pair.primary, pair.primary)).toBe('junior')
    expect(levelOn(pair.primary, pair.standby)).toBeNull()
    await pair.resumeReplay()
    await pair.caughtUp()
    expect(levelOn(pair.primary, pair.standby)).toBe('junior')
  })

  it('verifies on the standby without recording a digest, with the root the primary records', () => {
    const onStandby = cli('--store', pair.standby, 'verify')
    expect(onStandby.code, onStandby.stderr).toBe(0)
    const onPrimary = cli('--store', pair.primary, 'verify')
    expect(onStandby.json()[0]).toMatchObject({ ok: true, digestRecorded: false })
    expect(onPrimary.json()[0]).toMatchObject({ ok: true, digestRecorded: true })
    expect((onStandby.json()[0] as { digest: unknown }).digest).toEqual((onPrimary.json()[0] as { digest: unknown }).digest)
    // and a write to the standby is refused with a clear error, not taken for a refusal of the command
    const write = runCli(['--store', pair.standby, 'apply', '-'], { cwd: dir.path, input: jsonl(assess('t-9', 'a-10', 'intermediate', '2031-04-01')) })
    expect(write.code).not.toBe(0)
    expect(write.stderr).toMatch(/read-only/)
  })
})
