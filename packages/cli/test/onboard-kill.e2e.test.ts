// `onboard` killed with SIGKILL at random moments, then run again, on one SQLite file: after every
// kill the log verifies (no torn write), holds each certificate of the file at most once and exactly
// as the row gave it, each person's talent at most once with its certificates lowest level first;
// after the last run every row of the file is in, once. A moment is chosen as a random count of
// stored commands (read from the file by a second connection while the binary writes), plus a random
// few milliseconds, so each kill lands mid-run whatever the machine's speed. Batches of 7 rows (one
// transaction each) give the kills many commits to fall between. Some people's rows lie far apart
// (person-order.ts brings them together): a kill never leaves one of them with a higher certificate
// and not the lower ones.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { afterAll, expect, it } from 'vitest'
import { CLI, runCli, tempDir } from './run-cli.js'
import { CHINESE_HEADER, EMPLOYERS_JSONL, row, writeCsv } from './onboard-files.js'

const dir = tempDir()
afterAll(() => dir.remove())

const NEAR = 120
const FAR = 30
const PEOPLE = NEAR + FAR
const LEVELS = ['五级', '四级', '三级'] as const
const CODES: Readonly<Record<string, string>> = { 五级: 'junior', 四级: 'intermediate', 三级: 'senior' }
const certificateRow = (i: number, k: number): string[] => row(i, LEVELS[k]!, `K-${i}-${k}`, `${2013 + k * 4}-03-0${1 + k}`)
// person i < NEAR holds 1 + i % 3 certificates on adjacent rows, written highest level first
const ADJACENT = Array.from({ length: NEAR }, (_, i) => LEVELS.slice(0, 1 + (i % 3)).map((_level, k) => certificateRow(i, k)).reverse()).flat()
// the FAR others hold three each, far apart (many batches between): the highest level among the
// first rows, the lowest in the middle, the middle level last
const far = (k: number): string[][] => Array.from({ length: FAR }, (_, j) => certificateRow(NEAR + j, k))
const ROWS = [...ADJACENT.slice(0, 80), ...far(2), ...ADJACENT.slice(80, 160), ...far(0), ...ADJACENT.slice(160), ...far(1)]
const COMMANDS = PEOPLE + ROWS.length

/** mulberry32, seeded: the kill moments are random but the same on every run of the test. */
const random = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface StoredEvent {
  readonly stream_id: string
  readonly type: string
  readonly data: string
}

it('a run killed at any moment leaves whole rows only, and a rerun completes the file without duplicates', async () => {
  const db = join(dir.path, 'killed.db')
  const store = `sqlite:${db}`
  const file = join(dir.path, 'registry.csv')
  writeCsv(file, CHINESE_HEADER, ROWS, 'gb18030')
  expect(runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: EMPLOYERS_JSONL }).code).toBe(0)
  const reader = new Database(db, { readonly: true })
  const stored = (): StoredEvent[] => reader.prepare("SELECT stream_id, type, data FROM events WHERE type IN ('TalentRegistered', 'PriorCertificateRecorded') ORDER BY global_position").all() as StoredEvent[]

  /** Every stored certificate is a row of the file, once; each talent once, its certificates lowest first. */
  const checkWholeRows = (): number => {
    const events = stored()
    const certificates = events.filter((e) => e.type === 'PriorCertificateRecorded').map((e) => ({ stream: e.stream_id, data: JSON.parse(e.data) as Record<string, string> }))
    const numbers = certificates.map((c) => c.data['certificateNumber']!)
    expect(new Set(numbers).size).toBe(numbers.length)
    for (const c of certificates) {
      const [, person, k] = c.data['certificateNumber']!.split('-').map(Number) as [number, number, number]
      expect(c.data).toMatchObject({ level: CODES[LEVELS[k]!], issuedOn: `${2013 + k * 4}-03-0${1 + k}`, occupation: '6-18-02-04', issuer: '连云港市职业技能鉴定中心' })
      // one stream per person: every certificate of a person sits in the stream of its first
      expect(c.stream).toBe(certificates.find((o) => o.data['certificateNumber'] === `K-${person}-0`)?.stream ?? c.stream)
    }
    const streams = events.filter((e) => e.type === 'TalentRegistered').map((e) => e.stream_id)
    expect(new Set(streams).size).toBe(streams.length)
    for (const stream of new Set(certificates.map((c) => c.stream))) {
      expect(streams).toContain(stream)
      expect(certificates.filter((c) => c.stream === stream).map((c) => c.data['certificateNumber']!.split('-')[2])).toEqual(['0', '1', '2'].slice(0, certificates.filter((c) => c.stream === stream).length))
    }
    expect(runCli(['--store', store, 'verify'], { cwd: dir.path }).code).toBe(0)
    return events.length
  }

  const next = random(14)
  let killed = 0
  for (let round = 0; round < 6; round++) {
    const before = stored().length
    if (before >= COMMANDS - 5) break
    // up to a sixth of the file further on, so several kills fall before the end
    const target = before + 1 + Math.floor(next() * Math.min(COMMANDS - before - 5, COMMANDS / 6))
    const child = spawn(process.execPath, [CLI, '--store', store, 'onboard', file, '--json', '--batch', '7'], { cwd: dir.path, stdio: 'ignore' })
    const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>
    let done = false
    void closed.then(() => (done = true))
    while (!done && stored().length < target) await sleep(5)
    await sleep(Math.floor(next() * 15))
    child.kill('SIGKILL')
    const [, signal] = await closed
    if (signal === 'SIGKILL') killed++
    const after = checkWholeRows()
    expect(after).toBeGreaterThanOrEqual(before)
  }
  expect(killed).toBeGreaterThanOrEqual(3)

  const rerun = runCli(['--store', store, 'onboard', file, '--json'], { cwd: dir.path })
  expect(rerun.code).toBe(0)
  // the rerun records what the killed runs had not, and meets the rest as already there
  const summary = rerun.json()[0] as { rowsRead: number; certificatesRecorded: number; alreadyLoaded: number; refused: number }
  expect(summary).toMatchObject({ rowsRead: ROWS.length, refused: 0 })
  expect(summary.certificatesRecorded + summary.alreadyLoaded).toBe(ROWS.length)
  expect(summary.certificatesRecorded).toBeGreaterThan(0)
  expect(checkWholeRows()).toBe(COMMANDS)
  const final = runCli(['--store', store, 'onboard', file], { cwd: dir.path })
  expect(final.stdout).toContain(`${ROWS.length} rows read, 0 talents created, 0 certificates recorded, ${ROWS.length} already in the ledger, 0 refused`)
  expect(checkWholeRows()).toBe(COMMANDS)
  reader.close()
}, 300_000)
