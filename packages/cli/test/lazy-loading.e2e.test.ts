// Start-up loads what the verb run needs: `report`, `show`, `verify` and `apply` load neither the
// channel adapters (nodemailer, NATS) nor the PostgreSQL driver, the onboarding readers (CSV,
// GB18030, XLSX), the simulator or the HTML page, which every verb used to load before it ran
// (issue 15). Checked by the modules loaded, not by time.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { CLI, tempDir } from './run-cli.js'

const dir = tempDir()
afterAll(() => dir.remove())
const recorder = join(dirname(fileURLToPath(import.meta.url)), 'record-loads.mjs')

let runs = 0
/** The URLs of the modules `talent-ledger ...args` loads, and its exit code. */
const loadsOf = (...args: string[]): { readonly code: number | null; readonly urls: ReadonlyArray<string> } => {
  const file = join(dir.path, `loads-${++runs}.txt`)
  const r = spawnSync(process.execPath, ['--import', recorder, CLI, ...args], { cwd: dir.path, input: '', encoding: 'utf8', env: { ...process.env, CI: 'true', RECORD_LOADS: file } })
  return { code: r.status, urls: readFileSync(file, 'utf8').split('\n').filter((l) => l !== '') }
}

/** What only other verbs need, by a part of the module's URL. */
const OTHER_VERBS_ONLY = ['/nodemailer/', '/@nats-io/', '/node_modules/pg/', '/csv-parse/', '/csv-stringify/', '/iconv-lite/', '/exceljs/', '/packages/notify-', '/packages/simulator/', '/cli/dist/html/', '/cli/dist/onboard/onboard-verb.js']
const otherVerbsModules = (urls: ReadonlyArray<string>): string[] => urls.filter((url) => OTHER_VERBS_ONLY.some((part) => url.includes(part)))

describe('what a verb loads', () => {
  it('the recorder sees them: notify --help lists the channels, so it loads the adapters, and onboard its readers', () => {
    const notify = loadsOf('notify', '--help')
    expect(notify.code).toBe(0)
    expect(notify.urls.some((url) => url.includes('/nodemailer/'))).toBe(true)
    expect(notify.urls.some((url) => url.includes('/@nats-io/'))).toBe(true)
    expect(otherVerbsModules(loadsOf('onboard', '--help').urls)).toEqual(expect.arrayContaining([expect.stringContaining('/csv-parse/'), expect.stringContaining('/cli/dist/onboard/onboard-verb.js')]))
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

  it('report --html loads the HTML page, and only then', () => {
    const run = loadsOf('--store', 'memory:', 'report', '--html', join(dir.path, 'report.html'), '--as-of', '2026-12-31')
    expect(run.code).toBe(0)
    const loaded = otherVerbsModules(run.urls)
    expect(loaded).toContainEqual(expect.stringContaining('/cli/dist/html/page.js'))
    expect(loaded.filter((url) => !url.includes('/cli/dist/html/'))).toEqual([])
  })
})
