/**
 * Skill competitions (技能竞赛, 四级联动): which tier a talent enters at their level, a realistic
 * result (most entrants do not place), whether it promotes — read from the policy's own table so
 * the model and the ledger agree — and the prize and honour that follow a podium place (a municipal
 * one's honour is conferred by the ledger itself, from the prize row: DOMAIN.md §14).
 */
import { competitionPromotion, defaultPolicyDocument, type CertifiedLevel, type CompetitionTier } from '@talent-ledger/core'
import { dateOf, yearOfDay } from './calendar.js'
import { weighted, type Random } from './random.js'
import { grant } from './rewards.js'
import { competitionYears, emit, honour, policyOn, prizeHonour, type TalentSim } from './talent.js'

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const

// the tier a talent enters, by current level (none/junior, intermediate, senior, technician, senior technician)
const TIER_BY_LEVEL: ReadonlyArray<(r: Random) => CompetitionTier> = [
  weighted<CompetitionTier>([['enterprise', 60], ['district', 40]]),
  weighted<CompetitionTier>([['enterprise', 30], ['district', 35], ['municipal', 35]]),
  weighted<CompetitionTier>([['district', 10], ['municipal', 50], ['provincial', 35], ['national-2', 5]]),
  weighted<CompetitionTier>([['municipal', 25], ['provincial', 45], ['national-2', 25], ['national-1', 5]]),
  weighted<CompetitionTier>([['provincial', 40], ['national-2', 40], ['national-1', 18], ['world', 2]]),
]
const LEVEL_INDEX: Readonly<Record<string, number>> = { junior: 0, intermediate: 1, senior: 2, technician: 3, 'senior-technician': 4 }
// entrants per tier: a rank is drawn among them, skewed a little towards the top (the city sends its best)
const ENTRANTS: Readonly<Record<CompetitionTier, readonly [number, number]>> = {
  enterprise: [20, 150],
  district: [30, 150],
  municipal: [30, 60],
  provincial: [60, 120],
  'national-2': [80, 200],
  'national-1': [100, 300],
  world: [20, 45],
}
// the honour a podium place brings at the higher tiers: catalogued (DOMAIN.md §14) or, for the
// province's own title, which the default catalogue lacks, the first release's free text
const HONOURS: Partial<Record<CompetitionTier, { readonly honourId?: string; readonly title: string; readonly grade: string }>> = {
  provincial: { title: '江苏省技术能手', grade: 'provincial' },
  'national-2': { honourId: 'national-technical-expert', title: '全国技术能手', grade: 'national' },
  'national-1': { honourId: 'national-technical-expert', title: '全国技术能手', grade: 'national' },
  world: { honourId: 'national-technical-expert', title: '全国技术能手', grade: 'national' },
}

interface Result {
  readonly tier: CompetitionTier
  readonly rank: number
  readonly award?: string
  readonly percentile?: number
}

const draw = (r: Random, tier: CompetitionTier): Result => {
  const [lo, hi] = ENTRANTS[tier]
  const entrants = r.int(lo, hi)
  if (tier === 'enterprise' || tier === 'district') {
    const percentile = Math.max(1, Math.round(100 * r.next() ** 1.15))
    return { tier, rank: Math.max(1, Math.ceil((percentile / 100) * entrants)), percentile }
  }
  const rank = 1 + Math.floor(entrants * r.next() ** 1.2)
  const excellence = (tier === 'national-1' || tier === 'world') && rank > 3 && rank <= Math.max(4, Math.floor(entrants * 0.08))
  return excellence ? { tier, rank, award: 'excellence' } : { tier, rank }
}


/** Records a competition result on `day`; returns the level it promotes the talent to, or null. */
export const compete = (t: TalentSim, day: number, current: CertifiedLevel | null): CertifiedLevel | null => {
  const { r } = t
  const result = draw(r, TIER_BY_LEVEL[current === null ? 0 : LEVEL_INDEX[current]!]!(r))
  const year = yearOfDay(day)
  let competitionId = `${result.tier}-${year}-${t.occupation.code}-${r.int(1, 3)}`
  while (t.ids.has(competitionId)) competitionId += 'b'
  t.ids.add(competitionId)
  emit(t, day, { type: 'RecordCompetitionResult', actor: bureau, data: { talentId: t.id, competitionId, ...result, on: dateOf(day) } })
  // NOTE: the city's policy keeps the default competition table, so one document answers for every day
  const promotion = competitionPromotion(defaultPolicyDocument, result, current)
  const promoted = promotion !== null && !competitionYears(t).has(year) ? promotion.level : null
  if (promoted !== null) t.certs.push({ level: promoted, day, route: 'competition' })
  // the podium: the policy's municipal prize table, and honours at the higher tiers
  if (result.tier === 'municipal' && result.rank <= 3) {
    grant(t, day + r.int(20, 60), { benefit: 'competition-prize', competitionId })
    // the ledger confers the honour the prize row names (连云港技能状元, 技术能手, 技术标兵) with the result
    const honourId = policyOn(t.env, day).competition.prizes.find((p) => p.tier === 'municipal' && p.rank === result.rank)?.honourId
    if (honourId != null) prizeHonour(t, day, honourId)
  }
  const title = HONOURS[result.tier]
  if (title !== undefined && (result.rank <= 3 || result.award !== undefined)) honour(t, day + r.int(60, 180), title)
  return promoted
}
