/**
 * The purity rule of eslint.config.js, run through ESLint's Node API: in packages/core/src an I/O
 * module, a driver or another package of ours is reported, and a pure module is not. This keeps
 * the rule honest — a rule that silently stopped matching would let I/O into the core.
 */
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'

// packages/core/test → the repository root, wherever the checkout is
const root = fileURLToPath(new URL('../../../', import.meta.url))
const eslint = new ESLint({ cwd: root })
const coreFile = join(root, 'packages/core/src/kernel/purity-probe.ts')

/** The rule ids ESLint reports for `code` as if it were a file in packages/core/src. */
const reported = async (code: string, filePath = coreFile): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath })
  expect(result!.messages.filter((m) => m.fatal)).toEqual([])
  return result!.messages.map((m) => m.ruleId ?? 'fatal')
}

describe('the core purity lint rule', () => {
  it.each([
    ["import fs from 'node:fs'", 'fs'],
    ["import x from 'better-sqlite3'", 'x'],
    ["import y from '@talent-ledger/store-memory'", 'y'],
    ["import { createHash } from 'crypto'", 'createHash'],
    ["import pg from 'pg'", 'pg'],
  ])('reports %s', async (line, name) => {
    expect(await reported(`${line}\nexport const used = ${name}\n`)).toEqual(['no-restricted-imports'])
  })

  it('reports the process and Buffer globals', async () => {
    expect(await reported('export const a = process.env\nexport const b = Buffer.from([])\n')).toEqual([
      'no-restricted-globals',
      'no-restricted-globals',
    ])
  })

  it('reports nothing for a pure module', async () => {
    const pure = [
      "import * as E from 'fp-ts/lib/Either.js'",
      "import { sha256 } from '@noble/hashes/sha2'",
      "import { canonicalJson } from './hash-chain.js'",
      '/** A pure helper. */',
      'export const digest = (v: unknown) => E.right(sha256(new TextEncoder().encode(canonicalJson(v))))',
      '',
    ].join('\n')
    expect(await reported(pure)).toEqual([])
  })

  it('leaves the same imports alone outside packages/core/src', async () => {
    const adapter = join(root, 'packages/store-memory/src/purity-probe.ts')
    expect(await reported("import fs from 'node:fs'\nexport const used = fs\n", adapter)).toEqual([])
  })
})
