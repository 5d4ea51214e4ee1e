/**
 * Realistic city histories as raw commands: organisations registered with their authorizations,
 * policies adopted (when the caller gives policy documents), carriers and employment statistics,
 * then talents — each registered by the bureau or its employer and living through generated steps
 * (training and new apprenticeships, assessments along the ladder, competitions, appointments,
 * benefits, revocations) at dates that move forward. Talents' commands are merged in date order, and
 * arbitrary (valid and malformed) commands may be mixed in. Some commands are meant to be refused.
 * A generated history is a plan (the setup, each talent's intents, the noise); `commandsOf` turns
 * it into raw commands by living each talent's steps on the pure ledger, which runs on the
 * ledger's asynchronous runner, so that part cannot happen inside the (synchronous) arbitrary.
 */
import * as fc from 'fast-check'
import type { PolicyDocument } from '@talent-ledger/core'
import { pureLedger, type PureLedger } from '../invariants/pure-ledger.js'
import { BUREAU, ORGANIZATION_IDS } from './actors.js'
import { rawCommand, TALENT_IDS, type CommandJson } from './commands.js'
import { addDays, localDate } from './dates.js'
import { cooperationSetup, organizationSetup } from './organizations.js'
import { commandsFor, SHARED_PROGRAMME, step } from './talent-steps.js'
import { bornBefore, carrierKind, district, education, OCCUPATIONS, personName } from './vocabulary.js'

/** A generated history, as a plan: `commandsOf` gives its raw commands in the order they are sent. */
export interface CityHistory {
  /** Organisations, policies adopted, carriers and statistics: raw commands sent first. */
  readonly setup: ReadonlyArray<CommandJson>
  /** Each talent's life: its registration and the intents of its steps. */
  readonly talents: ReadonlyArray<TalentIntent>
  /** Arbitrary commands mixed in, each at a position (modulo the number of commands). */
  readonly noise: ReadonlyArray<readonly [number, unknown]>
}

/** What to generate. */
export interface HistoryOptions {
  /** Policy documents the city adopts during the history (1–2 of them); none: the default policy rules. */
  readonly policies?: fc.Arbitrary<PolicyDocument> | PolicyDocument
  /** How many talents (at most `TALENT_IDS.length`); default 1–3. */
  readonly talents?: { readonly min: number; readonly max: number }
  /** At most this many steps per talent; default 20. */
  readonly maxSteps?: number
  /** Arbitrary commands mixed in (AdoptPolicy excepted); default 3. */
  readonly maxNoise?: number
}

const talentIntent = (maxSteps: number) =>
  fc.record({
    registeredOn: localDate({ min: '2008-01-01', max: '2026-12-31' }),
    daysInOccupation: fc.oneof(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 4500 })),
    occupation: fc.constantFrom(...OCCUPATIONS),
    education,
    preparatoryTechnician: fc.boolean(),
    frontLine: fc.boolean(),
    district,
    employer: fc.constantFrom(...ORGANIZATION_IDS.employers),
    byEmployer: fc.boolean(),
    // mostly employees; some a school's teachers or students (DOMAIN.md §11)
    relation: fc.constantFrom('employee', 'employee', 'employee', 'employee', 'teacher', 'student'),
    name: personName,
    // the age at which the career started (16 or later: the legal working age) and the ID's sequence number
    person: fc.record({ ageAtStart: fc.integer({ min: 16, max: 40 }), extraDays: fc.integer({ min: 0, max: 364 }), sequence: fc.integer({ min: 0, max: 999 }) }),
    steps: fc.array(step, { maxLength: maxSteps }),
  })
/** What one talent's life is generated from. */
export type TalentIntent = ReturnType<typeof talentIntent> extends fc.Arbitrary<infer T> ? T : never

const cityCommands = fc.record({
  carriers: fc.array(fc.record({ kind: carrierKind, on: localDate({ min: '2024-01-01', max: '2032-12-31' }) }), { maxLength: 3 }),
  statistics: fc.array(fc.record({ year: fc.integer({ min: 2015, max: 2035 }), employedPersons: fc.integer({ min: 1, max: 200 }) }), { maxLength: 3 }),
  // the shared programme (DOMAIN.md §10), opened by its provider, at the first carrier or not
  programme: fc.option(fc.record({ on: localDate({ min: '2005-01-01', max: '2018-12-31' }), atCarrier: fc.boolean(), places: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }) }), { nil: undefined }),
  cooperation: cooperationSetup,
})

const adoptions = (policies: HistoryOptions['policies']): fc.Arbitrary<CommandJson[]> => {
  if (policies === undefined) return fc.constant([])
  const documents = policies instanceof fc.Arbitrary ? policies : fc.constant(policies)
  return fc
    .array(fc.record({ document: documents, effectiveFrom: localDate({ min: '2005-01-01', max: '2035-12-31' }) }), { minLength: 1, maxLength: 2 })
    .map((ps) => ps.map((p, i) => ({ type: 'AdoptPolicy', actor: BUREAU, data: { policyId: `city-${i + 1}`, effectiveFrom: p.effectiveFrom, document: p.document } })))
}

/** The commands of one talent's life, each with its business date, decided as they are built. */
const talentCommands = async (ledger: PureLedger, talentId: string, t: TalentIntent): Promise<Array<{ on: string; raw: CommandJson }>> => {
  let on = t.registeredOn
  const out: Array<{ on: string; raw: CommandJson }> = []
  const send = async (raw: CommandJson): Promise<void> => {
    await ledger.execute(raw)
    out.push({ on, raw })
  }
  // a school registers its teachers and students; a student has no occupationSince until hired (DOMAIN.md §11)
  const school = t.relation !== 'employee'
  const employerId = school ? ORGANIZATION_IDS.vocationalSchool : t.employer
  await send({
    type: 'RegisterTalent',
    actor: t.byEmployer ? { id: employerId, role: school ? 'vocational-school' : 'employer' } : BUREAU,
    data: {
      talentId, name: t.name, ...bornBefore(addDays(on, -t.daysInOccupation), t.person.ageAtStart, t.person.extraDays, t.person.sequence),
      occupation: t.occupation, education: t.education,
      ...(t.relation === 'student' ? {} : { occupationSince: addDays(on, -t.daysInOccupation) }),
      ...(school ? { relation: t.relation } : {}),
      preparatoryTechnician: t.preparatoryTechnician, frontLine: t.frontLine, employerId, district: t.district, registeredOn: on,
    },
  })
  for (const [i, s] of t.steps.entries()) {
    on = addDays(on, s.gapDays)
    for (const raw of commandsFor(s.intent, await ledger.talent(talentId), on, `${talentId}-${i + 1}`)) await send(raw)
  }
  return out
}

/**
 * OpenProgramme of the shared programme, by its provider: at `carrier-1` (designated on `carrierOn`)
 * when asked, from the carrier's date at the earliest (refused when that carrier is a studio without a master).
 */
const openShared = (p: { on: string; atCarrier: boolean; places: number | undefined }, carrierOn: string | undefined): CommandJson => {
  const { programId, kind, field, providerId } = SHARED_PROGRAMME
  const atCarrier = p.atCarrier && carrierOn !== undefined
  const on = atCarrier && carrierOn > p.on ? carrierOn : p.on
  const optional = { ...(atCarrier ? { carrierId: 'carrier-1' } : {}), ...(p.places === undefined ? {} : { places: p.places }) }
  return { type: 'OpenProgramme', actor: { id: providerId, role: 'training-provider' }, data: { programId, providerId, kind, field, on, ...optional } }
}

/** A city history with several talents (see the module comment). */
export const cityHistory = (options: HistoryOptions = {}): fc.Arbitrary<CityHistory> => {
  const { min, max } = options.talents ?? { min: 1, max: 3 }
  return fc
    .record({
      organizations: organizationSetup,
      policies: adoptions(options.policies),
      city: cityCommands,
      talents: fc.array(talentIntent(options.maxSteps ?? 20), { minLength: min, maxLength: Math.min(max, TALENT_IDS.length) }),
      noise: fc.array(fc.tuple(fc.nat(), rawCommand(['AdoptPolicy'])), { maxLength: options.maxNoise ?? 3 }),
    })
    .map((h): CityHistory => ({
      setup: [
        ...h.organizations,
        ...h.policies,
        ...h.city.carriers.map((c, i) => ({ type: 'DesignateCarrier', actor: BUREAU, data: { carrierId: `carrier-${i + 1}`, kind: c.kind, name: `培养载体 ${i + 1}`, on: c.on } })),
        ...h.city.statistics.map((s) => ({ type: 'ReportEmploymentStatistics', actor: BUREAU, data: s })),
        ...(h.city.programme === undefined ? [] : [openShared(h.city.programme, h.city.carriers[0]?.on)]),
        ...h.city.cooperation,
      ],
      talents: h.talents,
      noise: h.noise,
    }))
}

/** The raw commands of a history, in the order they are sent (each talent's steps decided as they are built). */
export const commandsOf = async (h: CityHistory): Promise<ReadonlyArray<unknown>> => {
  const ledger = pureLedger()
  for (const raw of h.setup) await ledger.execute(raw)
  const lives: Array<{ on: string; raw: CommandJson }> = []
  for (const [i, t] of h.talents.entries()) lives.push(...(await talentCommands(ledger, TALENT_IDS[i]!, t)))
  // NOTE: stable sort, so one talent's same-day commands keep their order
  const commands: unknown[] = lives.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)).map((x) => x.raw)
  for (const [at, raw] of h.noise) commands.splice(at % (commands.length + 1), 0, raw)
  return [...h.setup, ...commands]
}

/** One talent's history (with the organisations and policies it needs), no arbitrary commands mixed in. */
export const talentHistory = (options: Omit<HistoryOptions, 'talents'> = {}): fc.Arbitrary<CityHistory> =>
  cityHistory({ maxNoise: 0, ...options, talents: { min: 1, max: 1 } })
