/**
 * The city's stock (存量) on the ledger's first day: workers who already hold certificates, issued
 * before the ledger existed. The bureau registers them in the first quarter of the simulation and
 * records each certificate as it was issued (RecordPriorCertificate: no promotion table, no benefit
 * retroactively). From then on they may climb further under the ledger's rules, at yearly rates
 * that move the high-skilled share towards, not far past, 35 % (docs/rules.md, "The demo's city").
 */
import { nationalIdCheckChar, type CertifiedLevel } from '@talent-ledger/core'
import { anniversary, dateOf, dayOf } from './calendar.js'
import { assess, earliestEligible, LADDER } from './career.js'
import { GIVEN, ID_AREAS, SURNAMES, pickDistrict, pickEducation, pickOccupation } from './city-data.js'
import { weighted, type Random } from './random.js'
import { emit, type SimEnv, type TalentSim } from './talent.js'

/** Assumption: skilled talents (junior or above) are this share of the employed persons at the start of 2026. */
export const STOCK_SKILLED_SHARE = 0.3
/** Assumption: high-skilled talents (senior or above) are this share of the skilled ones at the start of 2026. */
export const STOCK_HIGH_SKILLED_SHARE = 0.3

/**
 * Assumption: the yearly chance that a stock talent who may take the next level does (a hazard, so
 * the rate does not depend on how long is simulated). Intermediate → senior is what moves the
 * high-skilled share; it is set so that the share nears 35 % around 2030 (docs/rules.md).
 */
export const STOCK_PROMOTION_RATE: Readonly<Partial<Record<CertifiedLevel, number>>> = {
  junior: 0.06,
  intermediate: 0.055,
  senior: 0.035,
  technician: 0.02,
}

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
const YEAR = 365.25
const ISSUERS = ['连云港市职业技能鉴定指导中心', '江苏省职业技能鉴定中心', '连云港市人力资源和社会保障局']
const pickHighLevel = weighted<CertifiedLevel>([['senior', 68], ['technician', 24], ['senior-technician', 8]])
const pickSkilledLevel = weighted<CertifiedLevel>([['junior', 40], ['intermediate', 60]])
// 职业资格 certificates until the 2019–2020 reform, 职业技能等级认定 after it
const routeOf = (day: number): 'vocational-qualification' | 'skill-level-recognition' => (day < dayOf('2020-01-01') ? 'vocational-qualification' : 'skill-level-recognition')

/** A certificate number unique in the city: issue year, level, the talent's index, and which of its certificates. */
const certificateNumber = (day: number, level: CertifiedLevel, index: number): string =>
  `3207${dateOf(day).slice(0, 4)}${String(LADDER.indexOf(level) + 1)}${String(index + 1).padStart(7, '0')}`

/** Creates stock talent number `index`: registered by the bureau with the certificates it already holds. */
export const createStockTalent = (env: SimEnv, r: Random, index: number): TalentSim => {
  const id = `s-${String(index + 1).padStart(6, '0')}`
  const age = r.int(24, 58)
  const birthDay = env.start - Math.floor(age * YEAR) - r.int(0, 364)
  // working since 16 to 22, and at least a year before the ledger
  const sinceDay = Math.min(env.start - 365, birthDay + Math.ceil(16 * YEAR) + r.int(0, 6 * 365))
  const registeredDay = env.start + r.int(1, Math.min(89, env.end - env.start))
  const occupation = pickOccupation(r)
  const education = pickEducation.experienced(r)
  const first = r.pick(env.roster.employersBySector[occupation.sector])
  const t: TalentSim = {
    env,
    r,
    id,
    occupation,
    education,
    preparatory: false,
    frontLine: r.chance(occupation.sector === 'manufacturing' ? 0.8 : occupation.sector === 'logistics' ? 0.6 : 0.3),
    registeredDay,
    sinceDay,
    newcomer: false,
    first,
    second: null,
    changeDay: Number.POSITIVE_INFINITY,
    certs: [],
    items: [],
    ids: new Set(),
    specialDay: null,
    apprenticeshipCompleted: null,
    honours: [],
  }
  emit(t, registeredDay, {
    type: 'RegisterTalent',
    actor: bureau,
    data: {
      talentId: id,
      name: r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.7) ? r.pick(GIVEN) : ''),
      nationalId: stockNationalId(r, birthDay),
      birthDate: dateOf(birthDay),
      occupation: occupation.code,
      occupationSince: dateOf(sinceDay),
      education,
      employerId: first.id,
      district: pickDistrict(r),
      frontLine: t.frontLine,
      registeredOn: dateOf(registeredDay),
    },
  })
  const level = r.chance(STOCK_HIGH_SKILLED_SHARE) ? pickHighLevel(r) : pickSkilledLevel(r)
  // the top certificate issued within the last twelve years before the ledger, after a year in the trade
  const earliest = Math.max(anniversary(sinceDay, 1), env.start - 12 * 365)
  const topDay = earliest >= env.start - 30 ? env.start - 30 : r.int(earliest, env.start - 30)
  const below = LADDER[LADDER.indexOf(level) - 1]
  // half also show the level below, three to six years earlier, when it fits in their career
  const belowDay = topDay - r.int(3 * 365, 6 * 365)
  if (below !== undefined && belowDay >= anniversary(sinceDay, 1) && r.chance(0.5)) prior(t, index, below, belowDay, registeredDay)
  prior(t, index, level, topDay, registeredDay)
  return t
}

/** Records a certificate issued on `day`, on the registration day. */
const prior = (t: TalentSim, index: number, level: CertifiedLevel, day: number, recordedDay: number): void => {
  const route = routeOf(day)
  emit(t, recordedDay, {
    type: 'RecordPriorCertificate',
    actor: bureau,
    data: { talentId: t.id, certificateNumber: certificateNumber(day, level, index), level, occupation: t.occupation.code, issuedOn: dateOf(day), issuer: t.r.pick(ISSUERS), route },
  })
  t.certs.push({ level, day, route, prior: true })
}

/** A stock talent's further climb under the ledger: each rung after its eligibility, at the yearly rate. */
export const planStockCareer = (t: TalentSim): void => {
  const { r, env } = t
  let now = t.registeredDay + 30
  for (;;) {
    const top = t.certs[t.certs.length - 1]!
    const rate = STOCK_PROMOTION_RATE[top.level]
    const next = LADDER[LADDER.indexOf(top.level) + 1]
    if (rate === undefined || next === undefined) return
    const eligible = earliestEligible(t, next)
    if (!Number.isFinite(eligible)) return
    const day = Math.max(now, eligible) + Math.ceil((-Math.log(1 - r.next()) / rate) * YEAR)
    if (day > env.end) return
    const route = assess(t, day, next, true)
    t.certs.push({ level: next, day, route })
    now = day
  }
}

const stockNationalId = (r: Random, birthDay: number): string => {
  const first17 = `${r.pick(ID_AREAS)}${dateOf(birthDay).replaceAll('-', '')}${String(r.int(0, 999)).padStart(3, '0')}`
  return first17 + nationalIdCheckChar(first17)
}
