// Commands for the CLI tests, as the JSON a user would write one per line: an employer that may
// certify up to technician, and talents it registers and assesses.
export const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
export const employer = { id: 'port-co', role: 'employer' } as const

export const registerEmployer = {
  type: 'RegisterOrganization',
  actor: bureau,
  data: {
    organizationId: 'port-co', kind: 'employer', name: '连云港港口集团', canAppoint: true,
    authorizations: [{ route: 'skill-level-recognition', occupations: ['*'], maxLevel: 'technician' }],
  },
}

export const registerTalent = (talentId: string, name = '王芳') => ({
  type: 'RegisterTalent',
  actor: employer,
  data: {
    talentId, name, nationalId: '320703199105020028', birthDate: '1991-05-02', occupation: '6-18-02-04',
    occupationSince: '2016-07-01', education: 'technician-college', employerId: 'port-co', district: '连云区',
    frontLine: true, registeredOn: '2026-01-05',
  },
})

export const assess = (talentId: string, assessmentId: string, level: string, on: string) => ({
  type: 'RecordAssessment',
  actor: employer,
  data: { talentId, assessmentId, route: 'skill-level-recognition', occupation: '6-18-02-04', level, passed: true, assessorId: 'port-co', on },
})

/** JSON Lines of the given values (strings are written as they are). */
export const jsonl = (...lines: ReadonlyArray<unknown>): string => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n'
