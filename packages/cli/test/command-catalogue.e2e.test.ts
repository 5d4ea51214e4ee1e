// The published command catalogue (docs/commands.md, docs/schema/*.json) is checked against the
// codecs: the JSON files are what `talent-ledger schema` and `eventCatalogue()` print now, and every
// example line decodes and, applied in order through the CLI, does what the page says.
// UPDATE_SCHEMA=1 rewrites the JSON files after a codec changed.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, it } from 'vitest'
import { COMMAND_TYPES, decodeCommand, defaultPolicyDocument, eventCatalogue } from '@talent-ledger/core'
import { runCli, tempDir } from './run-cli.js'

const DOCS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs')
const dir = tempDir()
afterAll(() => dir.remove())

const checkFile = (name: string, generated: string): void => {
  const path = join(DOCS, 'schema', name)
  if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(path, generated)
  expect(readFileSync(path, 'utf8'), `${name} is stale: UPDATE_SCHEMA=1 regenerates it`).toBe(generated)
}

/** The lines of the ```jsonl blocks of docs/commands.md, in page order. */
const exampleLines = (): string[] =>
  [...readFileSync(join(DOCS, 'commands.md'), 'utf8').matchAll(/```jsonl\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n').filter((l) => l !== ''))

describe('command catalogue', () => {
  it('docs/schema/commands.json is what `talent-ledger schema` prints', () => {
    const run = runCli(['schema'], { cwd: dir.path })
    expect(run.code).toBe(0)
    checkFile('commands.json', run.stdout)
    const oneOf = (JSON.parse(run.stdout) as { oneOf: { title: string }[] }).oneOf
    expect(oneOf.map((s) => s.title)).toEqual(COMMAND_TYPES)
  })

  it('docs/schema/events.json is the event catalogue of the codecs', () => {
    checkFile('events.json', JSON.stringify(eventCatalogue(), null, 2) + '\n')
  })

  it('prints one command, closed and with readable dates', () => {
    const run = runCli(['schema', 'ReleaseTalent'], { cwd: dir.path })
    expect(run.code).toBe(0)
    const schema = JSON.parse(run.stdout) as { additionalProperties: boolean; properties: { data: { additionalProperties: boolean; required: string[]; properties: Record<string, { format?: string }> } } }
    expect(schema.additionalProperties).toBe(false)
    expect(schema.properties.data.additionalProperties).toBe(false)
    expect(schema.properties.data.required).toEqual(['talentId', 'on'])
    expect(schema.properties.data.properties['on']?.format).toBe('date')
  })

  it('refuses an unknown command with one line and exit code 2', () => {
    const run = runCli(['schema', 'RegisterTalents'], { cwd: dir.path })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toContain('unknown command "RegisterTalents"')
  })

  it('has an example of every command, each accepted by decodeCommand', () => {
    const lines = exampleLines()
    const types = new Set(lines.map((l) => (JSON.parse(l) as { type: string }).type))
    // AdoptPolicy's document is the size of a policy: the page points at the default one instead
    expect([...types, 'AdoptPolicy'].sort()).toEqual([...COMMAND_TYPES].sort())
    for (const line of lines) expect(E.isRight(decodeCommand(JSON.parse(line))), line).toBe(true)
    const adopt = { type: 'AdoptPolicy', actor: { id: 'hr-bureau', role: 'hr-bureau' }, data: { policyId: 'lyg-2026', effectiveFrom: '2026-01-01', document: defaultPolicyDocument } }
    expect(E.isRight(decodeCommand(adopt))).toBe(true)
  })

  it('applies the examples in order: all succeed but the three the page marks refused', () => {
    const lines = exampleLines()
    const run = runCli(['--store', 'memory:', 'apply', '-'], { cwd: dir.path, input: lines.join('\n') + '\n' })
    const results = run.json() as { ok: boolean; line: number; error?: { code: string; details: { rule?: string }[] } }[]
    expect(results).toHaveLength(lines.length)
    const refused = results.filter((r) => !r.ok)
    expect(refused.map((r) => (JSON.parse(lines[r.line - 1]!) as { type: string }).type)).toEqual(['AppointSeniorPost', 'RenewSeniorPost', 'LinkStudioMaster'])
    expect(refused.map((r) => [r.error?.code, r.error?.details[0]?.rule])).toEqual([
      ['NotEligible', 'national-2018.principal-technician.appointed'],
      ['NotEligible', 'renewal.in-force'],
      ['PolicyValueUnset', 'national-2018.studio.master-level'],
    ])
    expect(run.code).toBe(1)
  })
})
