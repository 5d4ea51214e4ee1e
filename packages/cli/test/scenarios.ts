// Rule tests through the CLI: each scenario applies its command lines to a SQLite file of its own
// and reads one result line per command. Shared by the rules-1x e2e tests.
import { join } from 'node:path'
import { expect } from 'vitest'
import { defaultPolicyDocument } from '@talent-ledger/core'
import { bureau, jsonl } from './fixtures.js'
import { runCli } from './run-cli.js'

/** One result line of `apply`. */
export interface Result { readonly ok: boolean; readonly events?: string[]; readonly error?: { code: string; details: Array<{ rule?: string; field?: string }> } }

/** The rule ids a refusal names, in the order printed. */
export const rules = (r: Result | undefined) => r?.error?.details.map((d) => d.rule)

/** The store URL of a scenario's SQLite file under `dir`. */
export const scenarioStore = (dir: string, scenario: string): string => `sqlite:${join(dir, `${scenario}.db`)}`

/** Applies the lines to a fresh SQLite file named after the scenario, under `dir`; one result per line, nothing on stderr. */
export const applyScenario = (dir: string, scenario: string, ...lines: unknown[]): Result[] => {
  const run = runCli(['--store', scenarioStore(dir, scenario), 'apply', '-'], { cwd: dir, input: jsonl(...lines) })
  expect(run.stderr).toBe('')
  const results = run.json() as Result[]
  expect(results).toHaveLength(lines.length)
  return results
}

export type PolicyDoc = typeof defaultPolicyDocument

/** The bureau adopts the default policy changed by `change`, as `policyId` from `effectiveFrom`. */
export const adoptChanged = (policyId: string, effectiveFrom: string, change: (d: PolicyDoc) => PolicyDoc) => ({
  type: 'AdoptPolicy',
  actor: bureau,
  data: { policyId, effectiveFrom, document: change(defaultPolicyDocument) },
})
