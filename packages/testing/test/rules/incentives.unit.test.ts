// DOMAIN.md §7: incentives (技术入股, 岗位分红, wage increases) recorded by the talent's current
// employer only, and honours (荣誉表彰) with their grade conferred by the bureau.
import { describe, it } from 'vitest'
import type { LedgerEvent } from '@talent-ledger/core'
import { anEmployer, bureau, command, employerActor, given, TALENT_ID, type RawData } from '../../src/spec/index.js'
import { hired } from './fixtures.js'

const ON = '2024-06-01'
const incentive = (kind: RawData<'RecordIncentive'>['kind'], amount?: number, actor = employerActor()) =>
  command('RecordIncentive', actor, amount === undefined ? { talentId: TALENT_ID, kind, on: ON } : { talentId: TALENT_ID, kind, on: ON, amount })
const honour = (title: string, grade: string, actor = bureau) => command('ConferHonor', actor, { talentId: TALENT_ID, title, grade, on: ON })
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

describe('§7 honours (荣誉表彰)', () => {
  it.each([
    ['连云港技能状元', 'municipal'],
    ['江苏工匠', 'provincial'],
    ['全国技术能手', 'national'],
  ])('the bureau confers %s (%s)', async (title, grade) => {
    await given(hired()).when(honour(title, grade)).then([{ type: 'HonorConferred', data: { talentId: TALENT_ID, title, grade, on: ON } }])
  })

  it('the same honour twice on one day: Duplicate', async () => {
    await given([...hired(), { type: 'HonorConferred', data: { talentId: TALENT_ID, title: '江苏工匠', grade: 'provincial', on: ON } }]).when(honour('江苏工匠', 'provincial')).then({ code: 'Duplicate' })
  })

  it('a talent not registered: NotFound', async () => {
    await given([]).when(honour('江苏工匠', 'provincial')).then({ code: 'NotFound' })
  })

  it('an employer does not confer honours: Unauthorized', async () => {
    await given(hired()).when(honour('江苏工匠', 'provincial', employerActor())).then({ code: 'Unauthorized' })
  })
})
