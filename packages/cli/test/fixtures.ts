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

/** 穿戴甲 (press-on nails): a featured-industry occupation of the city's own standard (DOMAIN.md §13). */
export const NAILS = '4-10-03-05'

/** The city's press-on-nails standard, off the ladder, with made-up test values (policy `lyg-t`). */
export const nailsStandard = {
  standardId: 'std-nails',
  title: '连云港穿戴甲职业技能评价规范 (test values)',
  issuer: null,
  occupations: [NAILS],
  countsTowardLadder: false,
  levels: [{ level: 'junior', alternatives: [{ ruleId: 'lyg-t.featured.std-nails.junior.years-1', text: 'years in occupation ≥ 1', allOf: [{ kind: 'years-in-occupation', min: 1 }] }] }],
}

/** n-1, working in press-on nails since 2025-03-01. */
export const nailsTalent = (() => {
  const c = registerTalent('n-1')
  return { ...c, data: { ...c.data, occupation: NAILS, occupationSince: '2025-03-01', registeredOn: '2025-03-01' } }
})()
