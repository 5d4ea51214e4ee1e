/**
 * A tiny reference model of one talent under the default policy, for model-based testing of the
 * talent decider: level, certificates, talent-pool membership and granted benefits, and the few rules
 * that move them — written from DOMAIN.md, not from the decider. The talent is registered on
 * 2010-01-01 in occupation 6-18-02-04 (front line, no vocational education), so the only ways up
 * are years in the occupation, years holding the previous level, and competitions.
 */
import { fullYears } from '../../src/arbitraries/index.js'

/** The ladder the model knows (apprentice never arises here). */
export const LADDER = ['junior', 'intermediate', 'senior', 'technician', 'senior-technician'] as const
export type ModelLevel = (typeof LADDER)[number]
/** Rank on the ladder; -1 for none. */
export const rankOf = (level: string | null): number => (level === null ? -1 : LADDER.indexOf(level as ModelLevel))

export interface ModelCertificate {
  readonly level: ModelLevel
  readonly on: string
  readonly byCompetition: boolean
  revoked: boolean
}
export interface ModelGrant {
  readonly key: string
  readonly level: string | null
  readonly amount: number
  flagged: boolean
}
/** The model's whole state. */
export interface TalentModel {
  date: string
  certificates: ModelCertificate[]
  competitions: Array<{ readonly id: string; readonly tier: string; readonly rank: number }>
  grants: ModelGrant[]
  serial: number
}

export const REGISTERED_ON = '2010-01-01'
export const newModel = (): TalentModel => ({ date: REGISTERED_ON, certificates: [], competitions: [], grants: [], serial: 0 })

/** What the model expects of a command. */
export type Expectation = { readonly ok: true } | { readonly ok: false; readonly code: string }
export const ok: Expectation = { ok: true }
export const refused = (code: string): Expectation => ({ ok: false, code })

export const valid = (m: TalentModel): ModelCertificate[] => m.certificates.filter((c) => !c.revoked)
export const validAt = (m: TalentModel, level: string): ModelCertificate | undefined => valid(m).find((c) => c.level === level)
/** Current level: the highest valid certificate. */
export const levelOfModel = (m: TalentModel): ModelLevel | null => valid(m).reduce<ModelLevel | null>((best, c) => (rankOf(c.level) > rankOf(best) ? c.level : best), null)
/** In the talent pool (人才库): senior or above. */
export const inPool = (m: TalentModel): boolean => rankOf(levelOfModel(m)) >= rankOf('senior')

const heldFor = (m: TalentModel, level: ModelLevel, years: number): boolean => valid(m).some((c) => c.level === level && c.on <= m.date && fullYears(c.on, m.date) >= years)

/** National promotion rules for this talent (DOMAIN.md §3, education none, no preparatory certificate). */
export const eligible = (m: TalentModel, level: ModelLevel): boolean => {
  const inOccupation = fullYears(REGISTERED_ON, m.date)
  switch (level) {
    case 'junior':
      return inOccupation >= 1
    case 'intermediate':
      return heldFor(m, 'junior', 4) || inOccupation >= 6
    case 'senior':
      return heldFor(m, 'intermediate', 5)
    case 'technician':
      return heldFor(m, 'senior', 4)
    case 'senior-technician':
      return heldFor(m, 'technician', 4)
  }
}

/** The default competition table, for the tiers the model uses (DOMAIN.md §5). */
export const competitionTarget = (tier: string, rank: number, current: ModelLevel | null): ModelLevel | null => {
  const row = (promotesTo: ModelLevel, thenTo: ModelLevel | null): ModelLevel | null =>
    rankOf(current) < rankOf(promotesTo) ? promotesTo : current === promotesTo ? thenTo : null
  if (tier === 'municipal') return rank <= 6 ? row('senior', null) : null
  if (tier === 'provincial') return rank <= 10 ? row('technician', null) : null
  if (tier === 'national-2') return rank <= 5 ? row('technician', 'senior-technician') : rank <= 20 ? row('senior', 'technician') : null
  return null
}

const YUAN = 100
/** Prize money of the default policy: the municipal contest only (连云港技能状元大赛). */
export const PRIZES: Readonly<Record<number, number>> = { 1: 12_000 * YUAN, 2: 7_000 * YUAN, 3: 5_000 * YUAN }
/** 技能提升补贴, category C (the default for an unlisted occupation), in fen. */
export const SKILL_UPGRADE_C: Readonly<Record<ModelLevel, number>> = { junior: 500 * YUAN, intermediate: 1000 * YUAN, senior: 1500 * YUAN, technician: 2000 * YUAN, 'senior-technician': 3000 * YUAN }
/** 首次取证一次性奖励, in fen. */
export const FIRST_CERTIFICATION: Readonly<Partial<Record<ModelLevel, number>>> = { senior: 5_000 * YUAN, technician: 8_000 * YUAN, 'senior-technician': 10_000 * YUAN }

/** Last day a certificate of `on` may be claimed: twelve months later (29 February → 28 February). */
export const claimUntil = (on: string): string => {
  const next = `${Number(on.slice(0, 4)) + 1}${on.slice(4)}`
  return next.endsWith('-02-29') ? next.replace('-02-29', '-02-28') : next
}
