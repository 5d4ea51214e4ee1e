// DOMAIN.md §7: incentives (技术入股, 岗位分红, wage increases) recorded by the talent's current
// employer only. Honours (荣誉表彰) are in honours.unit.test.ts (DOMAIN.md §14).
import { describe, it } from 'vitest'
import type { LedgerEvent } from '@talent-ledger/core'
import { anEmployer, bureau, command, employerActor, given, TALENT_ID, type RawData } from '../../src/spec/index.js'
import { hired } from './fixtures.js'

const ON = '2024-06-01'
const incentive = (kind: RawData<'RecordIncentive'>['kind'], amount?: number, actor = employerActor()) =>
  command('RecordIncentive', actor, amount === undefined ? { talentId: TALENT_ID, kind, on: ON } : { talentId: TALENT_ID, kind, on: ON, amount })
const moved: LedgerEvent = { type: 'EmployerChanged', data: { talentId: TALENT_ID, from: 'emp-1', employerId: 'emp-2', on: '2024-03-01' } }

describe('§7 incentives by the current employer', () => {
  it.each([
    ['technology-equity', 5_000_000],
    ['post-dividend', 1_200_000],
    ['wage-increase', 80_000],
  ] as const)('%s of %i fen is recorded with the employer', async (kind, amount) => {
    await given(hired()).when(incentive(kind, amount)).then([{ type: 'IncentiveRecorded', data: { talentId: TALENT_ID, employerId: 'emp-1', kind, on: ON, amount } }])
  })

  it('an amount is optional', async () => {
    await given(hired()).when(incentive('technology-equity')).then([{ type: 'IncentiveRecorded', data: { talentId: TALENT_ID, employerId: 'emp-1', kind: 'technology-equity', on: ON, amount: null } }])
  })

  it('the former employer after a change: Unauthorized; the new one: recorded under its id', async () => {
    const history = [...hired(), anEmployer('emp-2'), moved]
    await given(history).when(incentive('post-dividend', 100)).then({ code: 'Unauthorized' })
    await given(history).when(incentive('post-dividend', 100, employerActor('emp-2'))).then([
      { type: 'IncentiveRecorded', data: { talentId: TALENT_ID, employerId: 'emp-2', kind: 'post-dividend', on: ON, amount: 100 } },
    ])
  })

  it('the bureau does not record incentives: Unauthorized', async () => {
    await given(hired()).when(incentive('wage-increase', 100, bureau)).then({ code: 'Unauthorized' })
  })

  it('the same incentive twice on one day: Duplicate', async () => {
    await given([...hired(), { type: 'IncentiveRecorded', data: { talentId: TALENT_ID, employerId: 'emp-1', kind: 'wage-increase', on: ON, amount: 100 } }])
      .when(incentive('wage-increase', 100))
      .then({ code: 'Duplicate' })
  })
})
