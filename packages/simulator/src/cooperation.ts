/**
 * Cooperation (DOMAIN.md §11): a manufacturer designated chain leader (链主企业) registers an
 * industry-chain agreement with two suppliers and trains their staff (and its own) under it; a
 * vocational school runs an order class (订单班) for a partner employer — its students registered by
 * the school, trained under the class and most of them hired by the partner once they complete — and
 * registers its teachers (职业院校教师). Students and teachers are talents of the schools, outside
 * the pipeline and the stock the summary counts; teachers hold no certificate here.
 */
import { nationalIdCheckChar, type Command } from '@talent-ledger/core'
import { anniversary, dateOf, dayOf, yearOfDay } from './calendar.js'
import { GIVEN, ID_AREAS, SURNAMES, pickDistrict } from './city-data.js'
import type { Timed } from './city.js'
import type { Random } from './random.js'
import type { Section } from './section.js'
import { emit, employerAt, nextId, type SimEnv } from './talent.js'

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const

/** True for the talent id of a school's student (`st-`) or teacher (`te-`), who are not of the pipeline or the stock. */
export const isSchoolPerson = (talentId: string): boolean => talentId.startsWith('st-') || talentId.startsWith('te-')
const FIELD = 'advanced-manufacturing'
/** The class's trade: 焊工 (welder). */
const CLASS_OCCUPATION = '6-18-02-04'
/** Chance that a worker of the chain takes its training in a year of the agreement. */
const CHAIN_TRAINING = 0.15

interface Chain {
  readonly agreementId: string
  readonly leadId: string
  readonly members: ReadonlyArray<string>
  readonly from: number
  readonly to: number
}

const name = (r: Random): string => r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.7) ? r.pick(GIVEN) : '')
const nationalId = (r: Random, birthDay: number): string => {
  const first17 = `${r.pick(ID_AREAS)}${dateOf(birthDay).replaceAll('-', '')}${String(r.int(0, 999)).padStart(3, '0')}`
  return first17 + nationalIdCheckChar(first17)
}

/** The chain leader's designation and agreement (none when the roster has fewer than three manufacturers). */
const chainCommands = (r: Random, env: SimEnv): { chain: Chain | null; out: Timed[] } => {
  const makers = env.roster.employersBySector.manufacturing ?? []
  const leaders = makers.filter((e) => e.canAppoint)
  if (leaders.length === 0 || makers.length < 3) return { chain: null, out: [] }
  const lead = r.pick(leaders)
  const others = makers.filter((e) => e !== lead)
  const partners = [...new Set([r.pick(others).id, r.pick(others).id])]
  const designated = env.start + r.int(0, 20)
  const from = designated + r.int(10, 40)
  const to = Math.min(anniversary(from, 5) - 1, env.end)
  if (from > env.end) return { chain: null, out: [] }
  const agreementId = `ag-chain-${lead.id}`
  const out: Timed[] = [
    { day: designated, command: { type: 'DesignateEnterprise', actor: bureau, data: { organizationId: lead.id, designation: 'chain-leader', chain: '石化产业链 (illustrative)', on: dateOf(designated), reference: '连工信〔2026〕 (illustrative)' } } },
    { day: from, command: { type: 'RegisterAgreement', actor: bureau, data: { agreementId, kind: 'industry-chain', leadId: lead.id, partnerIds: partners, field: FIELD, on: dateOf(from), validFrom: dateOf(from), validTo: dateOf(to) } } },
  ]
  return { chain: { agreementId, leadId: lead.id, members: [lead.id, ...partners], from, to }, out }
}

/** An order class of two years from the first September in the span: its students, their training, and their hiring. */
const classCommands = (r: Random, env: SimEnv): Timed[] => {
  const schoolId = r.pick(env.roster.schools)
  const partner = r.pick(env.roster.employersBySector.manufacturing ?? env.roster.employers)
  const september = dayOf(`${yearOfDay(env.start)}-09-01`)
  const from = september >= env.start ? september : dayOf(`${yearOfDay(env.start) + 1}-09-01`)
  if (from > env.end) return []
  const to = anniversary(from, 2) - 1
  const agreementId = `ag-class-${schoolId}`
  const school = { id: schoolId, role: 'vocational-school' } as const
  const out: Timed[] = [{ day: from - 30, command: { type: 'RegisterAgreement', actor: bureau, data: { agreementId, kind: 'order-class', leadId: schoolId, partnerIds: [partner.id], field: FIELD, on: dateOf(from - 30), validFrom: dateOf(from), validTo: dateOf(to), occupations: [CLASS_OCCUPATION], places: 30 } } }]
  const students = r.int(15, 30)
  for (let i = 0; i < students; i++) {
    const talentId = `st-${schoolId}-${String(i + 1).padStart(3, '0')}`
    const birthDay = from - r.int(16 * 366, 18 * 365)
    const cmds: Array<readonly [number, Command]> = [
      [from, { type: 'RegisterTalent', actor: school, data: { talentId, name: name(r), nationalId: nationalId(r, birthDay), birthDate: dateOf(birthDay), occupation: CLASS_OCCUPATION, education: 'technician-college', employerId: schoolId, district: pickDistrict(r), registeredOn: dateOf(from), relation: 'student' } }],
      [from + 3, { type: 'EnrollTraining', actor: school, data: { talentId, programId: `${agreementId}-${talentId}`, kind: 'degree-plus-skill', field: FIELD, providerId: schoolId, startedOn: dateOf(from + 3), agreementId } }],
    ]
    // most complete near the end of the class; the partner hires most of them within a month
    const completed = to - r.int(30, 75)
    if (r.chance(0.9) && completed <= env.end) {
      cmds.push([completed, { type: 'CompleteTraining', actor: school, data: { talentId, programId: `${agreementId}-${talentId}`, completedOn: dateOf(completed), hours: r.int(900, 1400) } }])
      const hired = completed + r.int(1, 30)
      if (r.chance(0.75) && hired <= env.end)
        cmds.push([hired, { type: 'ChangeEmployer', actor: { id: partner.id, role: 'employer' }, data: { talentId, employerId: partner.id, on: dateOf(hired), occupationSince: dateOf(hired), agreementId } }])
    }
    out.push(...cmds.map(([day, command]) => ({ day, command })))
  }
  return out
}

/** Each school's teachers, registered by the school early in the span. */
const teacherCommands = (r: Random, env: SimEnv): Timed[] =>
  env.roster.schools.flatMap((schoolId) =>
    Array.from({ length: r.int(3, 6) }, (_, i): Timed => {
      const day = env.start + r.int(0, 60)
      const birthDay = day - r.int(28 * 365, 55 * 365)
      const since = birthDay + r.int(22 * 365, 26 * 365)
      const talentId = `te-${schoolId}-${String(i + 1).padStart(2, '0')}`
      return {
        day,
        command: {
          type: 'RegisterTalent',
          actor: { id: schoolId, role: 'vocational-school' },
          data: { talentId, name: name(r), nationalId: nationalId(r, birthDay), birthDate: dateOf(birthDay), occupation: CLASS_OCCUPATION, occupationSince: dateOf(Math.min(since, day)), education: 'bachelor', employerId: schoolId, district: pickDistrict(r), registeredOn: dateOf(day), relation: 'teacher' },
        },
      }
    }),
  )

export const cooperationSection = (env: SimEnv): Section => {
  let chain: Chain | null = null
  return {
    city: (r) => {
      const made = chainCommands(r, env)
      chain = made.chain
      return [...made.out, ...classCommands(r, env), ...teacherCommands(r, env)]
    },
    // the chain leader trains the chain's staff under the agreement, now and then, each year it runs
    talent: (t) => {
      const c = chain
      if (c === null) return
      for (let year = yearOfDay(c.from); year <= yearOfDay(c.to); year++) {
        if (!t.r.chance(CHAIN_TRAINING)) continue
        const day = Math.max(c.from, t.registeredDay + 10, dayOf(`${year}-01-01`)) + t.r.int(0, 200)
        if (day > c.to || yearOfDay(day) !== year || !c.members.includes(employerAt(t, day).id)) continue
        const programId = nextId(t, 'chain')
        emit(t, day, { type: 'EnrollTraining', actor: { id: c.leadId, role: 'employer' }, data: { talentId: t.id, programId, kind: 'industry-chain', field: FIELD, providerId: c.leadId, startedOn: dateOf(day), agreementId: c.agreementId } })
        const done = day + t.r.int(30, 120)
        if (t.r.chance(0.85) && done <= env.end) emit(t, done, { type: 'CompleteTraining', actor: bureau, data: { talentId: t.id, programId, completedOn: dateOf(done), hours: t.r.int(40, 200) } })
      }
    },
  }
}
