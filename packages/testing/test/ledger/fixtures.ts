// A small city for the ledger-service tests: one employer that assesses its own staff, one talent.
import { createTalentLedger, nationalIdCheckChar, type Clock, type EventStore, type KeyStore, type Upcaster } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, manualClock } from '@talent-ledger/store-memory'

export const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
export const employer = { id: 'port-co', role: 'employer' } as const
export const NATIONAL_ID = '32070319910502002' + nationalIdCheckChar('32070319910502002')
export const NAME = '王芳'

export const setup = (options: { store?: EventStore; keys?: KeyStore; clock?: Clock; upcasters?: Upcaster[] } = {}) => {
  const store = options.store ?? createMemoryEventStore()
  const keys = options.keys ?? createMemoryKeyStore()
  const clock = options.clock ?? manualClock('2026-01-01T00:00:00.000Z')
  const ledger = createTalentLedger({ store, keys, clock, upcasters: options.upcasters ?? [] })
  return { store, keys, clock, ledger }
}

export const registerEmployer = {
  type: 'RegisterOrganization',
  actor: bureau,
  data: {
    organizationId: 'port-co',
    kind: 'employer',
    name: '连云港港口集团',
    canAppoint: true,
    authorizations: [{ route: 'skill-level-recognition', occupations: ['*'], maxLevel: 'senior-technician' }],
  },
}

export const registerTalent = (talentId = 't-1', registeredOn = '2026-01-05') => ({
  type: 'RegisterTalent',
  actor: bureau,
  data: {
    talentId,
    name: NAME,
    nationalId: NATIONAL_ID,
    birthDate: '1991-05-02',
    occupation: '6-18-02-04',
    occupationSince: '2010-07-01',
    education: 'technician-college',
    employerId: 'port-co',
    district: '连云区',
    frontLine: true,
    registeredOn,
  },
})

export const assess = (assessmentId: string, level: string, on: string, talentId = 't-1') => ({
  type: 'RecordAssessment',
  actor: employer,
  data: { talentId, assessmentId, route: 'skill-level-recognition', occupation: '6-18-02-04', level, passed: true, assessorId: 'port-co', on },
})
