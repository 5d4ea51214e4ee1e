// Hostile ids on SQLite through the binary: a simulated city, and the same city with talents,
// organisations, programmes, agreements, carriers, honours and standards renamed onto JavaScript's
// own property names (`__proto__`, `constructor`, `toString` …). `apply` answers every line as
// for the city itself, `report --json` gives the same report, the text report and `show` of each
// renamed talent the same text, `verify` passes, and an export imports into an empty store that
// reports and exports the very same — every answer read with the names written back.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { prototypeRenaming, renamed, renamedBack, rowsInOneOrder, simulateCity } from '@talent-ledger/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
afterAll(() => dir.remove())

const city = simulateCity({ talents: 30, seed: 7 })
const renaming = prototypeRenaming(city.commands)
const storeOf = (name: string) => `sqlite:${join(dir.path, `${name}.db`)}`
const cli = (store: string, ...args: string[]) => {
  const run = runCli(['--store', store, ...args], { cwd: dir.path })
  expect(run.code, run.stderr).toBe(0)
  return run
}
const lines = (commands: ReadonlyArray<unknown>) => commands.map((c) => JSON.stringify(c)).join('\n') + '\n'
writeFileSync(join(dir.path, 'city.jsonl'), lines(city.commands))
writeFileSync(join(dir.path, 'hostile.jsonl'), lines(city.commands.map((c) => renamed(c, renaming.to))))

const [plain, hostile, imported] = [storeOf('city'), storeOf('hostile'), storeOf('imported')]
// a city has refused lines (the simulator's own mistakes): apply exits 1 for them, on both stores
const apply = (store: string, file: string) => runCli(['--store', store, 'apply', file], { cwd: dir.path })
const applied = { plain: apply(plain, 'city.jsonl'), hostile: apply(hostile, 'hostile.jsonl') }
const dates = ['2027-06-30', city.summary.to]
const textBack = (text: string): string => renamedBack([text], renaming)[0]!

describe('a city whose ids are JavaScript property names, on SQLite', () => {
  it('is applied line by line as the city itself', () => {
    expect(renaming.to.size).toBe(12)
    expect(applied.hostile.code).toBe(applied.plain.code)
    expect(applied.hostile.json()).toHaveLength(city.commands.length)
    expect(applied.plain.json().filter((r) => (r as { ok: boolean }).ok).length).toBeGreaterThan(city.commands.length * 0.9)
    expect(renamedBack(applied.hostile.json(), renaming)).toEqual(applied.plain.json())
  })

  it('reports, as JSON and as text, what the city reports', () => {
    for (const asOf of dates) {
      const json = (store: string) => JSON.parse(cli(store, 'report', '--json', '--as-of', asOf).stdout) as unknown
      expect(JSON.stringify(rowsInOneOrder(renamedBack(json(hostile), renaming)))).toBe(JSON.stringify(rowsInOneOrder(json(plain))))
      // rows sorted by id sort elsewhere, and a column is as wide as its longest id (a long one
      // meets the next column): compared line by line with the names written back, spaces aside
      const text = (store: string, back = (l: string) => l) => cli(store, 'report', '--as-of', asOf).stdout.split('\n').map((l) => back(l).replace(/\s+/g, '')).sort()
      expect(text(hostile, textBack)).toEqual(text(plain))
    }
  })

  it('shows each renamed talent as the city shows the talent it stands for', () => {
    const talents = [...renaming.to].filter(([id]) => city.commands.some((c) => (c as { type: string; data: { talentId?: string } }).type === 'RegisterTalent' && (c as { data: { talentId?: string } }).data.talentId === id))
    expect(talents.map(([, name]) => name)).toContain('__proto__')
    for (const [id, name] of talents) expect(renamedBack(JSON.parse(cli(hostile, 'show', name).stdout) as unknown, renaming)).toEqual(JSON.parse(cli(plain, 'show', id).stdout))
  })

  it('verifies, and exports a log that imports into an empty store reporting and exporting the same', () => {
    const counts = (store: string) => {
      const [v] = cli(store, 'verify').json() as Array<{ ok: boolean; streams: number; events: number }>
      expect(v!.ok).toBe(true)
      return [v!.streams, v!.events]
    }
    expect(counts(hostile)).toEqual(counts(plain))
    cli(hostile, 'export', 'hostile-export.jsonl')
    cli(imported, 'import', 'hostile-export.jsonl')
    expect(counts(imported)).toEqual(counts(hostile))
    cli(imported, 'export', 'imported-export.jsonl')
    expect(readFileSync(join(dir.path, 'imported-export.jsonl'), 'utf8')).toBe(readFileSync(join(dir.path, 'hostile-export.jsonl'), 'utf8'))
    for (const asOf of dates) expect(cli(imported, 'report', '--json', '--as-of', asOf).stdout).toBe(cli(hostile, 'report', '--json', '--as-of', asOf).stdout)
  })
})
