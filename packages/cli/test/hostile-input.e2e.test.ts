// `apply` on a hostile file (issue 10 §3–5), on SQLite and on PostgreSQL: the corpus of
// @talent-ledger/testing (lone surrogates, NUL, terminal escapes, nesting 3,000 deep, an over-long
// line, unknown fields at every level, a misspelt optional field, an actor carrying a phone number,
// a bad national ID) answered with exactly one result line per input line, carrying `line`, each as
// the corpus says; nothing stored for the refused lines, the good lines around them stored, and no
// personal data in clear on stdout or stderr. Both stores give the same answers.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { HOSTILE_BAD_NATIONAL_ID, expectHostileAnswer, hostileInputCases, hostileInputStored } from '@talent-ledger/testing/vitest'
import type { CommandResult } from '@talent-ledger/core'
import { runCli, tempDir } from './run-cli.js'
import { dropSchemas, pgStoreUrl, uniqueSchemaName } from './pg-test-schemas.js'

const schema = uniqueSchemaName('tl_cli_hostile')
const dir = tempDir()
const file = join(dir.path, 'hostile.jsonl')
writeFileSync(file, hostileInputCases.map((c) => c.line).join('\n') + '\n')

afterAll(async () => {
  await dropSchemas([schema])
  dir.remove()
})

type ResultLine = CommandResult & { readonly line: number }

const applyHostile = (store: string): ResultLine[] => {
  const run = runCli(['--store', store, 'apply', file], { cwd: dir.path })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(1)
  expect(run.stdout).not.toContain(HOSTILE_BAD_NATIONAL_ID)
  return run.json() as ResultLine[]
}

const storedStreams = (store: string): Record<string, number> => {
  const run = runCli(['--store', store, 'export'], { cwd: dir.path })
  expect(run.code, run.stderr).toBe(0)
  const counts: Record<string, number> = {}
  for (const e of run.json() as Array<{ streamId: string }>) counts[e.streamId] = (counts[e.streamId] ?? 0) + 1
  return counts
}

const answers: Record<string, ResultLine[]> = {}

describe.each([
  ['SQLite', `sqlite:${join(dir.path, 'hostile.db')}`],
  ['PostgreSQL', pgStoreUrl(schema)],
])('talent-ledger apply of a hostile file on %s', (name, store) => {
  it('answers every line once, in order, with its line number and the corpus answer', () => {
    const results = applyHostile(store)
    expect(results).toHaveLength(hostileInputCases.length)
    expect(results.map((r) => r.line)).toEqual(hostileInputCases.map((_, i) => i + 1))
    hostileInputCases.forEach((c, i) => expectHostileAnswer(c, results[i]!))
    const overlong = results[hostileInputCases.findIndex((c) => c.name === 'a line over the limit')]!
    expect(!overlong.ok && overlong.error.message).toMatch(/^line \d+ is too long: \d+ bytes, over the limit of 1048576; it was not read$/)
    answers[name] = results
  })

  it('stored the good lines and nothing of the refused ones', () => {
    expect(storedStreams(store)).toEqual(hostileInputStored)
    const shown = runCli(['--store', store, 'show', 't-1'], { cwd: dir.path })
    expect(shown.json()[0]).toMatchObject({ talentId: 't-1', level: 'intermediate' })
  })
})

describe('SQLite and PostgreSQL', () => {
  it('give the same answer to every line of the hostile file', () => {
    expect(answers['SQLite']).toHaveLength(hostileInputCases.length)
    expect(answers['PostgreSQL']).toEqual(answers['SQLite'])
  })
})
