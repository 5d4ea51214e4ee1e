/**
 * Sense checks of a policy document, beyond its shape: a document can decode and still say nothing
 * coherent (a competition row whose "then" level is not above its first level, a promotion to a
 * level that requires already holding it, ranks from 5 to 1, a share of 140 %). `AdoptPolicy`
 * refuses such a document as `Malformed`, naming the field, before it can decide anything.
 */
import type { ErrorDetail } from '../kernel/errors.js'
import { rank } from '../vocabulary/ladder.js'
import type { PolicyDocument } from './document.js'

const problem = (field: string, message: string): ErrorDetail => ({ field, message: `${field}: ${message}` })

const percent = (field: string, value: number | null): ErrorDetail[] =>
  value !== null && !(Number.isFinite(value) && value >= 0 && value <= 100) ? [problem(field, `must be between 0 and 100, got ${value}`)] : []

const period = (field: string, p: { readonly from: string; readonly to: string }): ErrorDetail[] =>
  p.from > p.to ? [problem(field, `from ${p.from} is after to ${p.to}`)] : []

/** Every incoherence of `doc`; fields are named from `prefix` (e.g. `data.document`). */
export const policyDocumentProblems = (doc: PolicyDocument, prefix = 'document'): ErrorDetail[] => {
  const found: ErrorDetail[] = []
  const ruleIds = new Map<string, string>()
  const uniqueRuleId = (field: string, ruleId: string): void => {
    const first = ruleIds.get(ruleId)
    if (first !== undefined) found.push(problem(field, `rule id ${JSON.stringify(ruleId)} is already used at ${first}`))
    else ruleIds.set(ruleId, field)
  }
  const levels = new Set<string>()
  doc.promotion.forEach((rule, i) => {
    const at = `${prefix}.promotion.${i}`
    if (levels.has(rule.level)) found.push(problem(`${at}.level`, `a second promotion rule for ${rule.level}`))
    levels.add(rule.level)
    rule.alternatives.forEach((alt, j) => {
      uniqueRuleId(`${at}.alternatives.${j}.ruleId`, alt.ruleId)
      alt.allOf.forEach((c, k) => {
        if (c.kind === 'holds' && rank(c.level) >= rank(rule.level))
          found.push(problem(`${at}.alternatives.${j}.allOf.${k}.level`, `promotes to ${rule.level} but requires holding ${c.level}`))
      })
    })
  })
  doc.competition.table.forEach((row, i) => {
    const at = `${prefix}.competition.table.${i}`
    uniqueRuleId(`${at}.ruleId`, row.ruleId)
    if (row.thenTo !== null && rank(row.thenTo) <= rank(row.promotesTo))
      found.push(problem(`${at}.thenTo`, `${row.thenTo} is not above promotesTo ${row.promotesTo} (it applies to a talent who already holds ${row.promotesTo})`))
    if (row.ranks !== null && row.ranks.from > row.ranks.to) found.push(problem(`${at}.ranks`, `from ${row.ranks.from} is after to ${row.ranks.to}`))
    found.push(...percent(`${at}.percentileMax`, row.percentileMax))
  })
  doc.competition.prizes.forEach((prize, i) => uniqueRuleId(`${prefix}.competition.prizes.${i}.ruleId`, prize.ruleId))
  found.push(...honourProblems(doc, prefix))
  const services = new Set<string>()
  ;(doc.services ?? []).forEach((entry, i) => {
    if (services.has(entry.service)) found.push(problem(`${prefix}.services.${i}.service`, `${entry.service} is listed twice`))
    services.add(entry.service)
  })
  const { minPlannedYears, maxPlannedYears } = doc.apprenticeship
  if (minPlannedYears > maxPlannedYears)
    found.push(problem(`${prefix}.apprenticeship.minPlannedYears`, `${minPlannedYears} is above maxPlannedYears ${maxPlannedYears}`))
  found.push(...percent(`${prefix}.targets.skilledSharePercent`, doc.targets.skilledSharePercent))
  found.push(...percent(`${prefix}.targets.highSkilledSharePercent`, doc.targets.highSkilledSharePercent))
  found.push(...period(`${prefix}.targets.newHighSkilled`, doc.targets.newHighSkilled))
  found.push(...period(`${prefix}.targets.carriers`, doc.targets.carriers))
  const { scale } = doc.targets
  if (scale !== undefined && !(Number.isFinite(scale) && scale > 0 && scale <= 1))
    found.push(problem(`${prefix}.targets.scale`, `must be above 0 and at most 1, got ${scale}`))
  return found
}

/** The honours catalogue names each honour once, and a prize row names only a catalogued honour (DOMAIN.md §14). */
const honourProblems = (doc: PolicyDocument, prefix: string): ErrorDetail[] => {
  const found: ErrorDetail[] = []
  const ids = new Set<string>()
  ;(doc.honours?.catalogue ?? []).forEach((h, i) => {
    if (ids.has(h.honourId)) found.push(problem(`${prefix}.honours.catalogue.${i}.honourId`, `${JSON.stringify(h.honourId)} is listed twice`))
    ids.add(h.honourId)
  })
  doc.competition.prizes.forEach((prize, i) => {
    if (prize.honourId !== undefined && prize.honourId !== null && !ids.has(prize.honourId))
      found.push(problem(`${prefix}.competition.prizes.${i}.honourId`, `${JSON.stringify(prize.honourId)} is not in honours.catalogue`))
  })
  found.push(...percent(`${prefix}.targets.honoursHighSkilledSharePercent`, doc.targets.honoursHighSkilledSharePercent ?? null))
  return found
}
