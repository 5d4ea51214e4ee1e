/**
 * The organisations a generated history registers first: two employers, an assessment body (备案
 * 评价机构), an appraisal body (职业资格鉴定机构), a training provider and a vocational school — with
 * authorizations that sometimes fall short, so some assessments are refused as `Unauthorized`.
 */
import * as fc from 'fast-check'
import type { CertifiedLevel } from '@talent-ledger/core'
import { BUREAU, ORGANIZATION_IDS } from './actors.js'
import type { CommandJson } from './commands.js'
import { OCCUPATIONS } from './vocabulary.js'

const register = (organizationId: string, kind: string, name: string, data: Record<string, unknown> = {}): CommandJson => ({
  type: 'RegisterOrganization',
  actor: BUREAU,
  data: { organizationId, kind, name, ...data },
})

const maxLevel = fc.constantFrom<CertifiedLevel>('intermediate', 'senior', 'technician', 'senior-technician', 'senior-technician')
const occupations = fc.oneof({ arbitrary: fc.constant(['*']), weight: 3 }, { arbitrary: fc.subarray([...OCCUPATIONS], { minLength: 1 }), weight: 1 })

/** RegisterOrganization commands for the organisations of `ORGANIZATION_IDS`. */
export const organizationSetup: fc.Arbitrary<CommandJson[]> = fc
  .record({
    employerLevel: maxLevel,
    employerOccupations: occupations,
    employerAppoints: fc.boolean(),
    secondAppoints: fc.boolean(),
    bodyLevel: maxLevel,
    bodyOccupations: occupations,
    appraisalLevel: maxLevel,
  })
  .map((o) => [
    register(ORGANIZATION_IDS.employers[0], 'employer', '连云港港口集团', {
      authorizations: [{ route: 'skill-level-recognition', occupations: o.employerOccupations, maxLevel: o.employerLevel }],
      canAppoint: o.employerAppoints,
    }),
    register(ORGANIZATION_IDS.employers[1], 'employer', '江苏恒瑞医药', { canAppoint: o.secondAppoints }),
    register(ORGANIZATION_IDS.assessmentBody, 'assessment-body', '连云港职业技能等级认定中心', {
      authorizations: [
        { route: 'skill-level-recognition', occupations: o.bodyOccupations, maxLevel: o.bodyLevel },
        { route: 'featured-industry', occupations: ['*'], maxLevel: 'senior' },
        { route: 'special-ability', occupations: ['*'] },
      ],
    }),
    register(ORGANIZATION_IDS.appraisalBody, 'appraisal-body', '江苏省职业技能鉴定中心', {
      authorizations: [{ route: 'vocational-qualification', occupations: ['*'], maxLevel: o.appraisalLevel }],
    }),
    register(ORGANIZATION_IDS.trainingProvider, 'training-provider', '连云港职业培训学校'),
    register(ORGANIZATION_IDS.vocationalSchool, 'vocational-school', '连云港技师学院'),
  ])
