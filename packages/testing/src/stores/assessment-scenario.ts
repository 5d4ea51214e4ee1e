/**
 * A short scenario for a store's end-to-end ledger test: an employer registered by the bureau, a
 * talent registered by the employer, and a passed assessment that certifies the talent at
 * intermediate level (the third command answers `AssessmentPassed`, `LevelCertified` on version 3
 * of `talent-t-1`). Raw commands, as a caller sends them.
 */

/** The bureau (人社局), which also erases the talent with `ForgetTalent`. */
const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
/** The employer, authorised for skill-level recognition up to technician. */
const employer = { id: 'port-co', role: 'employer' } as const

/** The scenario's actors and its three commands, in order. */
export const assessmentScenario = {
  bureau,
  employer,
  commands: [
    { type: 'RegisterOrganization', actor: bureau, data: {
      organizationId: 'port-co', kind: 'employer', name: '连云港港口集团', canAppoint: true,
      authorizations: [{ route: 'skill-level-recognition', occupations: ['*'], maxLevel: 'technician' }] } },
    { type: 'RegisterTalent', actor: employer, data: {
      talentId: 't-1', name: '王芳', nationalId: '320703199105020028', birthDate: '1991-05-02', occupation: '6-18-02-04',
      occupationSince: '2016-07-01', education: 'technician-college', employerId: 'port-co', district: '连云区',
      frontLine: true, registeredOn: '2026-01-05' } },
    { type: 'RecordAssessment', actor: employer, data: {
      talentId: 't-1', assessmentId: 'a-1', route: 'skill-level-recognition', occupation: '6-18-02-04',
      level: 'intermediate', passed: true, assessorId: 'port-co', on: '2026-03-01' } },
  ],
} as const
