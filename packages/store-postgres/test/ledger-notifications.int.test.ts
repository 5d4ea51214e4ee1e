/**
 * The ledger writes its notices on PostgreSQL too: a command's notices are committed with its events
 * (one transaction), a refused command writes none, and two ledgers racing on the same command over
 * separate pools leave one set of notices, with ids `${eventId}:${channel}:${recipient}`.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createTalentLedger } from '@talent-ledger/core'
import { manualClock } from '@talent-ledger/store-memory'
import { createPostgresEventStore, createPostgresKeyStore } from '../src/index.js'
import { TEST_URL, dropSchema, uniqueSchema } from './pg-schemas.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
const employer = { id: 'port-co', role: 'employer' } as const
const setup = [
  { type: 'RegisterOrganization', actor: bureau, data: { organizationId: 'port-co', kind: 'employer', name: '连云港港口集团', canAppoint: true, authorizations: [{ route: 'skill-level-recognition', occupations: ['*'], maxLevel: 'technician' }] } },
  { type: 'RegisterTalent', actor: employer, data: {
    talentId: 't-1', name: '王芳', nationalId: '320703199105020028', birthDate: '1991-05-02', occupation: '6-18-02-04', occupationSince: '2016-07-01',
    education: 'technician-college', employerId: 'port-co', district: '连云区', frontLine: true, registeredOn: '2026-01-05' } },
]
const assess = (assessmentId: string, level: string, on: string) => ({
  type: 'RecordAssessment', actor: employer,
  data: { talentId: 't-1', assessmentId, route: 'skill-level-recognition', occupation: '6-18-02-04', level, passed: true, assessorId: 'port-co', on },
})

const open = async (schema: string) => {
  const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 2 })
  cleanups.push(() => store.close())
  return { store, ledger: createTalentLedger({ store, keys: createPostgresKeyStore(store), clock: manualClock('2026-04-01T08:00:00.000Z') }) }
}

describe('the ledger on PostgreSQL writes notices with their events', () => {
  it('one set per accepted command, none for a refused one, one set when two ledgers race', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const a = await open(schema)
    const b = await open(schema)
    for (const c of setup) expect((await a.ledger.execute(c)).ok).toBe(true)
    expect(await a.ledger.execute(assess('a-x', 'technician', '2026-03-02'))).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    expect(await a.store.outbox.list()).toEqual([])

    const results = await Promise.all([a.ledger.execute(assess('a-1', 'intermediate', '2026-03-01')), b.ledger.execute(assess('a-1', 'intermediate', '2026-03-01'))])
    expect(results.map((r) => r.ok).sort()).toEqual([false, true])
    const rows = await b.store.outbox.list()
    expect(rows.map((r) => `${r.payload['eventType'] as string} ${r.channel} ${r.recipient}`)).toEqual([
      'LevelCertified email talent:t-1', 'LevelCertified webhook employer:port-co', 'LevelCertified nats bureau',
    ])
    const certified = (await a.store.readStream('talent-t-1')).find((e) => e.type === 'LevelCertified')!
    for (const r of rows) expect(r.id).toBe(`${certified.eventId}:${r.channel}:${r.recipient}`)
    expect(JSON.stringify(rows)).not.toContain('王芳')
  })
})
