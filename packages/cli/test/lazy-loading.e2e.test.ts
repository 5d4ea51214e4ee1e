// Start-up loads what the verb run needs: `report`, `show`, `verify` and `apply` load neither the
// channel adapters (nodemailer, NATS) nor the PostgreSQL driver, the onboarding readers (CSV,
// GB18030, XLSX), the simulator or the HTML page, which every verb used to load before it ran
// (issue 15); `--help` loads what it prints, not the core, a store or an adapter. Checked by the
// modules loaded, not by time. The binary runs the bundle (scripts/bundle-cli.mjs), whose chunks
// each hold several of tsc's modules: a chunk loaded counts as every module the bundle's
// modules.json lists in it, so a module bundled into a chunk a verb loads still counts as loaded.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { CLI, tempDir } from './run-cli.js'

const dir = tempDir()
afterAll(() => dir.remove())
const here = dirname(fileURLToPath(import.meta.url))
const recorder = join(here, 'record-loads.mjs')
const workspace = pathToFileURL(join(here, '..', '..', '..', '/')).href
const bundle = pathToFileURL(join(here, '..', 'bundle', '/')).href
const chunks = JSON.parse(readFileSync(new URL('modules.json', bundle), 'utf8')) as Record<string, ReadonlyArray<string>>

/** A loaded URL, and when it is a chunk of the bundle, the URLs of the modules in it. */
const modulesOf = (url: string): string[] => (url.startsWith(bundle) ? [url, ...(chunks[url.slice(bundle.length)] ?? []).map((m) => workspace + m)] : [url])

let runs = 0
/** The URLs of the modules `talent-ledger ...args` loads, and its exit code. */
const loadsOf = (...args: string[]): { readonly code: number | null; readonly urls: ReadonlyArray<string> } => {
  const file = join(dir.path, `loads-${++runs}.txt`)
  const r = spawnSync(process.execPath, ['--import', recorder, CLI, ...args], { cwd: dir.path, input: '', encoding: 'utf8', env: { ...process.env, CI: 'true', RECORD_LOADS: file } })
  return { code: r.status, urls: readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').flatMap(modulesOf) }
}

/** What only other verbs need, by a part of the module's URL. */
const OTHER_VERBS_ONLY = ['/nodemailer/', '/@nats-io/', '/node_modules/pg/', '/csv-parse/', '/csv-stringify/', '/iconv-lite/', '/exceljs/', '/packages/notify-', '/packages/simulator/', '/cli/dist/html/', '/cli/dist/onboard/row-source.js', '/cli/dist/verbs/onboard.js']
/** The light halves of the adapters (their sections' fields), which the usage texts name. */
const USAGE_ONLY = [/\/packages\/notify-[a-z]+\/dist\/[a-z]+-usage\.js$/]
const otherVerbsModules = (urls: ReadonlyArray<string>): string[] =>
  urls.filter((url) => OTHER_VERBS_ONLY.some((part) => url.includes(part)) && !USAGE_ONLY.some((usage) => usage.test(url)))
/** What no usage text needs: the core, the stores, and what a verb does. */
const NOT_FOR_HELP = ['/packages/core/', '/packages/store-', '/packages/node/', '/fp-ts/', '/io-ts/', '/cli/dist/verbs/', '/cli/dist/commands/']

describe('what a verb loads', () => {
  it('runs the bundle, and the recorder sees through its chunks: notify loads the adapters, onboard its readers', () => {
    const config = join(dir.path, 'notify.json')
    writeFileSync(config, JSON.stringify({ webhook: { url: 'http://127.0.0.1:9/', secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'] } }))
    const notify = loadsOf('--store', 'memory:', 'notify', '--config', config, '--once')
    expect(notify.code).toBe(0)
    expect(notify.urls).toContainEqual(expect.stringContaining('/cli/bundle/cli.js'))
    expect(notify.urls.some((url) => url.includes('/nodemailer/'))).toBe(true)
    expect(notify.urls.some((url) => url.includes('/@nats-io/'))).toBe(true)
    const onboard = loadsOf('--store', 'memory:', 'onboard', join(here, '..', '..', '..', 'examples', 'onboarding', 'registry-sample.csv'))
    expect(otherVerbsModules(onboard.urls)).toEqual(expect.arrayContaining([expect.stringContaining('/csv-parse/'), expect.stringContaining('/cli/dist/verbs/onboard.js')]))
  })

  it.each([
    ['report --json', ['--store', 'memory:', 'report', '--json', '--as-of', '2026-12-31'], 0],
    ['show', ['--store', 'memory:', 'show', 't-1'], 1],
    ['verify', ['--store', 'memory:', 'verify'], 0],
    ['apply', ['--store', 'memory:', 'apply', '-'], 0],
    ['report --help', ['report', '--help'], 0],
  ] as const)('%s loads no channel adapter, PostgreSQL driver, onboarding reader, simulator or HTML page', (_name, args, code) => {
    const run = loadsOf(...args)
    expect(run.code).toBe(code)
    expect(run.urls.some((url) => url.includes('/cli/dist/main.js'))).toBe(true)
    expect(otherVerbsModules(run.urls)).toEqual([])
  })

  it.each(['--help', 'notify --help', 'onboard --help', 'help notifications', '--version'])('%s loads the usage texts only: no core, store, adapter or reader', (line) => {
    const run = loadsOf(...line.split(' '))
    expect(run.code).toBe(0)
    expect(otherVerbsModules(run.urls)).toEqual([])
    expect(run.urls.filter((url) => NOT_FOR_HELP.some((part) => url.includes(part)))).toEqual([])
  })

  it('--help does load the light halves it prints from', () => {
    const urls = loadsOf('--help').urls
    expect(urls).toContainEqual(expect.stringMatching(/\/packages\/notify-email\/dist\/email-usage\.js$/))
    expect(urls).toContainEqual(expect.stringContaining('/cli/dist/onboard/onboard-verb.js'))
  })

  it('report --html loads the HTML page, and only then', () => {
    const run = loadsOf('--store', 'memory:', 'report', '--html', join(dir.path, 'report.html'), '--as-of', '2026-12-31')
    expect(run.code).toBe(0)
    const loaded = otherVerbsModules(run.urls)
    expect(loaded).toContainEqual(expect.stringContaining('/cli/dist/html/page.js'))
    expect(loaded.filter((url) => !url.includes('/cli/dist/html/'))).toEqual([])
  })
})
