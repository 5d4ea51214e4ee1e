import { createTalentLedger } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, systemClock } from '@talent-ledger/store-memory'

const ledger = createTalentLedger({ store: createMemoryEventStore(), keys: createMemoryKeyStore(), clock: systemClock })
const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
const employer = { id: 'port-co', role: 'employer' } as const

await ledger.execute({ type: 'RegisterOrganization', actor: bureau, data: {
  organizationId: 'port-co', kind: 'employer', name: '连云港港口集团', canAppoint: true,
  authorizations: [{ route: 'skill-level-recognition', occupations: ['*'], maxLevel: 'technician' }] } })
await ledger.execute({ type: 'RegisterTalent', actor: employer, data: {
  talentId: 't-1', name: '王芳', nationalId: '320703199105020028', birthDate: '1991-05-02', occupation: '6-18-02-04',
  occupationSince: '2016-07-01', education: 'technician-college', employerId: 'port-co', district: '连云区',
  frontLine: true, registeredOn: '2026-01-05' } })
const result = await ledger.execute({ type: 'RecordAssessment', actor: employer, data: {
  talentId: 't-1', assessmentId: 'a-1', route: 'skill-level-recognition', occupation: '6-18-02-04',
  level: 'intermediate', passed: true, assessorId: 'port-co', on: '2026-03-01' } })
console.log(JSON.stringify(result)) // {"ok":true,"stream":"talent-t-1","version":3,"events":["AssessmentPassed","LevelCertified"]}
const profile = await ledger.profile('t-1')
console.log(profile?.name, profile?.level, profile?.certificates[0]?.ruleId) // 王芳 intermediate national-2018.intermediate.years-in-occupation
