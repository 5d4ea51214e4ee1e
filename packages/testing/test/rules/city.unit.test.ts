// DOMAIN.md §6 (carriers designated by the bureau) and §1/§8 (the yearly employment statistics
// the city reports): the city stream's rules.
import { describe, it } from 'vitest'
import type { CarrierKind } from '@talent-ledger/core'
import { bureau, command, employerActor, given } from '../../src/spec/index.js'

const ON = '2024-06-01'
const designate = (carrierId: string, kind: CarrierKind, actor = bureau) => command('DesignateCarrier', actor, { carrierId, kind, name: `载体 ${carrierId}`, on: ON })
const report = (year: number, employedPersons: number, actor = bureau) => command('ReportEmploymentStatistics', actor, { year, employedPersons })

const KINDS: ReadonlyArray<readonly [CarrierKind, string]> = [
  ['industry-education-base', '产教融合实训基地'],
  ['high-skill-training-base', '高技能人才培训基地'],
  ['master-studio', '技能大师工作室'],
  ['worldskills-training-base', '世赛国家/省集训基地'],
  ['national-contest-training-base', '全国大赛省级集训基地'],
]

describe('§6 training carriers (培养载体)', () => {
  it.each(KINDS)('the bureau designates a %s (%s)', async (kind) => {
    await given([]).when(designate('car-1', kind)).then([{ type: 'CarrierDesignated', data: { carrierId: 'car-1', kind, name: '载体 car-1', on: ON } }])
  })

  it('a carrier designated already: Duplicate', async () => {
    await given([{ type: 'CarrierDesignated', data: { carrierId: 'car-1', kind: 'master-studio', name: 'x', on: '2023-01-01' } }])
      .when(designate('car-1', 'master-studio'))
      .then({ code: 'Duplicate' })
  })

  it('only the bureau designates: an employer is Unauthorized', async () => {
    await given([]).when(designate('car-1', 'master-studio', employerActor())).then({ code: 'Unauthorized' })
  })

  it('an unknown kind: Malformed', async () => {
    await given([]).when({ ...designate('car-1', 'master-studio'), data: { ...designate('car-1', 'master-studio').data, kind: 'museum' } }).then({ code: 'Malformed' })
  })
})

describe('§1 employment statistics (employed persons, reported yearly by the city)', () => {
  it('the bureau reports the employed persons of a year', async () => {
    await given([]).when(report(2024, 2_600_000)).then([{ type: 'EmploymentStatisticsReported', data: { year: 2024, employedPersons: 2_600_000 } }])
  })

  it('the same figure again: Duplicate', async () => {
    await given([{ type: 'EmploymentStatisticsReported', data: { year: 2024, employedPersons: 2_600_000 } }]).when(report(2024, 2_600_000)).then({ code: 'Duplicate' })
  })

  it('a different figure for a year already reported is a correction and is kept', async () => {
    await given([{ type: 'EmploymentStatisticsReported', data: { year: 2024, employedPersons: 2_600_000 } }])
      .when(report(2024, 2_610_000))
      .then([{ type: 'EmploymentStatisticsReported', data: { year: 2024, employedPersons: 2_610_000 } }])
  })

  it('no employed persons, or a fractional year: Malformed', async () => {
    await given([]).when(report(2024, 0)).then({ code: 'Malformed' })
    await given([]).when(report(2024.5, 10)).then({ code: 'Malformed' })
  })

  it('only the bureau reports: an employer is Unauthorized', async () => {
    await given([]).when(report(2024, 2_600_000, employerActor())).then({ code: 'Unauthorized' })
  })
})
