// The architecture's boundaries are checked by a tool, so this checks the tool's configuration: the
// depcruise command of `pnpm lint`, with the repository's `.dependency-cruiser.js`, passes on a
// miniature workspace that keeps every rule (fixtures/boundaries), and fails once violating files
// are added, reporting exactly one error per crossing, named by its rule. It runs twice: with the
// packages linked by name as after an install, and unlinked, as they stay unresolved before a build
// (CI lints before it builds). No violating file here is PENDING (see the config), so every case
// fails today and keeps failing once the pending entries are gone.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const FIXTURE = join(ROOT, 'scripts', 'test', 'fixtures', 'boundaries')
const CONFIG = '.dependency-cruiser.js'

/** The depcruise half of `pnpm lint`, as the root package.json says it. */
const depcruiseCommand = (): string => {
  const lint = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { lint: string } }).scripts.lint
  const at = lint.indexOf('depcruise ')
  if (at < 0) throw new Error(`pnpm lint does not run depcruise: ${lint}`)
  return lint.slice(at)
}

/** The packages of the fixture, linked under node_modules by name as pnpm links workspace packages. */
const WORKSPACE: Readonly<Record<string, Record<string, string>>> = {
  core: { '.': './src/index.ts' },
  'store-memory': { '.': './src/index.ts' },
  'store-sqlite': { '.': './src/index.ts' },
  testing: { '.': './src/index.ts', './vitest': './src/vitest/index.ts' },
}

/** npm packages the rules name, laid out as pnpm does: node_modules/.pnpm/<id>/node_modules/<name>. */
const NPM = ['vitest', 'fast-check', 'immer']

const write = (root: string, path: string, text: string): void => {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), text)
}

const roots: string[] = []
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })))

/** A fresh copy of the fixture with the repository's config, its packages linked, plus `files`. */
const workspace = (files: Readonly<Record<string, string>>, unlinked: ReadonlyArray<string> = []): string => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'boundaries-')))
  roots.push(root)
  cpSync(FIXTURE, root, { recursive: true })
  cpSync(join(ROOT, CONFIG), join(root, CONFIG))
  write(root, 'package.json', JSON.stringify({ private: true, type: 'module' }))
  for (const [name, exports] of Object.entries(WORKSPACE)) {
    write(root, `packages/${name}/package.json`, JSON.stringify({ name: `@talent-ledger/${name}`, type: 'module', exports }))
    if (unlinked.includes(name)) continue
    mkdirSync(join(root, 'node_modules', '@talent-ledger'), { recursive: true })
    symlinkSync(join(root, 'packages', name), join(root, 'node_modules', '@talent-ledger', name), 'dir')
  }
  for (const name of NPM) {
    const store = `node_modules/.pnpm/${name}@1.0.0/node_modules/${name}`
    write(root, `${store}/package.json`, JSON.stringify({ name, version: '1.0.0', main: 'index.js' }))
    write(root, `${store}/index.js`, 'export {}\n')
    symlinkSync(join(root, store), join(root, 'node_modules', name), 'dir')
  }
  for (const [path, text] of Object.entries(files)) write(root, path, text)
  return root
}

/** What a run of the lint's depcruise command printed, and its exit code. */
interface LintRun {
  readonly code: number | null
  readonly output: string
}

/** Runs the lint's depcruise command in `root`. */
const lint = (root: string): LintRun => {
  const run = spawnSync('sh', ['-c', depcruiseCommand()], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` },
  })
  return { code: run.status, output: run.stdout + run.stderr }
}

/** One boundary crossed: the rule, and the files that cross it, the first being the one reported. */
interface Crossing {
  readonly rule: string
  readonly what: string
  readonly files: Readonly<Record<string, string>>
}

const fixture = (path: string): string => readFileSync(join(FIXTURE, path), 'utf8')

const CROSSINGS: ReadonlyArray<Crossing> = [
  {
    rule: 'core-layer-kernel',
    what: 'the kernel imports the domain',
    files: { 'packages/core/src/kernel/imports-domain.ts': "export { events } from '../domain/events.js'\n" },
  },
  {
    rule: 'core-layer-kernel',
    what: 'the kernel imports the vocabulary',
    files: { 'packages/core/src/kernel/imports-vocabulary.ts': "export { levels } from '../vocabulary/ladder.js'\n" },
  },
  {
    rule: 'core-layer-policy',
    what: 'the policy imports the domain',
    files: { 'packages/core/src/policy/imports-domain.ts': "export { events } from '../domain/events.js'\n" },
  },
  {
    rule: 'core-layer-policy',
    what: 'the policy imports a domain type only',
    files: { 'packages/core/src/policy/imports-domain-type.ts': "export type { TalentState } from '../domain/talent/index.js'\n" },
  },
  {
    rule: 'core-layer-domain',
    what: 'the domain imports a projection',
    files: { 'packages/core/src/domain/imports-projection.ts': "export { board } from '../projections/board.js'\n" },
  },
  {
    rule: 'core-layer-notifications',
    what: 'the notifications import the application',
    files: { 'packages/core/src/notifications/imports-application.ts': "export { ledger } from '../application/ledger.js'\n" },
  },
  {
    rule: 'core-layer-store-kit',
    what: 'the store kit imports the domain',
    files: { 'packages/core/src/store-kit/imports-domain.ts': "export { events } from '../domain/events.js'\n" },
  },
  {
    rule: 'core-kernel-npm',
    what: 'the kernel imports a library outside its list',
    files: { 'packages/core/src/kernel/imports-immer.ts': "export { produce } from 'immer'\n" },
  },
  {
    rule: 'core-domain-aggregate-internals',
    what: "an aggregate imports another aggregate's decisions",
    files: { 'packages/core/src/domain/city/imports-talent-decide.ts': "export { decide } from '../talent/decide.js'\n" },
  },
  {
    rule: 'core-no-package-of-ours',
    what: 'the core imports an adapter',
    files: { 'packages/core/src/application/imports-adapter.ts': "export { memoryStore } from '@talent-ledger/store-memory'\n" },
  },
  {
    rule: 'adapter-not-to-adapter',
    what: 'an adapter imports another adapter',
    files: { 'packages/store-sqlite/src/imports-memory.ts': "export { memoryStore } from '@talent-ledger/store-memory'\n" },
  },
  {
    rule: 'cli-not-to-testing',
    what: 'the CLI imports the test kit',
    files: { 'packages/cli/src/imports-testing.ts': "export const demo = () => import('@talent-ledger/testing')\n" },
  },
  {
    rule: 'cli-not-to-testing',
    what: 'the CLI imports fast-check',
    files: { 'packages/cli/src/imports-fast-check.ts': "export { default as fc } from 'fast-check'\n" },
  },
  {
    rule: 'testing-main-not-to-vitest',
    what: "the test kit's main entry reaches vitest through a module of its own",
    files: {
      'packages/testing/src/index.ts': `${fixture('packages/testing/src/index.ts')}export { cleanups } from './harness/cleanups.js'\n`,
      'packages/testing/src/harness/cleanups.ts': "import { afterEach } from 'vitest'\nexport const cleanups = afterEach\n",
    },
  },
  {
    rule: 'no-cross-package-path',
    what: "an example imports the core's src by path",
    files: { 'examples/quickstart/src/imports-core-src.ts': "export { ledger } from '../../../packages/core/src/index.js'\n" },
  },
  {
    rule: 'no-circular',
    what: 'two modules import each other',
    files: {
      'packages/cli/src/router.ts': "import { routes } from './routes.js'\nexport const router = () => routes\n",
      'packages/cli/src/routes.ts': "import { router } from './router.js'\nexport const routes = () => router\n",
    },
    // a cycle is reported once, from its first module
  },
]

/** The error lines of a run (`error <rule>: <from> →`), sorted. */
const errors = (output: string): string[] =>
  output
    .split('\n')
    .map((line) => /^\s*error (\S+): (\S+) →/.exec(line))
    .flatMap((match) => (match === null ? [] : [`${match[1]}: ${match[2]}`]))
    .sort()

/** `<rule>: <module reported>` for a crossing. */
const reported = ({ rule, files }: Crossing): string => `${rule}: ${Object.keys(files)[0]}`
const expected = CROSSINGS.map(reported).sort()
const allFiles = Object.assign({}, ...CROSSINGS.map(({ files }) => files)) as Record<string, string>

describe.each([
  { state: 'linked by name (after an install)', unlinked: [] },
  { state: 'unresolved by name (before a build)', unlinked: Object.keys(WORKSPACE) },
])('the boundaries of pnpm lint, packages $state', ({ unlinked }) => {
  it('pass on a workspace that keeps every rule', () => {
    const run = lint(workspace({}, unlinked))
    expect(run.output).toMatch(/no dependency violations found/)
    expect(run.code).toBe(0)
  })

  let crossed: LintRun = { code: null, output: '' }
  beforeAll(() => {
    crossed = lint(workspace(allFiles, unlinked))
  })

  it.each(CROSSINGS)('fail with $rule when $what', (crossing) => {
    expect(errors(crossed.output)).toContain(reported(crossing))
    expect(crossed.code).not.toBe(0)
  })

  it('report each crossing once, as an error, and nothing else', () => {
    expect(errors(crossed.output)).toEqual(expected)
    expect(crossed.output).not.toMatch(/^\s*warn /m)
  })
})
