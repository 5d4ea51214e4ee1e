// docs/rules.md lists every rule id the library can name in a refusal or a decision: each id of the
// default policy document and each fixed id of the core's deciders; and it lists no id that does
// not exist. Fixed ids are read from the source (`rule: '…'`, `refuseRule('…'`, `fail('…'`), and
// the policy's own checks (`rule(policy, '…')`) under the default policy id. It also defines each
// status the dashboard gives a target.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY_ID, TARGET_JUDGEMENTS, defaultPolicyDocument } from '../src/index.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const RULES_MD = readFileSync(join(ROOT, '..', '..', 'docs', 'rules.md'), 'utf8')

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : []
  })

const matches = (text: string, re: RegExp): string[] => [...text.matchAll(re)].map((m) => m[1]!)

const SOURCE = sources(join(ROOT, 'src')).join('\n')
const fixedIds = new Set([
  ...matches(SOURCE, /rule: '([^']+)'/g),
  ...matches(SOURCE, /refuseRule\('([^']+)'/g),
  ...matches(SOURCE, /fail\('([^']+)'/g),
  // a template id: its placeholder is written <name> in the docs
  ...matches(SOURCE, /rule: `([^`]+)`/g).map((id) => id.replace(/\$\{(\w+)\}/g, '<$1>')),
])
const policyCheckIds = new Set([
  ...matches(SOURCE, /rule\(policy, '([^']+)'\)/g),
  ...matches(SOURCE, /rule\(policy, `\$\{kind\}\.([^`]+)`\)/g).flatMap((rest) => ['housing-subsidy', 'living-allowance'].map((k) => `${k}.${rest}`)),
].map((id) => `${DEFAULT_POLICY_ID}.${id}`))

const policyIds = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(policyIds)
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([k, v]) => (k === 'ruleId' && typeof v === 'string' ? [v] : policyIds(v)))
      : []

/** Ids in the first cell of a `| rule id | …` table row. */
const listed = matches(RULES_MD, /^\| `([^`]+)` \|/gm)

describe('docs/rules.md', () => {
  it('finds the ids it checks (the source patterns still match)', () => {
    expect(fixedIds.size).toBeGreaterThan(20)
    expect(fixedIds).toContain('talent.working-age')
    expect(policyCheckIds).toContain(`${DEFAULT_POLICY_ID}.skill-upgrade-subsidy.claim-window`)
  })

  it('lists every rule id of the default policy', () => {
    const ids = policyIds(defaultPolicyDocument)
    expect(ids.length).toBeGreaterThan(20)
    expect(ids.filter((id) => !listed.includes(id))).toEqual([])
  })

  it('lists every fixed rule id of the core', () => {
    expect([...fixedIds].filter((id) => !listed.includes(id))).toEqual([])
  })

  it('defines each dashboard status the report can give, and no other', () => {
    const defined = matches(RULES_MD, /^\| \*\*`([a-z-]+)`\*\* \|/gm)
    expect(defined.sort()).toEqual([...TARGET_JUDGEMENTS].sort())
  })

  it('lists no id that does not exist', () => {
    const known = new Set([...fixedIds, ...policyCheckIds, ...policyIds(defaultPolicyDocument)])
    expect(listed.filter((id) => !known.has(id))).toEqual([])
  })
})
