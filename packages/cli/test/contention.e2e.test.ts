// Contention through the CLI: eight `talent-ledger apply` processes at once, each recording
// incentives for the same talent, on SQLite and on PostgreSQL. Every result line is ok — none ends
// in `Conflict` — every process exits 0, and the talent's stream holds all of them.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { employer, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, runCliAsync, tempDir } from './run-cli.js'
import { dropSchemas, pgStoreUrl, uniqueSchemaName } from './pg-test-schemas.js'

const schema = uniqueSchemaName('tl_cli_contention')
const dir = tempDir()
const WRITERS = 8
const PER_WRITER = 15

afterAll(async () => {
  await dropSchemas([schema])
  dir.remove()
})

const incentives = (writer: number): string =>
  jsonl(
    ...Array.from({ length: PER_WRITER }, (_, i) => ({
      type: 'RecordIncentive',
      actor: employer,
      data: { talentId: 't-1', kind: 'wage-increase', on: '2026-04-01', amount: writer * 1_000 + i },
    })),
  )

describe.each([
  ['SQLite', `sqlite:${join(dir.path, 'contention.db')}`],
  ['PostgreSQL', pgStoreUrl(schema)],
])('eight apply processes on one talent (%s)', (_name, store) => {
  it('accept every command: no Conflict, every event stored', async () => {
    const setup = runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: jsonl(registerEmployer, registerTalent('t-1')) })
    expect(setup.code, setup.stdout).toBe(0)
    const runs = await Promise.all(Array.from({ length: WRITERS }, (_, w) => runCliAsync(['--store', store, 'apply', '-'], { cwd: dir.path, input: incentives(w) })))
    for (const run of runs) {
      expect(run.code, run.stdout + run.stderr).toBe(0)
      expect((run.json() as Array<{ ok: boolean }>).filter((r) => !r.ok)).toEqual([])
      expect(run.json()).toHaveLength(PER_WRITER)
    }
    const shown = runCli(['--store', store, 'export'], { cwd: dir.path })
    expect(shown.code).toBe(0)
    const talentEvents = (shown.json() as Array<{ streamId: string; type: string }>).filter((e) => e.streamId === 'talent-t-1')
    expect(talentEvents.filter((e) => e.type === 'IncentiveRecorded')).toHaveLength(WRITERS * PER_WRITER)
    const verified = runCli(['--store', store, 'verify'], { cwd: dir.path })
    expect(verified.code, verified.stdout).toBe(0)
  })
})
