// DOMAIN.md §6 training (培养): the six fields, the seven programme kinds, providers, and the new
// apprenticeship's planned length (1–2 years, at most 3) that may end earlier than planned.
import { describe, it } from 'vitest'
import type { LedgerEvent } from '@talent-ledger/core'
import { anEnrolment, anOrganization, bureau, command, given, organizationActor, TALENT_ID, type RawData } from '../../src/spec/index.js'
import { hired } from './fixtures.js'

const ON = '2024-03-01'
type Enrol = RawData<'EnrollTraining'>
const enrol = (overrides: Partial<Enrol> = {}, actor = bureau) =>
  command('EnrollTraining', actor, { talentId: TALENT_ID, programId: 'p-1', kind: 'specialized', field: 'advanced-manufacturing', providerId: 'tp-1', startedOn: ON, ...overrides })
const complete = (completedOn: string, actor = bureau) => command('CompleteTraining', actor, { talentId: TALENT_ID, programId: 'p-1', completedOn, hours: 120 })
const world: LedgerEvent[] = [...hired(), anOrganization('tp-1', 'training-provider'), anOrganization('vs-1', 'vocational-school')]
const enrolled = (overrides: Partial<Enrol> & { plannedYears?: number | null } = {}): LedgerEvent => ({
  type: 'TrainingEnrolled',
  data: { talentId: TALENT_ID, programId: 'p-1', kind: 'specialized', field: 'advanced-manufacturing', providerId: 'tp-1', startedOn: ON, plannedYears: null, ...overrides },
})

const FIELDS: Enrol['field'][] = ['advanced-manufacturing', 'digital-economy', 'low-altitude-economy', 'transportation', 'agriculture-rural', 'life-services']
const KINDS: Enrol['kind'][] = ['ai-literacy', 'specialized', 'degree-plus-skill', 'industry-chain', 'rural-craftsman', 'heritage-craft']

describe('§6 fields and programme kinds', () => {
  it.each(FIELDS)('field %s is accepted', async (field) => {
    await given(world).when(enrol({ field })).then([enrolled({ field })])
  })

  it.each(KINDS)('programme kind %s is accepted', async (kind) => {
    await given(world).when(enrol({ kind })).then([enrolled({ kind })])
  })

  it('an unknown field: Malformed', async () => {
    await given(world).when({ ...enrol(), data: { ...enrol().data, field: 'space-economy' } }).then({ code: 'Malformed' })
  })
})

describe('§6 new apprenticeship (新型学徒制)', () => {
  it.each([1, 2, 3])('a planned length of %i year(s) is accepted and recorded', async (plannedYears) => {
    await given(world).when(enrol({ kind: 'new-apprenticeship', plannedYears })).then([enrolled({ kind: 'new-apprenticeship', plannedYears })])
  })

  it('at most 3 years: 4 is refused', async () => {
    await given(world).when(enrol({ kind: 'new-apprenticeship', plannedYears: 4 })).then({ code: 'NotEligible', rules: ['apprenticeship.planned-years'] })
  })

  it('a planned length is required', async () => {
    await given(world).when(enrol({ kind: 'new-apprenticeship' })).then({ code: 'NotEligible', rules: ['apprenticeship.planned-years'] })
  })

  it('a planned length of 0: Malformed', async () => {
    await given(world).when(enrol({ kind: 'new-apprenticeship', plannedYears: 0 })).then({ code: 'Malformed' })
  })

  it('may be completed earlier than planned', async () => {
    await given([...world, anEnrolment('p-1', { providerId: 'tp-1', startedOn: ON, plannedYears: 3 })])
      .when(complete('2024-12-01'))
      .then([{ type: 'TrainingCompleted', data: { talentId: TALENT_ID, programId: 'p-1', completedOn: '2024-12-01', hours: 120 } }])
  })
})

describe('§6 providers: employers, vocational schools, training carriers, social training organisations', () => {
  it('a vocational school enrols a talent in its own programme', async () => {
    await given(world).when(enrol({ providerId: 'vs-1' }, organizationActor('vs-1', 'vocational-school'))).then([enrolled({ providerId: 'vs-1' })])
  })

  it('the employer trains its own staff', async () => {
    await given(world).when(enrol({ providerId: 'emp-1' }, { id: 'emp-1', role: 'employer' })).then([enrolled({ providerId: 'emp-1' })])
  })

  it('a provider that is not registered: NotFound', async () => {
    await given(world).when(enrol({ providerId: 'tp-9' })).then({ code: 'NotFound' })
  })

  it('a registered organisation that does not provide training (an assessment body): NotFound as a provider', async () => {
    await given(world).when(enrol({ providerId: 'ab-1' })).then({ code: 'NotFound', message: 'training-provider or vocational-school or employer' })
  })

  it('the same programme twice: Duplicate', async () => {
    await given([...world, enrolled()]).when(enrol()).then({ code: 'Duplicate' })
  })
})

describe('§6 completion', () => {
  it('completed by the provider of the programme', async () => {
    await given([...world, enrolled()]).when(complete('2024-04-01', organizationActor('tp-1', 'training-provider'))).thenEventTypes(['TrainingCompleted'])
  })

  it('before it started: NotEligible', async () => {
    await given([...world, enrolled()]).when(complete('2024-02-29')).then({ code: 'NotEligible', rules: ['training.completed-after-start'] })
  })

  it('twice: Duplicate', async () => {
    await given([...world, enrolled(), { type: 'TrainingCompleted', data: { talentId: TALENT_ID, programId: 'p-1', completedOn: '2024-04-01', hours: 120 } }])
      .when(complete('2024-05-01'))
      .then({ code: 'Duplicate' })
  })

  it('a programme the talent is not enrolled in: NotFound', async () => {
    await given(world).when(complete('2024-04-01')).then({ code: 'NotFound' })
  })
})
