// DOMAIN.md §14: honours (荣誉表彰) from the policy's catalogue, conferred by the bureau or by a
// competition result whose prize row names one, the first release's free-text form still valid,
// yearly honour lists and the high-skilled share of each list (examples 14-a and 14-b).
import { describe, expect, it } from 'vitest'
import { foldEvents, honourFigures, honourFiguresProjection, type EventOf, type LedgerEvent, type PolicyDocument } from '@talent-ledger/core'
import { aCompetitionResult, aPolicyAdopted, aTalentRegistered, bureau, command, employerActor, given, OCCUPATION, TALENT_ID } from '../../src/spec/index.js'
import { hired, holding, poolEntered, ruleOf } from './fixtures.js'

const ON = '2024-06-01'
const confer = (data: Record<string, unknown>, actor = bureau) => command('ConferHonor', actor, { talentId: TALENT_ID, on: ON, ...data } as never)
const conferred = (data: Partial<EventOf<'HonorConferred'>['data']>): EventOf<'HonorConferred'> => ({
  type: 'HonorConferred',
  data: { talentId: TALENT_ID, title: '江苏省五一劳动奖章', grade: 'provincial', on: ON, honourId: 'jiangsu-may-day-medal', kind: 'may-day-medal', source: null, policyId: 'national-2018', ...data },
})
const compete = (competitionId: string, rank: number, on: string, talentId = TALENT_ID) =>
  command('RecordCompetitionResult', bureau, { talentId, competitionId, tier: 'municipal', rank, on })
const list = (honourId: string, year: number, recipients: number, actor = bureau) => command('ReportHonourList', actor, { honourId, year, recipients })
/** A policy from 2020 whose catalogue and prize rows are changed by `change`. */
const cityPolicy = (change: (doc: PolicyDocument) => PolicyDocument) => aPolicyAdopted('lyg-t', '2020-01-01', change)

describe('§14 ConferHonor: a catalogued honour (honour.in-catalogue)', () => {
  it('the bureau confers a catalogued honour: title, kind and grade from the catalogue, the reference as source', async () => {
    await given(hired()).when(confer({ honourId: 'jiangsu-may-day-medal', reference: '苏工发〔2024〕3号' })).then([conferred({ source: '苏工发〔2024〕3号' })])
  })

  it('an honour the catalogue does not hold: NotFound honour.in-catalogue', async () => {
    await given(hired()).when(confer({ honourId: 'no-such-honour' })).then({ code: 'NotFound', rules: ['honour.in-catalogue'] })
  })

  it('a policy without an honours block has no catalogue: NotFound honour.in-catalogue', async () => {
    const { honours: _none, ...older } = aPolicyAdopted('x', '2000-01-01').data.document
    await given([aPolicyAdopted('lyg-old', '2020-01-01', () => older), ...hired()])
      .when(confer({ honourId: 'jiangsu-may-day-medal' }))
      .then({ code: 'NotFound', rules: ['honour.in-catalogue'] })
  })

  it('the catalogue of the policy in force on the date decides', async () => {
    const policy = cityPolicy((d) => ({ ...d, honours: { catalogue: [{ honourId: 'lyg-harbour-craftsman', title: '港城工匠', kind: 'craftsman', grade: 'municipal', conferrer: '连云港市人民政府' }] } }))
    await given([policy, ...hired()]).when(confer({ honourId: 'lyg-harbour-craftsman' })).then([
      conferred({ title: '港城工匠', grade: 'municipal', honourId: 'lyg-harbour-craftsman', kind: 'craftsman', policyId: 'lyg-t' }),
    ])
    await given([policy, ...hired()]).when(confer({ honourId: 'jiangsu-may-day-medal' })).then({ code: 'NotFound', rules: ['honour.in-catalogue'] })
  })
})

describe('§14 ConferHonor: the first release\'s free-text form stays valid', () => {
  it('a title and grade outside the catalogue: kind other, no honourId', async () => {
    await given(hired()).when(confer({ title: '港城工匠', grade: '市级' })).then([conferred({ title: '港城工匠', grade: '市级', honourId: null, kind: 'other' })])
  })

  it('a title and grade that match one catalogue entry: recorded as that entry', async () => {
    await given(hired()).when(confer({ title: '江苏工匠', grade: 'provincial' })).then([conferred({ title: '江苏工匠', grade: 'provincial', honourId: 'jiangsu-craftsman', kind: 'craftsman' })])
  })

  it('the same title with another grade is not that entry', async () => {
    await given(hired()).when(confer({ title: '江苏工匠', grade: '省级' })).thenEventTypes(['HonorConferred'])
    const [e] = await given(hired()).when(confer({ title: '江苏工匠', grade: '省级' })).thenEventTypes(['HonorConferred'])
    expect(e?.data).toMatchObject({ honourId: null, kind: 'other' })
  })

  it('a title without a grade, both forms at once, or a reference without honourId: Malformed', async () => {
    await given(hired()).when(confer({ title: '江苏工匠' })).then({ code: 'Malformed', rules: ['honour.shape'] })
    await given(hired()).when(confer({ honourId: 'jiangsu-craftsman', title: '江苏工匠', grade: 'provincial' })).then({ code: 'Malformed', rules: ['honour.shape'] })
    await given(hired()).when(confer({ title: '江苏工匠', grade: 'provincial', reference: 'r-1' })).then({ code: 'Malformed', rules: ['honour.shape'] })
    await given(hired()).when(confer({})).then({ code: 'Malformed', rules: ['honour.shape'] })
  })
})

describe('§14 honour.once-a-year', () => {
  it('the same honour to the same talent in the same year: Duplicate', async () => {
    await given([...hired(), conferred({ on: '2024-02-01' })]).when(confer({ honourId: 'jiangsu-may-day-medal' })).then({ code: 'Duplicate', rules: ['honour.once-a-year'] })
  })

  it('the next year, or another honour the same year: conferred', async () => {
    await given([...hired(), conferred({ on: '2023-06-01' })]).when(confer({ honourId: 'jiangsu-may-day-medal' })).thenEventTypes(['HonorConferred'])
    await given([...hired(), conferred({ on: '2024-02-01' })]).when(confer({ honourId: 'jiangsu-craftsman' })).thenEventTypes(['HonorConferred'])
  })

  it('a free-text honour: the same title and grade in the year is the same honour', async () => {
    await given([...hired(), conferred({ title: '港城工匠', grade: '市级', honourId: null, kind: 'other', on: '2024-01-05' })])
      .when(confer({ title: '港城工匠', grade: '市级' }))
      .then({ code: 'Duplicate', rules: ['honour.once-a-year'] })
  })

  it('an honour written before the catalogue (schemaVersion 1, upcast with nulls) counts by title and grade', async () => {
    await given([...hired(), conferred({ title: '港城工匠', grade: 'municipal', honourId: null, kind: null, source: null, policyId: null, on: '2024-03-01' })])
      .when(confer({ title: '港城工匠', grade: 'municipal' }))
      .then({ code: 'Duplicate', rules: ['honour.once-a-year'] })
  })

  it('an employer does not confer honours: Unauthorized; a talent not registered: NotFound', async () => {
    await given(hired()).when(confer({ honourId: 'jiangsu-craftsman' }, employerActor())).then({ code: 'Unauthorized' })
    await given([]).when(confer({ honourId: 'jiangsu-craftsman' })).then({ code: 'NotFound' })
  })
})

describe('§14 a competition prize row confers its honour', () => {
  const e1 = [...hired(), ...holding('intermediate', '2020-01-01')]

  it('14-a municipal first place: result, senior, 连云港技能状元, pool entry', async () => {
    await given(e1).when(compete('lyg-3-2027', 1, '2027-05-01')).then([
      { type: 'CompetitionResultRecorded', data: { talentId: TALENT_ID, competitionId: 'lyg-3-2027', tier: 'municipal', rank: 1, award: null, percentile: null, on: '2027-05-01', withheld: null } },
      { type: 'LevelCertified', data: { talentId: TALENT_ID, level: 'senior', route: 'competition', occupation: OCCUPATION, on: '2027-05-01', source: 'lyg-3-2027', policyId: 'national-2018', ruleId: ruleOf('competition.municipal.top6') } },
      conferred({ title: '连云港技能状元', grade: 'municipal', on: '2027-05-01', honourId: 'lyg-skill-champion', kind: 'skill-champion', source: 'lyg-3-2027' }),
      poolEntered('2027-05-01'),
    ])
  })

  it('14-a then rank 2 in another contest the same year: no promotion, 技术能手', async () => {
    const after = [...e1, aCompetitionResult('lyg-3-2027', { tier: 'municipal', rank: 1, on: '2027-05-01' }), ...holding('senior', '2027-05-01', { route: 'competition', source: 'lyg-3-2027' })]
    await given(after).when(compete('lyg-4-2027', 2, '2027-10-01')).then([
      { type: 'CompetitionResultRecorded', data: { talentId: TALENT_ID, competitionId: 'lyg-4-2027', tier: 'municipal', rank: 2, award: null, percentile: null, on: '2027-10-01', withheld: null } },
      conferred({ title: '技术能手', grade: 'municipal', on: '2027-10-01', honourId: 'lyg-technical-expert', kind: 'technical-expert', source: 'lyg-4-2027' }),
    ])
  })

  it('the honour is conferred even when the promotion is withheld (one competition promotion a year)', async () => {
    const earlier = [aCompetitionResult('c-0', { tier: 'enterprise', rank: 1, percentile: 5, on: '2027-02-01' }), ...holding('intermediate', '2027-02-01', { route: 'competition', source: 'c-0' })]
    const [recorded, honour] = await given([...hired(), ...earlier]).when(compete('lyg-3-2027', 3, '2027-05-01')).thenEventTypes(['CompetitionResultRecorded', 'HonorConferred'])
    expect(recorded?.data).toMatchObject({ withheld: { rule: 'competition.one-promotion-per-year' } })
    expect(honour?.data).toMatchObject({ honourId: 'lyg-technical-pacesetter', title: '技术标兵', source: 'lyg-3-2027' })
  })

  it('a rank without a prize row, or a row whose honourId is null or absent: no honour', async () => {
    await given(e1).when(compete('c-9', 4, '2027-05-01')).thenEventTypes(['CompetitionResultRecorded', 'LevelCertified', 'TalentPoolEntered'])
    const noTitles = cityPolicy((d) => ({ ...d, competition: { ...d.competition, prizes: d.competition.prizes.map((p, i) => (i === 0 ? { ...p, honourId: null } : (({ honourId: _h, ...rest }) => rest)(p))) } }))
    for (const rank of [1, 2, 3]) await given([noTitles, ...e1]).when(compete(`c-${rank}`, rank, '2027-05-01')).thenEventTypes(['CompetitionResultRecorded', 'LevelCertified', 'TalentPoolEntered'])
  })
})

describe('§14 ReportHonourList (honour.list-reported)', () => {
  it('the bureau reports a whole list; the same figure again is Duplicate, another corrects it', async () => {
    const reported: LedgerEvent = { type: 'HonourListReported', data: { honourId: 'jiangsu-may-day-medal', year: 2027, recipients: 4, policyId: 'national-2018' } }
    await given([]).when(list('jiangsu-may-day-medal', 2027, 4)).then([reported])
    await given([reported]).when(list('jiangsu-may-day-medal', 2027, 4)).then({ code: 'Duplicate', rules: ['honour.list-reported'] })
    await given([reported]).when(list('jiangsu-may-day-medal', 2027, 5)).then([{ ...reported, data: { ...reported.data, recipients: 5 } } as LedgerEvent])
  })

  it('an honour outside the catalogue: NotFound honour.in-catalogue; an employer: Unauthorized', async () => {
    await given([]).when(list('no-such-honour', 2027, 4)).then({ code: 'NotFound', rules: ['honour.in-catalogue'] })
    await given([]).when(list('jiangsu-may-day-medal', 2027, 4, employerActor())).then({ code: 'Unauthorized' })
  })

  it('zero recipients: Malformed', async () => {
    await given([]).when(list('jiangsu-may-day-medal', 2027, 0)).then({ code: 'Malformed' })
  })
})

describe('§14 high-skilled share of an honour list', () => {
  const E1 = 'e-1'
  const E2 = 'e-2'
  const medal = (talentId: string): LedgerEvent => conferred({ talentId, on: '2027-05-28' })
  // 14-b: e-1 senior since its 14-a first place, e-2 intermediate; the list has 4 names
  const log: LedgerEvent[] = [
    aTalentRegistered({ talentId: E1 }),
    aTalentRegistered({ talentId: E2 }),
    { type: 'LevelCertified', data: { talentId: E1, level: 'intermediate', route: 'skill-level-recognition', occupation: OCCUPATION, on: '2020-01-01', source: 'a-1', policyId: 'national-2018', ruleId: 'x' } },
    { type: 'LevelCertified', data: { talentId: E2, level: 'intermediate', route: 'skill-level-recognition', occupation: OCCUPATION, on: '2020-01-01', source: 'a-2', policyId: 'national-2018', ruleId: 'x' } },
    { type: 'LevelCertified', data: { talentId: E1, level: 'senior', route: 'competition', occupation: OCCUPATION, on: '2027-05-01', source: 'lyg-3-2027', policyId: 'national-2018', ruleId: 'x' } },
    medal(E1),
    medal(E2),
    { type: 'HonourListReported', data: { honourId: 'jiangsu-may-day-medal', year: 2027, recipients: 4, policyId: 'national-2018' } },
  ]
  const figures = (events: ReadonlyArray<LedgerEvent>, asOf: string) => honourFigures(foldEvents({ initialState: honourFiguresProjection.initialState(), evolve: honourFiguresProjection.apply }, events), asOf)

  it('14-b {reported:4, inLedger:2, highSkilled:1, highSkilledSharePercent:25}; target unset → target and met null', () => {
    const f = figures(log, '2027-12-31')
    expect(f.honours).toEqual([{ honourId: 'jiangsu-may-day-medal', grade: 'provincial', year: 2027, reported: 4, inLedger: 2, highSkilled: 1, highSkilledSharePercent: 25 }])
    expect(f.honourShares).toEqual({
      target: null,
      met: null,
      byGrade: [{ grade: 'provincial', year: 2027, reported: 4, inLedger: 2, highSkilled: 1, highSkilledSharePercent: 25 }],
      overall: [{ year: 2027, reported: 4, inLedger: 2, highSkilled: 1, highSkilledSharePercent: 25 }],
    })
  })

  it('without a list the share is null; high-skilled is judged on the day of the honour', () => {
    const f = figures(log.slice(0, -1), '2027-12-31')
    expect(f.honours).toEqual([{ honourId: 'jiangsu-may-day-medal', grade: 'provincial', year: 2027, reported: null, inLedger: 2, highSkilled: 1, highSkilledSharePercent: null }])
    expect(f.honourShares.overall).toEqual([])
    // a certificate dated after the honour does not make its recipient high-skilled that day
    const later: LedgerEvent = { type: 'LevelCertified', data: { talentId: E2, level: 'senior', route: 'skill-level-recognition', occupation: OCCUPATION, on: '2027-06-01', source: 'a-3', policyId: 'national-2018', ruleId: 'x' } }
    expect(figures([...log, later], '2027-12-31').honours[0]).toMatchObject({ highSkilled: 1 })
  })

  it('as of a date before the honours, nothing; a set target is judged exactly', () => {
    expect(figures(log, '2027-05-27').honours).toEqual([])
    const target = (percent: number) => aPolicyAdopted('lyg-t', '2020-01-01', (d) => ({ ...d, targets: { ...d.targets, honoursHighSkilledSharePercent: percent } }))
    expect(figures([target(25), ...log], '2027-12-31').honourShares).toMatchObject({ target: 25, met: true })
    expect(figures([target(25.01), ...log], '2027-12-31').honourShares).toMatchObject({ target: 25.01, met: false })
  })
})
