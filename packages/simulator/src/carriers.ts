/**
 * Training carriers and their programmes (培养载体, DOMAIN.md §10): carriers the bureau designates with
 * the organisation that runs them and their grade — a 产教融合实训基地 at a vocational school, a 高技能
 * 人才培训基地 at a training provider, a 技能大师工作室 at an employer that may appoint — the studio's
 * master linked once a worker of the host holds the policy's `carriers.masterStudio.minMasterLevel`,
 * and programmes opened at the carriers. Trainings the talents already take from a carrier's host
 * (trainings.ts) are enrolled in the carrier's programme of that kind, field and year, and some of
 * the assessments that follow name it, so the dashboard's carrier outputs count them. The carriers
 * are of the roster's organisations, which no scale shrinks (organizations.ts).
 */
import type { CarrierGrade, CarrierKind, Command } from '@talent-ledger/core'
import { dateOf, dayOf, yearOfDay } from './calendar.js'
import type { Timed } from './city.js'
import type { Random } from './random.js'
import type { Section } from './section.js'
import { employerAt, heldFrom, policyOn, type SimEnv, type TalentSim } from './talent.js'

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
/** Chance that a training from a carrier's host is one of the carrier's programmes. */
const ENROLLED = 0.7
/** Chance that a completed programme's next assessment (within two years) names it. */
const CONCLUDES = 0.7

interface Carrier {
  readonly carrierId: string
  readonly kind: CarrierKind
  readonly hostId: string
  readonly on: number
  /** The day the studio's master is linked (null: none yet; only a studio has one). */
  masterSince: number | null
}

interface Programme {
  readonly programId: string
  readonly carrier: Carrier
  readonly kind: string
  readonly field: string
  readonly on: number
}

const designations = (r: Random, env: SimEnv, carriers: Carrier[]): Timed[] => {
  const { roster } = env
  const appointing = roster.employers.filter((e) => e.canAppoint)
  const plan: Array<readonly [CarrierKind, string | undefined, CarrierGrade, string]> = [
    ['industry-education-base', r.pick(roster.schools), 'provincial', '产教融合实训基地'],
    ['high-skill-training-base', r.pick(roster.trainingProviders), 'municipal', '高技能人才培训基地'],
    ['master-studio', appointing.length === 0 ? undefined : r.pick(appointing).id, 'municipal', '技能大师工作室'],
  ]
  return plan.flatMap(([kind, hostId, grade, label], i): Timed[] => {
    // early in the span, so the first year's registrations (the stock) can be enrolled and linked
    const day = env.start + r.int(0, 30)
    if (hostId === undefined || day > env.end) return []
    const carrierId = `carrier-${kind === 'master-studio' ? 'studio' : 'base'}-${i + 1}`
    carriers.push({ carrierId, kind, hostId, on: day, masterSince: null })
    return [{ day, command: { type: 'DesignateCarrier', actor: bureau, data: { carrierId, kind, name: `${hostId} ${label}`, on: dateOf(day), hostId, grade } } }]
  })
}

/**
 * Links a studio without a master to the talent if they work for its host and hold the policy's
 * level. The link is written with the talent's history so that a history cut short (simulate.ts:
 * a revocation, an erasure) keeps it only where it happened, and it falls before the earliest day a
 * revocation of the talent's last certificate can come (60 days after it, or after the
 * registration for a prior one), so the level it rests on still holds on the day.
 */
const linkMaster = (t: TalentSim, studios: ReadonlyArray<Carrier>): void => {
  const top = t.certs.at(-1)
  if (top === undefined) return
  const lastSafe = (top.prior === true ? t.registeredDay : top.day) + 59
  for (const studio of studios) {
    if (studio.masterSince !== null) continue
    const min = policyOn(t.env, t.env.end).carriers?.masterStudio.minMasterLevel ?? null
    const held = min === null ? null : heldFrom(t, min)
    if (held === null) return
    const from = Math.max(held, studio.on, t.env.policyDay ?? Number.POSITIVE_INFINITY)
    const day = from + t.r.int(0, 20)
    // the policy in force on the day sets the level (the shipped default leaves it unset)
    if (day > Math.min(lastSafe, t.env.end) || employerAt(t, day).id !== studio.hostId || (policyOn(t.env, day).carriers?.masterStudio.minMasterLevel ?? null) === null) continue
    t.items.push({ day, command: { type: 'LinkStudioMaster', actor: bureau, data: { carrierId: studio.carrierId, talentId: t.id, on: dateOf(day) } } })
    studio.masterSince = day
    return
  }
}

const withProgramme = (c: Command, from: string, to: string): Command => {
  const data = c.data as { readonly programId?: string }
  return data.programId === from ? ({ ...c, data: { ...c.data, programId: to } } as Command) : c
}

/** The programme of the carrier hosting the training, enrolled instead of an ad hoc one; returns it, or null. */
const enrol = (t: TalentSim, index: number, carriers: ReadonlyArray<Carrier>, programmes: Map<string, Programme>): { programme: Programme; completedOn: number | null } | null => {
  const { command, day } = t.items[index]!
  if (command.type !== 'EnrollTraining') return null
  const d = command.data
  const carrier = carriers.find((c) => c.hostId === d.providerId)
  if (carrier === undefined || !t.r.chance(ENROLLED)) return null
  const year = yearOfDay(day)
  const programId = `${carrier.carrierId}-${year}-${d.kind}-${d.field}`
  // opened the day after the carrier is designated (a studio: after its master is linked), or on 2 January
  const opens = Math.max(dayOf(`${year}-01-02`), carrier.on + 1, carrier.kind === 'master-studio' ? (carrier.masterSince ?? Number.POSITIVE_INFINITY) + 1 : 0)
  if (day <= opens || t.ids.has(programId)) return null
  t.ids.add(programId)
  const programme = programmes.get(programId) ?? { programId, carrier, kind: d.kind, field: d.field, on: opens }
  programmes.set(programId, programme)
  let completedOn: number | null = null
  for (let i = 0; i < t.items.length; i++) {
    const item = t.items[i]!
    if (item.command.type === 'CompleteTraining' && item.command.data.programId === d.programId) completedOn = item.day
    const command = withProgramme(item.command, d.programId, programId)
    if (command !== item.command) t.items[i] = { ...item, command }
  }
  return { programme, completedOn }
}

/** Names the programme in the first assessment within two years of its completion, for some. */
const conclude = (t: TalentSim, programId: string, completedOn: number): void => {
  if (!t.r.chance(CONCLUDES)) return
  const next = t.items
    .map((item, i) => [item, i] as const)
    .filter(([item]) => item.command.type === 'RecordAssessment' && item.refusal === undefined && item.day >= completedOn && item.day <= completedOn + 730)
    .sort(([a], [b]) => a.day - b.day)[0]
  if (next === undefined) return
  const [item, i] = next
  if (item.command.type !== 'RecordAssessment' || item.command.data.programId !== undefined) return
  t.items[i] = { ...item, command: { ...item.command, data: { ...item.command.data, programId } } }
}

/** The section: carriers on the city stream; masters and enrolments with each talent; the programmes once every talent is planned. */
export const carriersSection = (env: SimEnv): Section => {
  const carriers: Carrier[] = []
  const programmes = new Map<string, Programme>()
  return {
    city: (r) => designations(r, env, carriers),
    talent: (t) => {
      linkMaster(t, carriers.filter((c) => c.kind === 'master-studio'))
      const count = t.items.length
      for (let i = 0; i < count; i++) {
        const enrolled = enrol(t, i, carriers, programmes)
        if (enrolled !== null && enrolled.completedOn !== null) conclude(t, enrolled.programme.programId, enrolled.completedOn)
      }
    },
    after: (r) =>
      [...programmes.values()].map(({ programId, carrier, kind, field, on }): Timed => {
        // the host opens most of its programmes; the bureau the rest
        const actor = r.chance(0.8) ? { id: carrier.hostId, role: carrier.kind === 'master-studio' ? 'employer' : carrier.kind === 'industry-education-base' ? 'vocational-school' : 'training-provider' } : bureau
        return { day: on, command: { type: 'OpenProgramme', actor, data: { programId, providerId: carrier.hostId, kind, field, on: dateOf(on), carrierId: carrier.carrierId } } as Command }
      }),
  }
}
