// 工作单位 matched to registered employers (employers.ts), read by the organisations' range of
// stream ids, against the reading it replaced (every stream's head, then each `org-` stream whole):
// on SQLite among talents, and on the memory store past one page of organisations, every cell (an
// id, a name padded with spaces, a name two employers share, a name of an organisation that is no
// employer, an unknown value) resolves the same.
import { join } from 'node:path'
import { createTalentLedger, type EventStore, type TalentLedger } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, systemClock } from '@talent-ledger/store-memory'
import { createSqliteEventStore } from '@talent-ledger/store-sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { employersOf, type EmployerOf } from '../src/onboard/employers.js'
import { talentIdsOf } from '../src/onboard/talent-ids.js'
import { person } from './onboard-files.js'
import { tempDir } from './run-cli.js'

const dir = tempDir()
afterAll(() => dir.remove())

/** The reading employers.ts did before: every stream head, each `org-` stream read whole. */
const reference = async (store: EventStore, ledger: TalentLedger): Promise<EmployerOf> => {
  const ids = new Set<string>()
  const byName = new Map<string, string>()
  for (const head of await store.streamHeads()) {
    if (!head.streamId.startsWith('org-')) continue
    for (const row of await store.readStream(head.streamId)) {
      const { event } = ledger.decode(row)
      if (event.type !== 'OrganizationRegistered' || event.data.kind !== 'employer') continue
      ids.add(event.data.organizationId)
      byName.set(event.data.name.trim(), byName.has(event.data.name.trim()) ? '' : event.data.organizationId)
    }
  }
  return (cell) => {
    const v = cell.trim()
    if (ids.has(v)) return v
    const id = byName.get(v)
    return id === undefined || id === '' ? v : id
  }
}

const HR = { id: 'hr-bureau', role: 'hr-bureau' }
const organisation = (organizationId: string, name: string, kind = 'employer'): unknown => ({ type: 'RegisterOrganization', actor: HR, data: { organizationId, kind, name } })

const ORGANISATIONS = [
  organisation('port-co', '连云港港口集团'),
  organisation('steel-co', '连云港钢铁公司'),
  organisation('dup-a', '同名公司'),
  organisation('dup-b', '同名公司'),
  organisation('org-x', '前缀公司'),
  organisation('a', '最前公司'),
  organisation('zz', '最后公司'),
  organisation('assess-1', '连云港鉴定所', 'assessment-body'),
]
const CELLS = ['port-co', ' steel-co ', '连云港港口集团', '连云港钢铁公司', ' 连云港钢铁公司 ', '同名公司', 'dup-b', '前缀公司', 'org-x', '最前公司', '最后公司', '连云港鉴定所', 'assess-1', 'no-such-co', '', '\u0000']

const register = async (ledger: TalentLedger, commands: ReadonlyArray<unknown>): Promise<void> => {
  for (const c of commands) {
    const result = await ledger.execute(c)
    expect(result.ok ? null : { command: c, error: result.error }).toBeNull()
  }
}

describe('employers', () => {
  it('on SQLite, among talents: every cell resolves as the whole reading of the streams did', async () => {
    const store = createSqliteEventStore({ path: join(dir.path, 'employers.db') })
    const keys = createMemoryKeyStore()
    const ledger = createTalentLedger({ store, keys, clock: systemClock })
    await register(ledger, ORGANISATIONS)
    const talentIdOf = await talentIdsOf(keys)
    for (let n = 0; n < 5; n++) {
      const p = person(n)
      const data = { talentId: talentIdOf(p.id), name: p.name, nationalId: p.id, birthDate: `${p.id.slice(6, 10)}-${p.id.slice(10, 12)}-${p.id.slice(12, 14)}`, occupation: '6-18-02-04', occupationSince: '2000-07-01', education: 'none', employerId: 'port-co', district: '海州区', frontLine: true, registeredOn: '2026-01-01' }
      await register(ledger, [{ type: 'RegisterTalent', actor: HR, data }])
    }
    const [ours, before] = [await employersOf(store, ledger), await reference(store, ledger)]
    expect(CELLS.map(ours)).toEqual(CELLS.map(before))
    expect(ours('连云港钢铁公司')).toBe('steel-co')
    expect(ours('同名公司')).toBe('同名公司')
    await store.close()
  })

  it('past one page of organisations: the last one is found too', async () => {
    const store = createMemoryEventStore()
    const ledger = createTalentLedger({ store, keys: createMemoryKeyStore(), clock: systemClock })
    const many = Array.from({ length: 1_050 }, (_, i) => organisation(`co-${String(i).padStart(4, '0')}`, `第${i}公司`))
    await register(ledger, [...ORGANISATIONS, ...many])
    const [ours, before] = [await employersOf(store, ledger), await reference(store, ledger)]
    const cells = [...CELLS, '第0公司', '第999公司', '第1000公司', '第1049公司', 'co-1049']
    expect(cells.map(ours)).toEqual(cells.map(before))
    expect(ours('第1049公司')).toBe('co-1049')
  })
})
