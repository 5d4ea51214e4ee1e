/**
 * The draft a tester checks: Lianyungang's "lyg-2027" policy, which shortens the path to senior
 * (高级工) for technician-college and advanced-technical-school graduates to one year holding
 * intermediate, and sets the housing and living allowances the national default leaves unset.
 */
import { decodePolicyDocument, type PolicyDocument } from '@talent-ledger/core'
import { aPolicyDocument } from '@talent-ledger/testing'

/** Years a graduate must hold intermediate before senior under the draft. */
export const GRADUATE_YEARS = 1

/** The draft document, derived from the shipped default. */
export const draftPolicy = (graduateYears = GRADUATE_YEARS): PolicyDocument =>
  aPolicyDocument((doc) => ({
    ...doc,
    title: 'Lianyungang 2027 (draft)',
    promotion: doc.promotion.map((rule) =>
      rule.level !== 'senior'
        ? rule
        : {
            ...rule,
            alternatives: rule.alternatives.map((alt) =>
              alt.ruleId.endsWith('advanced-vocational-graduate')
                ? {
                    ruleId: 'lyg-2027.senior.advanced-vocational-graduate-1y',
                    text: `holds intermediate ≥ ${graduateYears} year(s) and graduate of an advanced technical school or technician college`,
                    allOf: [
                      { kind: 'holds', level: 'intermediate', minYears: graduateYears },
                      { kind: 'education', anyOf: ['advanced-technical-school', 'technician-college'] },
                    ],
                  }
                : alt,
            ),
          },
    ),
    benefits: { ...doc.benefits, housingSubsidy: { amount: 50_000_00 }, livingAllowance: { monthly: 1_000_00 } },
  }))

/** True when the draft is a valid policy document: exact, within the input limits and coherent (what AdoptPolicy will check). */
export const decodes = (doc: unknown): boolean => decodePolicyDocument(doc)._tag === 'Right'
