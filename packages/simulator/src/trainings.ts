/**
 * Training (培养) across the six fields: new apprenticeships (新型学徒制) for young entrants, with
 * the employer's subsidy for each year of the plan, and shorter programmes — specialised skills,
 * AI literacy, degree-plus-skill, industry-chain, rural craftsmen, heritage crafts — with
 * employers, vocational schools and social training organisations as providers.
 */
import type { ActorRole, ProgrammeKind, TrainingField } from '@talent-ledger/core'
import { anniversary, dateOf, yearOfDay } from './calendar.js'
import { weighted, type Random } from './random.js'
import { grant } from './rewards.js'
import { emit, employerAt, type TalentSim } from './talent.js'

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
const FIELDS: ReadonlyArray<TrainingField> = ['advanced-manufacturing', 'digital-economy', 'low-altitude-economy', 'transportation', 'agriculture-rural', 'life-services']
const pickPlannedYears = weighted([[1, 40], [2, 55], [3, 5]])
const pickCount = weighted([[0, 30], [1, 40], [2, 20], [3, 10]])
const pickKind = weighted<ProgrammeKind>([['specialized', 45], ['ai-literacy', 18], ['industry-chain', 20], ['degree-plus-skill', 12], ['rural-craftsman', 5]])
// days a programme runs and hours it teaches
const LENGTH: Readonly<Record<Exclude<ProgrammeKind, 'new-apprenticeship'>, readonly [number, number, number, number]>> = {
  specialized: [14, 90, 24, 160],
  'ai-literacy': [7, 30, 16, 48],
  'industry-chain': [30, 120, 40, 200],
  'degree-plus-skill': [365, 1000, 600, 1600],
  'rural-craftsman': [20, 60, 30, 120],
  'heritage-craft': [90, 365, 120, 480],
}

interface Provider {
  readonly id: string
  readonly role: ActorRole
}

const programId = (t: TalentSim, kind: ProgrammeKind, day: number, provider: Provider): string => {
  let id = `${kind}-${yearOfDay(day)}-${provider.id}-${t.r.int(1, 9)}`
  while (t.ids.has(id)) id += 'b'
  t.ids.add(id)
  return id
}

/** Enrols, and completes on `completedOn` when that falls in the span; the provider acts unless it no longer employs the talent. */
const programme = (t: TalentSim, kind: ProgrammeKind, field: TrainingField, provider: Provider, start: number, completedOn: number, hours: number, plannedYears?: number): string => {
  const id = programId(t, kind, start, provider)
  const actor = t.r.chance(0.2) ? bureau : provider
  emit(t, start, {
    type: 'EnrollTraining',
    actor,
    data: { talentId: t.id, programId: id, kind, field, providerId: provider.id, startedOn: dateOf(start), ...(plannedYears === undefined ? {} : { plannedYears }) },
  })
  if (completedOn <= t.env.end) {
    const stillEmploys = provider.role !== 'employer' || employerAt(t, completedOn).id === provider.id
    emit(t, completedOn, { type: 'CompleteTraining', actor: stillEmploys && t.r.chance(0.8) ? provider : bureau, data: { talentId: t.id, programId: id, completedOn: dateOf(completedOn), hours } })
  }
  return id
}

/** A new apprenticeship for a young entrant (before any certificate), with its yearly subsidies. */
export const planApprenticeship = (t: TalentSim): void => {
  const { r, env } = t
  if (!t.newcomer || t.registeredDay - t.sinceDay > 365 || !r.chance(0.4)) return
  const start = t.registeredDay + r.int(5, 30)
  const years = pickPlannedYears(r)
  const employer = employerAt(t, start)
  const provider: Provider = r.chance(0.6) ? { id: employer.id, role: 'employer' } : { id: r.pick(env.roster.schools), role: 'vocational-school' }
  // most finish at the end of the plan; some earlier, which the rules allow
  const completedOn = years > 1 && r.chance(0.1) ? anniversary(start, years - 1) + r.int(120, 300) : anniversary(start, years) - r.int(10, 60)
  const id = programme(t, 'new-apprenticeship', t.occupation.field, provider, start, completedOn, years * r.int(400, 900), years)
  for (let k = 1; k <= years; k++) {
    const day = anniversary(start, k - 1) + r.int(20, 80)
    if (day > completedOn) break
    grant(t, day, { benefit: 'apprenticeship-subsidy', programId: id })
  }
  if (completedOn <= env.end) t.apprenticeshipCompleted = completedOn
}

const providerFor = (t: TalentSim, r: Random, kind: ProgrammeKind, day: number): Provider => {
  const { roster } = t.env
  if (kind === 'industry-chain') return { id: employerAt(t, day).id, role: 'employer' }
  if (kind === 'degree-plus-skill' || (kind !== 'ai-literacy' && r.chance(0.35))) return { id: r.pick(roster.schools), role: 'vocational-school' }
  return { id: r.pick(roster.trainingProviders), role: 'training-provider' }
}

/** Zero to three shorter programmes (or `count`) at any time after registration. */
export const planTrainings = (t: TalentSim, count?: number): void => {
  const { r, env } = t
  count ??= pickCount(r)
  for (let i = 0; i < count; i++) {
    if (t.registeredDay + 10 > env.end - 30) return
    const start = r.int(t.registeredDay + 10, env.end - 30)
    let kind = pickKind(r)
    if (t.occupation.craft === true && r.chance(0.4)) kind = 'heritage-craft'
    else if (kind === 'rural-craftsman' && t.occupation.sector !== 'agriculture') kind = 'specialized'
    const field = kind === 'ai-literacy' ? 'digital-economy' : r.chance(0.15) ? r.pick(FIELDS) : t.occupation.field
    const [minDays, maxDays, minHours, maxHours] = LENGTH[kind as keyof typeof LENGTH]
    const completedOn = r.chance(0.9) ? start + r.int(minDays, maxDays) : Number.POSITIVE_INFINITY
    programme(t, kind, field, providerFor(t, r, kind, start), start, completedOn, r.int(minHours, maxHours))
  }
}
