/**
 * A ledger keeps folded streams between commands (core `folded-streams.ts`). Two ledgers, each
 * with its own connection to one SQLite file, must still see each other's events: a warm cache
 * reads what was appended after it, and when the other ledger appends between our read and our
 * append, the expected version refuses ours and the retry folds the stream again from the store.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createTalentLedger, noBackoff, verifyStream, type EventStore } from '@talent-ledger/core'
import { manualClock } from '@talent-ledger/store-memory'
import { createSqliteEventStore, createSqliteKeyStore, type SqliteEventStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
const registerEmployer = {
  type: 'RegisterOrganization', actor: bureau, data: {
    organizationId: 'port-co', kind: 'employer', name: '连云港港口集团', canAppoint: true,
    authorizations: [{ route: 'skill-level-recognition', occupations: ['*'], maxLevel: 'technician' }] },
}
const registerTalent = {
  type: 'RegisterTalent', actor: bureau, data: {
    talentId: 't-1', name: '王芳', nationalId: '320703199105020028', birthDate: '1991-05-02', occupation: '6-18-02-04',
    occupationSince: '2016-07-01', education: 'technician-college', employerId: 'port-co', district: '连云区',
    frontLine: true, registeredOn: '2026-01-05' },
}
const enroll = (programId: string) => ({
  type: 'EnrollTraining', actor: bureau, data: {
    talentId: 't-1', programId, kind: 'specialized', field: 'advanced-manufacturing', providerId: 'port-co', startedOn: '2026-02-01' },
})

/** A ledger on its own connection to `path`; `store` may wrap the connection's store. */
const ledgerOn = (path: string, wrap: (s: SqliteEventStore) => EventStore = (s) => s) => {
  const sqlite = createSqliteEventStore({ path })
  cleanups.push(() => sqlite.close())
  const store = wrap(sqlite)
  return { sqlite, ledger: createTalentLedger({ store, keys: createSqliteKeyStore(sqlite.database), clock: manualClock('2026-02-01T08:00:00.000Z'), retry: { maxAttempts: 5, backoff: noBackoff } }) }
}

describe('folded streams kept by a ledger, with a second ledger writing to the same SQLite file', () => {
  it('a warm ledger sees what the other ledger appended since, and decides on it', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const a = ledgerOn(path)
    const b = ledgerOn(path)
    for (const c of [registerEmployer, registerTalent, enroll('p-1')]) expect((await a.ledger.execute(c)).ok).toBe(true)
    // a has talent-t-1 folded at version 2; b enrols the talent in p-2 on its own connection
    expect(await b.ledger.execute(enroll('p-2'))).toMatchObject({ ok: true, version: 3 })
    // a must know p-2 is taken, and its next event must follow b's
    expect(await a.ledger.execute(enroll('p-2'))).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
    expect(await a.ledger.execute(enroll('p-3'))).toEqual({ ok: true, stream: 'talent-t-1', version: 4, events: ['TrainingEnrolled'] })
    expect(Object.keys((await b.ledger.talentState('t-1')).trainings).sort()).toEqual(['p-1', 'p-2', 'p-3'])
  })

  it('when the other ledger appends between our read and our append, the expected version wins and the retry refolds', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const b = ledgerOn(path)
    const reads: Array<{ stream: string; from: number | undefined }> = []
    let interleave: (() => Promise<void>) | null = null
    let appendConflicts = 0
    // a's store lets b write right after a has read the talent's stream (once)
    const a = ledgerOn(path, (s) => ({
      ...s,
      readStream: async (stream, from) => {
        const rows = await s.readStream(stream, from)
        if (stream === 'talent-t-1') reads.push({ stream, from })
        if (stream === 'talent-t-1' && interleave !== null) {
          const run = interleave
          interleave = null
          await run()
        }
        return rows
      },
      append: async (stream, events, expected, options) => {
        const outcome = await s.append(stream, events, expected, options)
        if (!outcome.ok) appendConflicts++
        return outcome
      },
    }))
    for (const c of [registerEmployer, registerTalent, enroll('p-1')]) expect((await a.ledger.execute(c)).ok).toBe(true)
    interleave = async () => void expect((await b.ledger.execute(enroll('p-2'))).ok).toBe(true)
    reads.length = 0
    // a's fold stands at version 2 (it keeps its own p-1 enrolment folded as it decided it, at the hash
    // its append answered): it reads from version 3, finds nothing, and b appends p-2 as version 3 just
    // after that read. a decides p-2 on version 2, its append at expected version 2 is refused, and the
    // retry reads the whole stream again (no `from`): p-2 is now a duplicate
    expect(await a.ledger.execute(enroll('p-2'))).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
    expect(appendConflicts).toBe(1)
    expect(reads).toEqual([{ stream: 'talent-t-1', from: 3 }, { stream: 'talent-t-1', from: undefined }])
    const stream = await b.sqlite.readStream('talent-t-1')
    expect(stream.map((e) => [e.version, e.type])).toEqual([[1, 'TalentRegistered'], [2, 'TrainingEnrolled'], [3, 'TrainingEnrolled']])
    expect(verifyStream('talent-t-1', stream)).toBeNull()
  })

  it('a ledger that keeps no folded streams decides the same', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const sqlite = createSqliteEventStore({ path })
    cleanups.push(() => sqlite.close())
    const ledger = createTalentLedger({ store: sqlite, keys: createSqliteKeyStore(sqlite.database), clock: manualClock('2026-02-01T08:00:00.000Z'), foldedStreams: 0 })
    const results = []
    for (const c of [registerEmployer, registerTalent, enroll('p-1'), enroll('p-1')]) results.push(await ledger.execute(c))
    expect(results.map((r) => (r.ok ? r.version : r.error.code))).toEqual([1, 1, 2, 'Duplicate'])
  })
})
