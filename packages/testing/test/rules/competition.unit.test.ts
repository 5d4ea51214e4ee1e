// DOMAIN.md §5: the competition route (技能竞赛, 四级联动) of the default table, row by row, with
// "already X → Y" and "(if lower)", percentile rows, and one competition promotion per calendar
// year (the result is recorded, the promotion withheld with its rule).
import { describe, it } from 'vitest'
import type { CertifiedLevel, CompetitionTier, LedgerEvent } from '@talent-ledger/core'
import { aCompetitionResult, aPolicyAdopted, bureau, command, given, OCCUPATION, TALENT_ID, type RawData } from '../../src/spec/index.js'
import { hired, holding, poolEntered, ruleOf } from './fixtures.js'

const ON = '2024-06-01'
type Result = Partial<Pick<RawData<'RecordCompetitionResult'>, 'award' | 'percentile'>>
const compete = (tier: CompetitionTier, rank: number, extra: Result = {}, competitionId = 'c-1', on = ON) =>
  command('RecordCompetitionResult', bureau, { talentId: TALENT_ID, competitionId, tier, rank, on, ...extra })
const recorded = (tier: CompetitionTier, rank: number, extra: Result = {}, withheld: { rule: string; message: string } | null = null): LedgerEvent => ({
  type: 'CompetitionResultRecorded',
  data: { talentId: TALENT_ID, competitionId: 'c-1', tier, rank, award: extra.award ?? null, percentile: extra.percentile ?? null, on: ON, withheld },
})
const promoted = (level: CertifiedLevel, row: string): LedgerEvent => ({
  type: 'LevelCertified',
  data: { talentId: TALENT_ID, level, route: 'competition', occupation: OCCUPATION, on: ON, source: 'c-1', policyId: 'national-2018', ruleId: ruleOf(`competition.${row}`) },
})
const from = (level: CertifiedLevel | null): LedgerEvent[] => [...hired(), ...(level === null ? [] : holding(level, '2010-01-01'))]

type Row = readonly [string, CompetitionTier, number, Result, CertifiedLevel | null, CertifiedLevel | null, string]
// name, tier, rank, award/percentile, current level, expected promotion, table row
const TABLE: ReadonlyArray<Row> = [
  ['world rank 1 → senior-technician', 'world', 1, {}, null, 'senior-technician', 'world.top3'],
  ['world rank 3 from technician → senior-technician', 'world', 3, {}, 'technician', 'senior-technician', 'world.top3'],
  ['world excellence award → senior-technician', 'world', 12, { award: 'excellence' }, 'senior', 'senior-technician', 'world.top3'],
  ['world rank 1, already senior-technician: no promotion', 'world', 1, {}, 'senior-technician', null, ''],
  ['world rank 4: no promotion', 'world', 4, {}, 'junior', null, ''],
  ['national-1 rank 1 → technician', 'national-1', 1, {}, 'intermediate', 'technician', 'national-1.top3'],
  ['national-1 excellence (优胜奖) → technician', 'national-1', 30, { award: 'excellence' }, null, 'technician', 'national-1.top3'],
  ['national-1 rank 3, already technician → senior-technician', 'national-1', 3, {}, 'technician', 'senior-technician', 'national-1.top3'],
  ['national-1 rank 2, already senior-technician: no promotion', 'national-1', 2, {}, 'senior-technician', null, ''],
  ['national-1 rank 4: no promotion', 'national-1', 4, {}, 'junior', null, ''],
  ['national-2 rank 5 → technician', 'national-2', 5, {}, 'senior', 'technician', 'national-2.top5'],
  ['national-2 rank 1, already technician → senior-technician', 'national-2', 1, {}, 'technician', 'senior-technician', 'national-2.top5'],
  ['national-2 rank 6 → senior', 'national-2', 6, {}, 'junior', 'senior', 'national-2.top20'],
  ['national-2 rank 20, already senior → technician', 'national-2', 20, {}, 'senior', 'technician', 'national-2.top20'],
  ['national-2 rank 20, already technician: no promotion', 'national-2', 20, {}, 'technician', null, ''],
  ['national-2 rank 21: no promotion', 'national-2', 21, {}, null, null, ''],
  ['provincial rank 10 → technician', 'provincial', 10, {}, 'senior', 'technician', 'provincial.top10'],
  ['provincial rank 1, already technician: no promotion', 'provincial', 1, {}, 'technician', null, ''],
  ['provincial rank 11: no promotion', 'provincial', 11, {}, null, null, ''],
  ['municipal rank 6 → senior', 'municipal', 6, {}, 'intermediate', 'senior', 'municipal.top6'],
  ['municipal rank 4, already senior: no promotion', 'municipal', 4, {}, 'senior', null, ''],
  ['municipal rank 7: no promotion', 'municipal', 7, {}, null, null, ''],
  ['district percentile 30 → intermediate', 'district', 40, { percentile: 30 }, 'junior', 'intermediate', 'district.top30pct'],
  ['district percentile 31: no promotion', 'district', 40, { percentile: 31 }, 'junior', null, ''],
  ['district rank 1 without a percentile: no promotion', 'district', 1, {}, null, null, ''],
  ['enterprise percentile 0 → intermediate', 'enterprise', 1, { percentile: 0 }, null, 'intermediate', 'enterprise.top30pct'],
  ['enterprise percentile 10, already intermediate: no promotion', 'enterprise', 1, { percentile: 10 }, 'intermediate', null, ''],
]

describe('§5 competition table (default policy)', () => {
  it.each(TABLE)('%s', async (_name, tier, rank, extra, current, expected, row) => {
    const enters = expected !== null && ['senior', 'technician', 'senior-technician'].includes(expected) && !['senior', 'technician', 'senior-technician'].includes(current ?? '')
    const events = expected === null ? [recorded(tier, rank, extra)] : [recorded(tier, rank, extra), promoted(expected, row), ...(enters ? [poolEntered(ON)] : [])]
    await given(from(current)).when(compete(tier, rank, extra)).then(events)
  })
})

describe('§5 a city table never certifies a level already held', () => {
  it('a row whose "already X" level is X itself promotes nobody already at X', async () => {
    const policy = aPolicyAdopted('lyg-2028', '2020-01-01', (doc) => ({
      ...doc,
      competition: { ...doc.competition, table: doc.competition.table.map((row) => (row.tier === 'enterprise' ? { ...row, thenTo: 'intermediate' as const } : row)) },
    }))
    await given([policy, ...from('intermediate')]).when(compete('enterprise', 1, { percentile: 5 })).then([recorded('enterprise', 1, { percentile: 5 })])
    await given([policy, ...from('junior')]).when(compete('enterprise', 1, { percentile: 5 })).thenEventTypes(['CompetitionResultRecorded', 'LevelCertified'])
  })
})

describe('§5 one competition promotion per calendar year', () => {
  // rank 4: it promotes (municipal top 6) and names no prize honour (ranks 1–3 do: honours.unit.test.ts)
  const earlier = [aCompetitionResult('c-0', { tier: 'enterprise', rank: 1, percentile: 5, on: '2024-02-01' }), ...holding('intermediate', '2024-02-01', { route: 'competition', source: 'c-0' })]

  it('a second promoting result in the same year is recorded with the promotion withheld', async () => {
    await given([...hired(), ...earlier]).when(compete('municipal', 4)).then([
      recorded('municipal', 4, {}, { rule: 'competition.one-promotion-per-year', message: 'a competition promotion was already granted in 2024' }),
    ])
  })

  it('the limit counts a competition promotion later revoked: it was granted', async () => {
    const revoked: LedgerEvent = { type: 'CertificateRevoked', data: { talentId: TALENT_ID, level: 'intermediate', reason: 'fraud', on: '2024-03-01', flaggedGrants: [] } }
    await given([...hired(), ...earlier, revoked]).when(compete('municipal', 4)).thenEventTypes(['CompetitionResultRecorded'])
  })

  it('the next calendar year promotes again', async () => {
    await given([...hired(), ...earlier])
      .when(compete('municipal', 4, {}, 'c-1', '2025-01-01'))
      .thenEventTypes(['CompetitionResultRecorded', 'LevelCertified', 'TalentPoolEntered'])
  })

  it('a certification by assessment in the same year does not count against the limit', async () => {
    await given([...hired(), ...holding('intermediate', '2024-02-01', { route: 'skill-level-recognition' })]).when(compete('municipal', 4)).then([
      recorded('municipal', 4), promoted('senior', 'municipal.top6'), poolEntered(ON),
    ])
  })

  it('a result that would not promote is recorded without a withheld note', async () => {
    await given([...hired(), ...earlier]).when(compete('municipal', 9)).then([recorded('municipal', 9)])
  })
})

describe('§5 recording results', () => {
  it('the same competition twice: Duplicate', async () => {
    await given([...hired(), aCompetitionResult('c-1')]).when(compete('municipal', 2)).then({ code: 'Duplicate' })
  })

  it('a talent not registered: NotFound', async () => {
    await given([]).when(compete('municipal', 2)).then({ code: 'NotFound' })
  })

  it('a percentile outside 0–100: Malformed', async () => {
    await given(hired()).when(compete('district', 1, { percentile: 101 })).then({ code: 'Malformed' })
  })
})
