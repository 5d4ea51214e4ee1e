// DOMAIN.md §10: training carriers (培养载体) and programmes — each rule accepted and refused
// (`carrier.host-registered`, `studio.master-level`, `programme.carrier`, `training.matches-programme`,
// `assessment.programme-enrolled`) and the worked examples 10-a and 10-b as decider specs.
import { describe, expect, it } from 'vitest'
import { carrierOutputFigures, carrierOutputsProjection, project, type LedgerEvent } from '@talent-ledger/core'
import { aCertificate, aPolicyAdopted, aTalentRegistered, anAssessmentBody, anEmployer, anOrganization, authorizationFor, bureau, command, employerActor, given, organizationActor } from '../../src/spec/index.js'

const lygT = aPolicyAdopted('lyg-t', '2026-01-01', (doc) => ({ ...doc, carriers: { masterStudio: { minMasterLevel: 'technician' } } }))
const master = (level: 'technician' | 'senior' = 'technician'): LedgerEvent[] => [
  aTalentRegistered({ talentId: 'm-1', employerId: 'k-host' }),
  aCertificate(level, '2024-05-01', { talentId: 'm-1' }),
]
const studio = (o: { masterTalentId?: string; on?: string } = {}): LedgerEvent => ({
  type: 'CarrierDesignated',
  data: { carrierId: 'k-9', kind: 'master-studio', name: '连云港技能大师工作室', on: o.on ?? '2026-05-01', hostId: 'k-host', ...(o.masterTalentId === undefined ? {} : { masterTalentId: o.masterTalentId }) },
})
const link = (talentId = 'm-1', on = '2026-05-10') => command('LinkStudioMaster', bureau, { carrierId: 'k-9', talentId, on })
const linked = (on = '2026-05-10'): LedgerEvent => ({ type: 'StudioMasterLinked', data: { carrierId: 'k-9', talentId: 'm-1', on, previous: null, policyId: 'lyg-t', ruleId: 'lyg-t.studio.master-level' } })
const world = (level: 'technician' | 'senior' = 'technician'): LedgerEvent[] => [lygT, anEmployer('k-host'), ...master(level), studio()]

describe('DesignateCarrier with host, grade and master (carrier.host-registered)', () => {
  const designate = (data: Record<string, unknown>) => command('DesignateCarrier', bureau, { carrierId: 'k-1', kind: 'high-skill-training-base', name: '高技能人才培训基地', on: '2026-03-01', ...data } as never)

  it('a registered host and a grade are recorded on the designation', async () => {
    await given([anEmployer('k-host')])
      .when(designate({ hostId: 'k-host', grade: 'provincial' }))
      .then([{ type: 'CarrierDesignated', data: { carrierId: 'k-1', kind: 'high-skill-training-base', name: '高技能人才培训基地', on: '2026-03-01', hostId: 'k-host', grade: 'provincial' } }])
  })

  it('a host never registered: NotFound carrier.host-registered', async () => {
    await given([]).when(designate({ hostId: 'nobody' })).then({ code: 'NotFound', rules: ['carrier.host-registered'] })
  })

  it('a grade outside national…district: Malformed', async () => {
    await given([]).when(designate({ grade: 'village' })).then({ code: 'Malformed' })
  })

  it('a studio designated with its master checks studio.master-level; a base with a master is NotEligible', async () => {
    await given([lygT, anEmployer('k-host'), ...master()])
      .when(command('DesignateCarrier', bureau, { carrierId: 'k-9', kind: 'master-studio', name: '连云港技能大师工作室', on: '2026-05-01', hostId: 'k-host', masterTalentId: 'm-1' }))
      .then([studio({ masterTalentId: 'm-1' })])
    await given([lygT, anEmployer('k-host'), ...master()]).when(designate({ masterTalentId: 'm-1' })).then({ code: 'NotEligible', rules: ['lyg-t.studio.master-level'] })
    await given([lygT]).when(designate({ masterTalentId: 'm-9' })).then({ code: 'NotFound' })
  })
})

describe('worked example 10-a: LinkStudioMaster (studio.master-level)', () => {
  it('a technician master under lyg-t (minMasterLevel technician): StudioMasterLinked', async () => {
    await given(world()).when(link()).then([linked()])
  })

  it('under national-2018 (minMasterLevel unset): PolicyValueUnset', async () => {
    await given([anEmployer('k-host'), ...master(), studio()]).when(link()).then({ code: 'PolicyValueUnset', rules: ['national-2018.studio.master-level'] })
  })

  it('a senior master: NotEligible', async () => {
    await given(world('senior')).when(link()).then({ code: 'NotEligible', rules: ['lyg-t.studio.master-level'] })
  })

  it('the same master again: Duplicate; another master replaces it, naming the previous one', async () => {
    await given([...world(), linked()]).when(link()).then({ code: 'Duplicate', rules: ['lyg-t.studio.master-level'] })
    await given([...world(), linked(), aTalentRegistered({ talentId: 'm-2' }), aCertificate('senior-technician', '2025-01-01', { talentId: 'm-2' })])
      .when(link('m-2', '2026-08-01'))
      .then([{ type: 'StudioMasterLinked', data: { carrierId: 'k-9', talentId: 'm-2', on: '2026-08-01', previous: 'm-1', policyId: 'lyg-t', ruleId: 'lyg-t.studio.master-level' } }])
  })

  it('a carrier never designated, or a talent never registered: NotFound; only the bureau links', async () => {
    await given([lygT, ...master()]).when(link()).then({ code: 'NotFound' })
    await given(world()).when(link('m-9')).then({ code: 'NotFound' })
    await given(world()).when({ ...link(), actor: employerActor('k-host') }).then({ code: 'Unauthorized' })
  })
})

const open = (data: Record<string, unknown> = {}, actor = employerActor('k-host')) =>
  command('OpenProgramme', actor, { programId: 'p-k9', providerId: 'k-host', kind: 'specialized', field: 'advanced-manufacturing', on: '2026-06-01', carrierId: 'k-9', ...data } as never)
const opened = (o: Record<string, unknown> = {}): LedgerEvent => ({
  type: 'ProgrammeOpened',
  data: { programId: 'p-k9', providerId: 'k-host', kind: 'specialized', field: 'advanced-manufacturing', on: '2026-06-01', carrierId: 'k-9', agreementId: null, occupation: null, places: null, ...o },
})

describe('OpenProgramme (programme.carrier)', () => {
  it('the host opens a programme at its studio with a master; places and an agreement id are stored as given', async () => {
    await given([...world(), linked()]).when(open({ places: 20, agreementId: 'ag-1' })).then([opened({ places: 20, agreementId: 'ag-1' })])
  })

  it('a provider opens a programme at no carrier; the bureau may open one for it', async () => {
    const data = { carrierId: undefined, providerId: 'tr-1' }
    const event = opened({ carrierId: null, providerId: 'tr-1' })
    await given([anOrganization('tr-1', 'training-provider')]).when(open(data, organizationActor('tr-1', 'training-provider'))).then([event])
    await given([anOrganization('tr-1', 'training-provider')]).when(open(data, bureau)).then([event])
  })

  it('a carrier never designated: NotFound programme.carrier; a provider never registered: NotFound', async () => {
    await given([anEmployer('k-host')]).when(open()).then({ code: 'NotFound', rules: ['programme.carrier'] })
    await given([]).when(open({ carrierId: undefined }, bureau)).then({ code: 'NotFound' })
  })

  it('a studio without a master, a carrier designated after `on`, a provider other than the host: NotEligible programme.carrier', async () => {
    await given(world()).when(open()).then({ code: 'NotEligible', rules: ['programme.carrier'] })
    await given([...world(), linked()]).when(open({ on: '2026-04-01' })).then({ code: 'NotEligible', rules: ['programme.carrier'] })
    await given([...world(), linked(), anOrganization('tr-1', 'training-provider')]).when(open({ providerId: 'tr-1' }, bureau)).then({ code: 'NotEligible', rules: ['programme.carrier'] })
  })

  it('another organisation: Unauthorized; opened already: Duplicate', async () => {
    await given([...world(), linked(), anEmployer('other')]).when(open({}, employerActor('other'))).then({ code: 'Unauthorized' })
    await given([...world(), linked(), opened()]).when(open()).then({ code: 'Duplicate' })
  })
})

const T7 = aTalentRegistered({ talentId: 't-7', employerId: 'k-host', occupationSince: '2015-03-01', education: 'technician-college' })
const programmeWorld = (): LedgerEvent[] => [...world(), linked(), opened(), T7, anAssessmentBody('ab-1', [authorizationFor('skill-level-recognition', 'senior-technician')])]
const enrol = (kind: string, startedOn = '2026-06-02', programId = 'p-k9') =>
  command('EnrollTraining', employerActor('k-host'), { talentId: 't-7', programId, kind, field: 'advanced-manufacturing', providerId: 'k-host', startedOn } as never)
const enrolled: LedgerEvent = { type: 'TrainingEnrolled', data: { talentId: 't-7', programId: 'p-k9', kind: 'specialized', field: 'advanced-manufacturing', providerId: 'k-host', startedOn: '2026-06-02', plannedYears: null } }
const completed: LedgerEvent = { type: 'TrainingCompleted', data: { talentId: 't-7', programId: 'p-k9', completedOn: '2026-09-30', hours: 320 } }
const intermediate = aCertificate('intermediate', '2019-01-01', { talentId: 't-7' })
const assess = (on: string, programId: string | undefined = 'p-k9') =>
  command('RecordAssessment', organizationActor('ab-1', 'assessment-body'), {
    talentId: 't-7', assessmentId: 'as-p', route: 'skill-level-recognition', occupation: '6-18-02-04', level: 'senior', passed: true, assessorId: 'ab-1', on, ...(programId === undefined ? {} : { programId }),
  } as never)

describe('worked example 10-b: enrolments and assessments of a programme', () => {
  it('enrolling as ai-literacy: NotEligible training.matches-programme, detail on the kind', async () => {
    const refusal = await given(programmeWorld()).when(enrol('ai-literacy')).then({ code: 'NotEligible', rules: ['training.matches-programme'] })
    expect(refusal.details.map((d) => d.field)).toEqual(['data.kind'])
  })

  it('as specialized on 2026-06-02: TrainingEnrolled; before the programme opened: NotEligible on startedOn', async () => {
    await given(programmeWorld()).when(enrol('specialized')).then([enrolled])
    const early = await given(programmeWorld()).when(enrol('specialized', '2026-05-20')).then({ code: 'NotEligible', rules: ['training.matches-programme'] })
    expect(early.details.map((d) => d.field)).toEqual(['data.startedOn'])
  })

  it('a programId never opened stays ad hoc', async () => {
    await given(programmeWorld()).when(enrol('ai-literacy', '2026-06-02', 'p-adhoc')).thenEventTypes(['TrainingEnrolled'])
  })

  it('senior passed with programId p-k9: its events carry the programme (assessment.programme-enrolled)', async () => {
    const events = await given([...programmeWorld(), intermediate, enrolled, completed]).when(assess('2026-10-15')).thenEventTypes(['AssessmentPassed', 'LevelCertified', 'TalentPoolEntered'])
    expect(events[0]!.data).toMatchObject({ programId: 'p-k9' })
    // as of 2026-12-31 the studio counts one enrolled, one completed, one senior certified
    const outputs = carrierOutputFigures(project(carrierOutputsProjection, [...programmeWorld(), intermediate, enrolled, completed, ...events]), '2026-12-31')
    expect(outputs.carrierOutputs).toEqual([
      { carrierId: 'k-9', kind: 'master-studio', grade: null, masterTalentId: 'm-1', programmes: 1, enrolled: 1, completed: 1, certified: 1, certifiedByLevel: { senior: 1 } },
    ])
  })

  it('not enrolled in the programme: NotFound; assessed before starting it: NotEligible', async () => {
    await given([...programmeWorld(), intermediate]).when(assess('2026-10-15')).then({ code: 'NotFound', rules: ['assessment.programme-enrolled'] })
    await given([...programmeWorld(), intermediate, enrolled]).when(assess('2026-06-01')).then({ code: 'NotEligible', rules: ['assessment.programme-enrolled'] })
  })
})
