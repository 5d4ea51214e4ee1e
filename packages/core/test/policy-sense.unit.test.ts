/**
 * Policy documents checked for sense (issue 10 §3), each check with a passing and a refused case:
 * the shipped default passes; an incoherent document is `Malformed`, naming the field.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeCommand, decodePolicyDocument, defaultPolicyDocument, type PolicyDocument } from '../src/index.js'
import { policyDocumentProblems } from '../src/policy/document-sense.js'

const copy = (): PolicyDocument => JSON.parse(JSON.stringify(defaultPolicyDocument)) as PolicyDocument
const adopt = (document: unknown) => ({
  type: 'AdoptPolicy',
  actor: { id: 'hr-bureau', role: 'hr-bureau' },
  data: { policyId: 'lyg-2027', effectiveFrom: '2027-01-01', document },
})
const refusedFields = (document: unknown): string[] => {
  const r = decodeCommand(adopt(document))
  if (E.isRight(r)) return expect.fail('decoded')
  expect(r.left.code).toBe('Malformed')
  return r.left.details.map((d) => d.field ?? '')
}

describe('policy document sense checks', () => {
  it('the shipped default has no problem and is adopted', () => {
    expect(policyDocumentProblems(defaultPolicyDocument)).toEqual([])
    expect(E.isRight(decodeCommand(adopt(defaultPolicyDocument)))).toBe(true)
  })

  it('a competition row whose then-level is above its first level passes; one that is not is refused', () => {
    const ok = copy()
    const row = ok.competition.table.find((r) => r.thenTo !== null)!
    expect(policyDocumentProblems(ok)).toEqual([])
    row.thenTo = row.promotesTo
    const i = ok.competition.table.indexOf(row)
    expect(refusedFields(ok)).toEqual([`data.document.competition.table.${i}.thenTo`])
  })

  it('a promotion that requires holding the level it promotes to is refused', () => {
    const doc = copy()
    const i = doc.promotion.findIndex((r) => r.level === 'technician')
    doc.promotion[i]!.alternatives[0]!.allOf.push({ kind: 'holds', level: 'technician', minYears: 1 })
    const k = doc.promotion[i]!.alternatives[0]!.allOf.length - 1
    expect(refusedFields(doc)).toEqual([`data.document.promotion.${i}.alternatives.0.allOf.${k}.level`])
    doc.promotion[i]!.alternatives[0]!.allOf[k] = { kind: 'holds', level: 'senior', minYears: 1 }
    expect(policyDocumentProblems(doc)).toEqual([])
  })

  it('a negative amount is refused', () => {
    const doc = copy()
    doc.benefits.housingSubsidy.amount = 50_000_00
    expect(E.isRight(decodeCommand(adopt(doc)))).toBe(true)
    doc.benefits.housingSubsidy.amount = -1
    expect(refusedFields(doc)).toEqual(['data.document.benefits.housingSubsidy.amount'])
  })

  it('an unknown level is refused', () => {
    const doc = copy() as unknown as { promotion: Array<{ level: string }> }
    doc.promotion[0]!.level = 'grandmaster'
    expect(refusedFields(doc)).toEqual(['data.document.promotion.0.level'])
  })

  it('ranks out of order, a share over 100 %, a period that ends before it starts, min above max years, a reused rule id', () => {
    const doc = copy()
    const row = doc.competition.table.findIndex((r) => r.ranks !== null)
    doc.competition.table[row]!.ranks = { from: 5, to: 1 }
    doc.targets.skilledSharePercent = 140
    doc.targets.carriers = { ...doc.targets.carriers, from: '2030-01-01', to: '2025-12-31' }
    doc.apprenticeship = { minPlannedYears: 3, maxPlannedYears: 2 }
    doc.competition.table[1]!.ruleId = doc.competition.table[0]!.ruleId
    expect(refusedFields(doc).sort()).toEqual(
      [
        `data.document.competition.table.${row}.ranks`,
        'data.document.competition.table.1.ruleId',
        'data.document.apprenticeship.minPlannedYears',
        'data.document.targets.skilledSharePercent',
        'data.document.targets.carriers',
      ].sort(),
    )
    const fixed = copy()
    fixed.competition.table[row]!.ranks = { from: 1, to: 5 }
    fixed.targets.skilledSharePercent = 100
    fixed.apprenticeship = { minPlannedYears: 2, maxPlannedYears: 2 }
    expect(policyDocumentProblems(fixed)).toEqual([])
  })
})

describe('decodePolicyDocument (a policy file, checked as AdoptPolicy checks it)', () => {
  it('accepts the shipped default', () => {
    expect(E.isRight(decodePolicyDocument(defaultPolicyDocument))).toBe(true)
  })

  it('refuses an unknown field, nesting 3,000 deep, an incoherent row and a non-object, naming the field', () => {
    const fieldsOf = (raw: unknown): Array<string | undefined> => {
      const r = decodePolicyDocument(raw)
      if (E.isRight(r)) return expect.fail('decoded')
      expect(r.left.code).toBe('Malformed')
      return r.left.details.map((d) => d.field)
    }
    expect(fieldsOf({ ...defaultPolicyDocument, comment: 'x' })).toEqual(['document.comment'])
    let deep: unknown = 1
    for (let i = 0; i < 3_000; i++) deep = [deep]
    expect(fieldsOf({ ...defaultPolicyDocument, title: deep })[0]).toMatch(/^document\.title(\.0)+$/)
    const doc = copy()
    doc.competition.table[0]!.ranks = { from: 3, to: 1 }
    expect(fieldsOf(doc)).toEqual(['document.competition.table.0.ranks'])
    expect(fieldsOf('policy')).toEqual(['document'])
  })
})

describe('targets.scale: a simulation’s count targets at a fraction of the city (issue 13 item 6)', () => {
  const scaled = (scale: unknown): unknown => ({ ...defaultPolicyDocument, targets: { ...defaultPolicyDocument.targets, scale } })

  it('is optional: a document without it (every one adopted before it existed) decodes, and one with a fraction too', () => {
    expect(E.isRight(decodeCommand(adopt(defaultPolicyDocument)))).toBe(true)
    expect(E.isRight(decodeCommand(adopt(scaled(0.01))))).toBe(true)
    expect(E.isRight(decodeCommand(adopt(scaled(1))))).toBe(true)
  })

  it('is above 0 and at most 1, else Malformed naming it; a misspelt key is an unknown field', () => {
    expect(refusedFields(scaled(0))).toEqual(['data.document.targets.scale'])
    expect(refusedFields(scaled(1.5))).toEqual(['data.document.targets.scale'])
    expect(refusedFields(scaled('1%'))).toEqual(['data.document.targets.scale'])
    expect(refusedFields({ ...defaultPolicyDocument, targets: { ...defaultPolicyDocument.targets, scaling: 0.01 } })).toEqual(['data.document.targets.scaling'])
  })
})
