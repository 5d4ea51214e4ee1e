// The `show` examples of the docs work against the demo file (its talents are t-000001, …): every
// `talent-ledger show t-…` line of README.md, docs/ and the CLI's README is run as written against a
// small demo ledger and answers a profile.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, tempDir } from './run-cli.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const PAGES = ['README.md', 'packages/cli/README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md') && f !== 'performance-log.md').map((f) => `docs/${f}`)]

/** `show` invocations written in the pages: `show t-… [--option value]…`, up to a comment or the end of the code. */
const examples = PAGES.flatMap((page) =>
  [...readFileSync(join(ROOT, page), 'utf8').matchAll(/\bshow (t-[\w-]+)((?: --[a-z-]+(?: (?!--)[^\s`#]+)?)*)/g)].map((m) => ({
    page,
    args: [m[1]!, ...m[2]!.trim().split(/\s+/).filter((a) => a !== '')],
  })),
)

const dir = tempDir()
const store = `sqlite:${join(dir.path, 'demo.db')}`
beforeAll(() => {
  const run = runCli(['--store', store, 'demo', '--talents', '30'], { cwd: dir.path })
  expect(run.code).toBe(0)
})
afterAll(() => dir.remove())

describe('the docs’ show examples against the demo file', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4)
  })

  it('the CLI README offers the PostgreSQL store the CLI has', () => {
    const readme = readFileSync(join(ROOT, 'packages/cli/README.md'), 'utf8')
    expect(readme).toContain('postgres://')
    expect(readme).not.toMatch(/not\s+available/)
  })

  it.each(examples.map((e) => [e.page, e.args.join(' ')] as const))('%s: show %s', (_page, args) => {
    const run = runCli(['--store', store, 'show', ...args.split(' ')], { cwd: dir.path })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ talentId: args.split(' ')[0] })
  })
})
