/**
 * One simulated talent: who they are (district, occupation, education, age, experience), who
 * employs them over time, and the model the generator keeps of their certificates so that every
 * command it writes is one the ledger accepts — unless it is meant to be refused.
 */
import { defaultPolicyDocument, nationalIdCheckChar, rank, type CertificationRoute, type CertifiedLevel, type Command, type Education, type PolicyDocument } from '@talent-ledger/core'
import { dateOf, yearOfDay } from './calendar.js'
import { GIVEN, ID_AREAS, SURNAMES, pickDistrict, pickEducation, pickOccupation, type Occupation } from './city-data.js'
import type { Timed } from './city.js'
import type { Employer, Roster } from './organizations.js'
import type { Random } from './random.js'

/** What every talent of one simulation shares. */
export interface SimEnv {
  readonly roster: Roster
  readonly start: number
  readonly end: number
  /** The day the city's policy comes into force (null when outside the simulated span). */
  readonly policyDay: number | null
  readonly livingAllowanceMonths: number
  /** A city at a scale (scale.ts): an intake spread evenly over the span that climbs less than a cohort. */
  readonly cityIntake: boolean
  /** The document the city adopts on `policyDay` (null: none in the span). */
  readonly policy: PolicyDocument | null
  /** Senior posts planned so far, across talents, so appointments stay within quotas (posts.ts). */
  readonly posts: PostRegistry
  /** Quotas the bureau set per `employerId/level`, from a day (posts.ts). */
  readonly quotas: Map<string, { readonly from: number; readonly posts: number }>
}

/** A planned senior post: its employer and level, and the days it may be in force [from, to). */
export interface PlannedPost {
  readonly employerId: string
  readonly level: string
  readonly from: number
  to: number
}
/** The posts planned per employer and level. */
export type PostRegistry = Map<string, PlannedPost[]>

/** The policy document in force on `day`: the city's from its policy day, the shipped default before. */
export const policyOn = (env: SimEnv, day: number): PolicyDocument => (env.policy !== null && env.policyDay !== null && day >= env.policyDay ? env.policy : defaultPolicyDocument)

/** A certificate in the generator's model. */
export interface ModelCertificate {
  readonly level: CertifiedLevel
  readonly day: number
  readonly route: CertificationRoute
  /** Issued before the ledger and recorded as prior (RecordPriorCertificate): it grants nothing retroactively. */
  readonly prior?: true
}

/** A talent being simulated. Mutable while its history is generated. */
export interface TalentSim {
  readonly env: SimEnv
  readonly r: Random
  readonly id: string
  readonly occupation: Occupation
  readonly education: Education
  readonly preparatory: boolean
  readonly frontLine: boolean
  readonly registeredDay: number
  readonly sinceDay: number
  readonly newcomer: boolean
  readonly first: Employer
  readonly second: Employer | null
  readonly changeDay: number
  readonly certs: ModelCertificate[]
  readonly items: Timed[]
  readonly ids: Set<string>
  specialDay: number | null
  apprenticeshipCompleted: number | null
  /** Catalogued honours conferred (null: free text), for the city's honour lists (honours.ts). */
  readonly honours: Array<{ readonly honourId: string | null; readonly day: number }>
}

/** The talent's employer on a day (a change takes effect on its own day). */
export const employerAt = (t: TalentSim, day: number): Employer => (t.second !== null && day >= t.changeDay ? t.second : t.first)

/** A fresh id, unique within the talent (`kind-n`). */
export const nextId = (t: TalentSim, kind: string): string => {
  let id = `${t.id}-${kind}${t.ids.size + 1}`
  while (t.ids.has(id)) id += 'x'
  t.ids.add(id)
  return id
}

/** Appends a command on a day. */
export const emit = (t: TalentSim, day: number, command: Command, refusal?: Timed['refusal']): void =>
  void t.items.push(refusal === undefined ? { day, command } : { day, command, refusal })

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
const YEAR = 365.25

const nationalId = (r: Random, birthDay: number): string => {
  const first17 = `${r.pick(ID_AREAS)}${dateOf(birthDay).replaceAll('-', '')}${String(r.int(0, 999)).padStart(3, '0')}`
  return first17 + nationalIdCheckChar(first17)
}

/** Creates talent number `index` and writes its registration (and a change of employer, for some). */
export const createTalent = (env: SimEnv, r: Random, index: number): TalentSim => {
  const id = `t-${String(index + 1).padStart(6, '0')}`
  const span = Math.max(1, env.end - env.start - 365)
  // about half register in the first year (the existing workforce), the rest join over the decade, more early than late
  const registeredDay = env.cityIntake
    ? env.start + Math.floor(span * r.next())
    : env.start + (r.chance(0.5) ? r.int(0, Math.min(364, span)) : Math.floor(span * r.next() ** 1.3))
  const newcomer = registeredDay - env.start > 365 ? r.chance(0.7) : r.chance(0.15)
  const age = newcomer ? r.int(18, 30) : r.int(24, 56)
  const birthDay = registeredDay - Math.floor(age * YEAR) - r.int(0, 364)
  const experience = newcomer ? (r.chance(0.6) ? 0 : r.int(1, 2)) : r.int(1, Math.max(1, age - 19))
  const sinceDay = Math.min(registeredDay, Math.max(birthDay + Math.ceil(16 * YEAR), registeredDay - Math.floor(experience * YEAR) - r.int(0, 300)))
  const occupation = pickOccupation(r)
  const education = (newcomer ? pickEducation.young : pickEducation.experienced)(r)
  const employers = env.roster.employersBySector[occupation.sector]
  const first = r.pick(employers)
  const others = employers.filter((e) => e !== first)
  const canChange = others.length > 0 && env.end - registeredDay > 720 && r.chance(0.15)
  const t: TalentSim = {
    env,
    r,
    id,
    occupation,
    education,
    preparatory: education === 'technician-college' && r.chance(0.25),
    frontLine: r.chance(occupation.sector === 'manufacturing' ? 0.8 : occupation.sector === 'logistics' ? 0.6 : 0.3),
    registeredDay,
    sinceDay,
    newcomer,
    first,
    second: canChange ? r.pick(others) : null,
    changeDay: canChange ? r.int(registeredDay + 180, env.end - 180) : Number.POSITIVE_INFINITY,
    certs: [],
    items: [],
    ids: new Set(),
    specialDay: null,
    apprenticeshipCompleted: null,
    honours: [],
  }
  const name = r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.7) ? r.pick(GIVEN) : '')
  emit(t, registeredDay, {
    type: 'RegisterTalent',
    actor: r.chance(0.7) ? bureau : { id: first.id, role: 'employer' },
    data: {
      talentId: id,
      name,
      nationalId: nationalId(r, birthDay),
      birthDate: dateOf(birthDay),
      occupation: occupation.code,
      occupationSince: dateOf(sinceDay),
      education,
      ...(t.preparatory ? { preparatoryTechnician: true } : {}),
      employerId: first.id,
      district: pickDistrict(r),
      frontLine: t.frontLine,
      registeredOn: dateOf(registeredDay),
    },
  })
  if (t.second !== null) {
    // the bureau moves a talent directly; a new employer claims one only after the old one released them (§17)
    const byBureau = r.chance(0.5)
    if (!byBureau)
      emit(t, t.changeDay, { type: 'ReleaseTalent', actor: { id: first.id, role: 'employer' }, data: { talentId: id, on: dateOf(t.changeDay) } })
    emit(t, t.changeDay, {
      type: 'ChangeEmployer',
      actor: byBureau ? bureau : { id: t.second.id, role: 'employer' },
      data: { talentId: id, employerId: t.second.id, on: dateOf(t.changeDay) },
    })
  }
  return t
}

/**
 * Confers an honour (荣誉表彰) on `day` if within the span and not conferred on the talent that year
 * (`honour.once-a-year`): a catalogued one by `honourId` where the policy in force lists it, else the
 * first release's free text (`title`, `grade`). Returns whether it was written.
 */
export const honour = (t: TalentSim, day: number, h: { readonly honourId?: string; readonly title: string; readonly grade: string }): boolean => {
  const catalogued = h.honourId !== undefined && (policyOn(t.env, day).honours?.catalogue ?? []).some((e) => e.honourId === h.honourId)
  const key = `honour:${catalogued ? h.honourId : `${h.title}/${h.grade}`}:${yearOfDay(day)}`
  if (day > t.env.end || t.ids.has(key)) return false
  t.ids.add(key)
  const data = catalogued ? { talentId: t.id, honourId: h.honourId!, on: dateOf(day) } : { talentId: t.id, title: h.title, grade: h.grade, on: dateOf(day) }
  emit(t, day, { type: 'ConferHonor', actor: bureau, data })
  t.honours.push({ honourId: catalogued ? h.honourId! : null, day })
  return true
}

/** Marks the honour a competition's prize row confers in the ledger, so `honour` does not confer it again that year. */
export const prizeHonour = (t: TalentSim, day: number, honourId: string): void => {
  const key = `honour:${honourId}:${yearOfDay(day)}`
  if (t.ids.has(key)) return
  t.ids.add(key)
  t.honours.push({ honourId, day })
}

/** The calendar years in which a competition promoted the talent (the one-per-year rule). */
export const competitionYears = (t: TalentSim): Set<number> =>
  new Set(t.certs.filter((c) => c.route === 'competition').map((c) => yearOfDay(c.day)))

/** The first day the ledger holds a certificate of `minLevel` or above for the talent (a prior one from the day after its registration), or null. */
export const heldFrom = (t: TalentSim, minLevel: CertifiedLevel): number | null =>
  t.certs
    .filter((c) => rank(c.level) >= rank(minLevel))
    .map((c) => (c.prior === true ? Math.max(c.day, t.registeredDay) + 1 : c.day))
    .reduce<number | null>((first, d) => (first === null || d < first ? d : first), null)
