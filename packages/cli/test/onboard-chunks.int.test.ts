// onboardRows over a real ledger (memory store) with tiny chunks: a person's adjacent rows are never
// split by a chunk's end, so they fold into one talent with the highest level last; a person met
// again further down the file is the same talent; each command goes through the one ExecuteChunk.
import { describe, expect, it } from 'vitest'
import { createTalentLedger, type CommandResult } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, systemClock } from '@talent-ledger/store-memory'
import { layoutOf } from '../src/onboard/columns.js'
import { executeInOneCommit, executeOneByOne, type ExecuteChunk } from '../src/onboard/execute-chunk.js'
import { onboardRows } from '../src/onboard/onboard-run.js'
import { talentIdsOf } from '../src/onboard/talent-ids.js'
import { CHINESE_HEADER, EMPLOYERS_JSONL, person, row } from './onboard-files.js'

describe.each([
  ['one transaction per command', executeOneByOne],
  ['one transaction per chunk (group commit)', executeInOneCommit],
] as const)('chunks, %s', (_, executor) => {
  it.each([1, 2, 3, 500])('chunks of %i rows: one talent per person, highest level last, every command through ExecuteChunk', async (chunkRows) => {
    const store = createMemoryEventStore()
    const keys = createMemoryKeyStore()
    const ledger = createTalentLedger({ store, keys, clock: systemClock })
    for (const line of EMPLOYERS_JSONL.trim().split('\n')) expect((await ledger.execute(JSON.parse(line))).ok).toBe(true)
    const rows = [row(1, '五级', 'A-1', '2012-01-01'), row(0, '三级', 'B-3', '2019-01-01'), row(0, '五级', 'B-1', '2011-01-01'), row(0, '四级', 'B-2', '2015-01-01'), row(2, '四级', 'C-2', '2016-01-01'), row(1, '四级', 'A-2', '2017-01-01')]
    const found = layoutOf(CHINESE_HEADER)
    if (!found.ok) throw new Error('layout')
    const talentIdOf = await talentIdsOf(keys)
    const chunks: number[] = []
    const oneByOne = executor(ledger)
    const execute: ExecuteChunk = async (commands): Promise<ReadonlyArray<CommandResult>> => {
      chunks.push(commands.length)
      return oneByOne(commands)
    }
    const source = (async function* () {
      for (const [i, cells] of rows.entries()) yield { line: i + 2, cells }
    })()
    const summary = await onboardRows(source, {
      layout: found.layout,
      context: { layout: found.layout, talentIdOf, employerOf: (c) => c },
      issueAs: { actorId: 'hr-bureau', registeredOn: '2026-01-01' },
      recordDate: '2026-01-01',
      execute,
      ledger,
      sinks: { refused: async () => undefined, chunkDone: () => undefined },
      chunkRows,
    })
    expect(summary).toMatchObject({ rowsRead: 6, talentsCreated: 3, certificatesRecorded: 6, alreadyLoaded: 0, refused: 0 })
    // registrations (one per person per chunk) plus one command per row
    expect(chunks.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(6 + 3)
    const levels = (await ledger.talentState(talentIdOf(person(0).id))).certificates.map((c) => c.level)
    expect(levels).toEqual(['junior', 'intermediate', 'senior'])
    expect((await ledger.talentState(talentIdOf(person(1).id))).certificates.map((c) => c.certificateNumber)).toEqual(['A-1', 'A-2'])
  })
})

it('a rerun tells rows already loaded from rows refused as Duplicate, reading each talent once a chunk', async () => {
  const store = createMemoryEventStore()
  const keys = createMemoryKeyStore()
  const ledger = createTalentLedger({ store, keys, clock: systemClock })
  for (const line of EMPLOYERS_JSONL.trim().split('\n')) expect((await ledger.execute(JSON.parse(line))).ok).toBe(true)
  const found = layoutOf(CHINESE_HEADER)
  if (!found.ok) throw new Error('layout')
  const talentIdOf = await talentIdsOf(keys)
  // person 0's A-9 is a second valid junior certificate: Duplicate, but not one the talent holds
  const rows = [row(0, '五级', 'A-1', '2012-01-01'), row(0, '五级', 'A-9', '2013-01-01'), row(0, '四级', 'A-2', '2015-01-01'), row(1, '五级', 'B-1', '2011-01-01')]
  let stateReads = 0
  const counted = { ...ledger, talentState: (...args: Parameters<typeof ledger.talentState>) => (stateReads++, ledger.talentState(...args)) }
  const run = async (): Promise<{ summary: Awaited<ReturnType<typeof onboardRows>>; refused: Array<[number, string]> }> => {
    const refused: Array<[number, string]> = []
    const summary = await onboardRows(
      (async function* () {
        for (const [i, cells] of rows.entries()) yield { line: i + 2, cells }
      })(),
      {
        layout: found.layout,
        context: { layout: found.layout, talentIdOf, employerOf: (c) => c },
        issueAs: { actorId: 'hr-bureau', registeredOn: '2026-01-01' },
        recordDate: '2026-01-01',
        execute: executeInOneCommit(ledger),
        ledger: counted,
        sinks: { refused: async (r, why) => void refused.push([r.line, why.reason]), chunkDone: () => undefined },
      },
    )
    return { summary, refused }
  }
  const first = await run()
  expect(first.summary).toMatchObject({ talentsCreated: 2, certificatesRecorded: 3, alreadyLoaded: 0, refused: 1 })
  expect(first.refused).toEqual([[3, 'Duplicate']])
  stateReads = 0
  const again = await run()
  expect(again.summary).toMatchObject({ talentsCreated: 0, certificatesRecorded: 0, alreadyLoaded: 3, refused: 1 })
  expect(again.refused).toEqual([[3, 'Duplicate']])
  // one read per person of the chunk, not one per row
  expect(stateReads).toBe(2)
})
