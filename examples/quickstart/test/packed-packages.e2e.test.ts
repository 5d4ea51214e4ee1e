// The packages as a user gets them: each published package is packed with `pnpm pack` (its prepack
// builds dist/), checked with publint and arethetypeswrong on the tarball, and the tarballs are
// installed with npm into a scratch ESM app and a scratch CommonJS app, which compile the README's
// embedding snippet (src/embed.ts) with tsc and run it. What we claim: ESM, loadable by import and,
// on Node >= 20.19, by require(); types for TypeScript's node16/nodenext and bundler resolution.
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..', '..')
const bin = (name: string): string => join(root, 'node_modules', '.bin', name)
const published = readdirSync(join(root, 'packages')).filter((p) => {
  const file = join(root, 'packages', p, 'package.json')
  return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).private !== true
})
const embed = readFileSync(join(here, '..', 'src', 'embed.ts'), 'utf8')
const promised = [...embed.matchAll(/console\.log\(.*\) \/\/ (.*)$/gm)].map((m) => m[1]!.trim())

let work = ''
const manifestOf = (pkg: string): { version: string; scripts?: Record<string, string> } =>
  JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8'))
const tarball = (pkg: string): string => join(work, 'packs', `talent-ledger-${pkg}-${manifestOf(pkg).version}.tgz`)

/** Runs a command, failing the test with its output when it exits non-zero. */
const run = (cmd: string, args: string[], cwd: string): { stdout: string; stderr: string } => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`)
  return { stdout: r.stdout, stderr: r.stderr }
}

/** `run` without blocking, so that the per-tarball checks use both cores. */
const runAsync = async (cmd: string, args: string[], cwd: string): Promise<string> => {
  try {
    return (await promisify(execFile)(cmd, args, { cwd, encoding: 'utf8' })).stdout
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string }
    throw new Error(`${cmd} ${args.join(' ')} failed\n${stdout ?? ''}\n${stderr ?? ''}`)
  }
}

/** A scratch app depending on the tarballs of core, store-memory and testing, the two they depend on (node, simulator), and `extra` ones; nothing else. */
const scratchApp = (name: string, type: 'module' | 'commonjs', sources: Record<string, string>, extra: string[] = []): { dir: string; npmWarnings: string } => {
  const dir = join(work, name)
  mkdirSync(join(dir, 'src'), { recursive: true })
  const dependencies = Object.fromEntries(['core', 'node', 'store-memory', 'simulator', 'testing', ...extra].map((p) => [`@talent-ledger/${p}`, `file:${tarball(p)}`]))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type, dependencies }))
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { module: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [], strict: true, rootDir: 'src', outDir: 'dist' },
    include: ['src'],
  }))
  for (const [file, text] of Object.entries(sources)) writeFileSync(join(dir, 'src', file), text)
  const npm = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], dir)
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], dir)
  return { dir, npmWarnings: npm.stderr }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'talent-ledger-packed-'))
  // one at a time: each prepack runs `tsc -b` over shared project references
  for (const pkg of published) await runAsync('pnpm', ['pack', '--pack-destination', join(work, 'packs')], join(root, 'packages', pkg))
}, 120_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

it('packs every published package', () =>
  expect(published.sort()).toEqual(['cli', 'core', 'node', 'notify-email', 'notify-nats', 'notify-webhook', 'simulator', 'store-memory', 'store-postgres', 'store-sqlite', 'testing']),
)

describe.concurrent.each(published)('the @talent-ledger/%s tarball', (pkg) => {
  it('carries its build, its LICENSE and CHANGELOG, and no workspace: ranges', () => {
    const files = execFileSync('tar', ['tzf', tarball(pkg)], { encoding: 'utf8' }).split('\n')
    expect(files).toContain('package/LICENSE')
    expect(files).toContain('package/CHANGELOG.md')
    expect(files.some((f) => f.startsWith('package/dist/') && f.endsWith('.js'))).toBe(true)
    const manifest = execFileSync('tar', ['xzOf', tarball(pkg), 'package/package.json'], { encoding: 'utf8' })
    expect(manifest).not.toContain('workspace:')
    // dist/ is not in git: a pack from a fresh clone must build it first (pnpm drops prepack from the packed manifest);
    // the CLI's binary runs the bundle of its build (scripts/bundle-cli.mjs), so its pack makes that too and carries it
    if (pkg === 'cli') {
      expect(manifestOf(pkg).scripts?.prepack).toBe('tsc -b && node ../../scripts/bundle-cli.mjs')
      expect(files).toContain('package/bundle/cli.js')
      expect(files).toContain('package/bundle/verify-worker.js')
    } else expect(manifestOf(pkg).scripts?.prepack).toBe('tsc -b')
  })

  it('passes publint', async () => {
    expect(await runAsync(bin('publint'), ['run', '--strict', tarball(pkg)], work)).toContain('All good!')
  })

  it('passes arethetypeswrong for node16 and bundler resolution (require of ESM allowed: Node >= 20.19)', async () => {
    // --profile node16 leaves out node10 resolution, which we do not claim; a problem exits non-zero
    const out = await runAsync(bin('attw'), [tarball(pkg), '--profile', 'node16', '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'ascii'], work)
    expect(out).not.toContain('❌')
  })
})

it('installs no test runner with the CLI: vitest is only an optional peer of testing', () => {
  const manifest = (pkg: string) => JSON.parse(execFileSync('tar', ['xzOf', tarball(pkg), 'package/package.json'], { encoding: 'utf8' }))
  for (const pkg of published) expect(Object.keys(manifest(pkg).dependencies ?? {})).not.toEqual(expect.arrayContaining(['vitest']))
  for (const tool of ['vitest', 'vite', 'rolldown', 'fast-check', '@talent-ledger/testing']) expect(manifest('cli').dependencies).not.toHaveProperty(tool)
  // the demo's simulator is a package of its own that needs nothing but core
  expect(Object.keys(manifest('simulator').dependencies)).toEqual(['@talent-ledger/core'])
  expect(manifest('testing').peerDependenciesMeta).toEqual({ vitest: { optional: true } })
})

describe('the README embedding snippet on the installed tarballs', () => {
  it('compiles and runs in an ESM app', () => {
    // notify-nats too: its NATS client must install on Node 20 without an engine warning
    const app = scratchApp('esm-app', 'module', { 'embed.ts': embed }, ['notify-nats'])
    const out = run(process.execPath, ['dist/embed.js'], app.dir).stdout.trim().split('\n')
    expect(out).toEqual(promised)
    expect(app.npmWarnings).not.toContain('EBADENGINE')
  }, 120_000)

  it('compiles and runs in a CommonJS app (require of the ESM build)', () => {
    // CommonJS has no top-level await: the snippet's body goes in an async function, its imports stay
    const lines = embed.split('\n')
    const imports = lines.filter((l) => l.startsWith('import ')).join('\n')
    const body = lines.filter((l) => !l.startsWith('import ')).join('\n')
    const app = scratchApp('cjs-app', 'commonjs', {
      'embed.ts': `${imports}\nconst main = async (): Promise<void> => {\n${body}\n}\nvoid main()\n`,
      'simulator.ts': `import { simulateCity } from '@talent-ledger/testing'\nconsole.log(typeof simulateCity)\n`,
    })
    expect(readFileSync(join(app.dir, 'dist', 'embed.js'), 'utf8')).toContain('require("@talent-ledger/core")')
    const out = run(process.execPath, ['dist/embed.js'], app.dir).stdout.trim().split('\n')
    expect(out).toEqual(promised)
    // the testing package's main entry needs no test runner: vitest is not installed here
    expect(existsSync(join(app.dir, 'node_modules', 'vitest'))).toBe(false)
    expect(run(process.execPath, ['dist/simulator.js'], app.dir).stdout.trim()).toBe('function')
  }, 120_000)
})
