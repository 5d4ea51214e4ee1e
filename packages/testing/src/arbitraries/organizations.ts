/**
 * The organisations a generated history registers first: two employers, an assessment body (备案
 * 评价机构), an appraisal body (职业资格鉴定机构), a training provider and a vocational school — with
 * authorizations that sometimes fall short, so some assessments are refused as `Unauthorized`.
 */
import * as fc from 'fast-check'
import type { CertifiedLevel } from '@talent-ledger/core'
import { BUREAU, ORGANIZATION_IDS } from './actors.js'
import type { CommandJson } from './commands.js'
import { addDays, localDate } from './dates.js'
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

/** The agreements a generated history registers (DOMAIN.md §11): talents' steps train and hire under these ids. */
export const AGREEMENT_IDS = { chain: 'ag-chain', classes: 'ag-class' } as const

/**
 * Cooperation (DOMAIN.md §11): the first employer designated chain leader (sometimes only after
 * its agreement starts, so the agreement is refused), an industry-chain agreement it leads with the
 * second employer, an order class of the school with both employers, and sometimes an early end.
 */
export const cooperationSetup: fc.Arbitrary<CommandJson[]> = fc
  .record({
    designatedOn: localDate({ min: '2000-01-01', max: '2022-12-31' }),
    validFrom: localDate({ min: '2005-01-01', max: '2020-12-31' }),
    // long terms, so that talents' trainings fall in them as well as outside
    years: fc.integer({ min: 10, max: 30 }),
    // the field the talents' steps train in under an agreement (talent-steps.ts); a mismatch comes from the programme kind
    field: fc.constant('advanced-manufacturing'),
    classKind: fc.constantFrom('order-class', 'named-class', 'modern-apprenticeship'),
    endAfterDays: fc.option(fc.integer({ min: 1000, max: 9000 }), { nil: null }),
  })
  .map((o) => {
    const [lead, partner] = ORGANIZATION_IDS.employers
    const validTo = addDays(o.validFrom, o.years * 365)
    const terms = { field: o.field, on: o.validFrom, validFrom: o.validFrom, validTo }
    return [
      { type: 'DesignateEnterprise', actor: BUREAU, data: { organizationId: lead, designation: 'chain-leader', chain: '石化', on: o.designatedOn, reference: '苏工信〔2026〕1号' } },
      { type: 'RegisterAgreement', actor: BUREAU, data: { agreementId: AGREEMENT_IDS.chain, kind: 'industry-chain', leadId: lead, partnerIds: [partner], ...terms } },
      { type: 'RegisterAgreement', actor: BUREAU, data: { agreementId: AGREEMENT_IDS.classes, kind: o.classKind, leadId: ORGANIZATION_IDS.vocationalSchool, partnerIds: [lead, partner], ...terms } },
      ...(o.endAfterDays === null ? [] : [{ type: 'EndAgreement', actor: BUREAU, data: { agreementId: AGREEMENT_IDS.classes, on: addDays(o.validFrom, o.endAfterDays), reason: '合作终止' } }]),
    ]
  })
