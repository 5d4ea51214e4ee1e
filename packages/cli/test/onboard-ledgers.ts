// The ledgers of the onboarding tests: fresh SQLite files with the registry's employers registered,
// and a ledger's whole log read back through `export`.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { EMPLOYERS_JSONL } from './onboard-files.js'
import { runCli } from './run-cli.js'

/** The fields of an exported event these tests read. */
export interface Exported {
  readonly streamId: string
  readonly type: string
  readonly data: Record<string, unknown>
}

/** A maker of fresh SQLite ledgers in `dir` (`<prefix>-<n>.db`), each with the employers registered. */
export const freshStores = (dir: string, prefix: string): (() => string) => {
  let made = 0
  return () => {
    const store = `sqlite:${join(dir, `${prefix}-${++made}.db`)}`
    expect(runCli(['--store', store, 'apply', '-'], { cwd: dir, input: EMPLOYERS_JSONL }).code).toBe(0)
    return store
  }
}

let exports = 0
/** The whole log of `store`, through a file in `dir` (a large log outgrows a pipe's buffer of stdout). */
export const exportedLog = (dir: string, store: string): Exported[] => {
  const file = join(dir, `export-${++exports}.jsonl`)
  expect(runCli(['--store', store, 'export', file], { cwd: dir }).code).toBe(0)
  return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Exported)
}
