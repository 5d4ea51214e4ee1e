// The CLI on PostgreSQL: `--store postgres://…?schema=NAME` for every command, and the round
// trip — a demo city exported from SQLite and imported into PostgreSQL gives the same verify and the
// same report. Each run uses a schema of its own on the server at 127.0.0.1:5432, dropped afterwards;
// an unreachable server fails the test (never a skip).
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assess, bureau, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'
import { PG_SERVER as SERVER, dropSchemas } from './pg-test-schemas.js'

const schema = `tl_cli_${Math.random().toString(36).slice(2, 10)}`
const schemas = [schema, `${schema}_apply`]
const pgUrl = (name: string): string => `${SERVER}?schema=${name}`
const dir = tempDir()
const cli = (...args: string[]) => runCli(args, { cwd: dir.path })

/** verify's answer without the digest's position (PostgreSQL positions are sparse, SQLite's dense). */
const verified = (store: string) => {
  const run = cli('--store', store, 'verify')
  expect(run.code, run.stderr).toBe(0)
  const { digest, ...rest } = run.json()[0] as { digest: { globalPosition: number; streamCount: number; root: string } }
  return { ...rest, streamCount: digest.streamCount, root: digest.root }
}
const report = (store: string) => {
  const run = cli('--store', store, 'report', '--json', '--as-of', '2035-12-31')
  expect(run.code, run.stderr).toBe(0)
  return run.stdout
}

beforeAll(async () => {
  const client = new pg.Client({ connectionString: SERVER })
  await client.connect()
  await client.end()
})
afterAll(async () => {
  await dropSchemas(schemas)
  dir.remove()
})

describe('talent-ledger --store postgres://', () => {
  it('imports a demo city exported from SQLite: the same verify and the same report --json', () => {
    const source = `sqlite:${join(dir.path, 'city.db')}`
    const exported = join(dir.path, 'city.jsonl')
    expect(cli('--store', source, 'demo', '--talents', '40', '--seed', '11').code).toBe(0)
    expect(cli('--store', source, 'export', exported).code).toBe(0)
    const imported = cli('--store', pgUrl(schema), 'import', exported)
    expect(imported.code, imported.stderr).toBe(0)
    expect(verified(pgUrl(schema))).toEqual(verified(source))
    expect(report(pgUrl(schema))).toBe(report(source))
    // a read store (here: a second connection to the same server) answers the same
    expect(cli('--store', 'memory:', '--read-store', pgUrl(schema), 'report', '--json', '--as-of', '2035-12-31').stdout).toBe(report(source))
  })

  it('applies commands, shows the talent and verifies, all on PostgreSQL', () => {
    const store = pgUrl(`${schema}_apply`)
    const commands = jsonl(registerEmployer, registerTalent('t-1'), assess('t-1', 'a-1', 'junior', '2026-03-01'), { type: 'Nonsense', actor: bureau, data: {} })
    const run = runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: commands })
    expect(run.code).toBe(1)
    expect(run.json().map((r) => (r as { ok: boolean }).ok)).toEqual([true, true, true, false])
    const shown = cli('--store', store, 'show', 't-1')
    expect(shown.code).toBe(0)
    expect(shown.json()[0]).toMatchObject({ talentId: 't-1', name: '王芳', level: 'junior' })
    expect(cli('--store', store, 'verify').json()[0]).toMatchObject({ ok: true, streams: 2 })
  })

  it('refuses to read a schema that holds no ledger, and an unreachable server, with exit 2', () => {
    const missing = cli('--store', pgUrl(`${schema}_none`), 'report', '--json')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/no ledger at postgres:\/\/postgres@127\.0\.0\.1:5432\/test .*schema tl_cli_\w+_none holds no events table/)
    const down = cli('--store', 'postgres://postgres@127.0.0.1:1/test', 'show', 't-1')
    expect(down.code).toBe(2)
    expect(down.stderr).toMatch(/127\.0\.0\.1:1/)
    const bad = cli('--store', 'postgres://postgres@127.0.0.1:5432/test?schema=Robert%27);DROP', 'show', 't-1')
    expect(bad.code).toBe(2)
  })
})
