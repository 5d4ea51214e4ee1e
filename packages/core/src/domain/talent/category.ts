/**
 * The talent category (stream `talent-<id>`): the talent's events, state and decisions bound
 * together with what a decision reads besides the talent's own stream — the policies adopted so
 * far, the organisations the command names (the actor included) and the §17 date context, whose
 * birth date is the registration's own (handed in clear by the caller before sealing) or opened
 * from the sealed personal data only for a fact dated before `occupationSince` (the one case it
 * decides), and never stored.
 */
import type { Category, StreamReader } from '../../kernel/category.js'
import { agreementCategory } from '../agreement/index.js'
import type { DateContext } from '../date-rules.js'
import type { DecisionEnv } from '../decision-env.js'
import { organizationCategory } from '../organization/index.js'
import { policyCategory, POLICY_STREAM } from '../policies/index.js'
import { programmeFoldable } from '../programme/state.js'
import type { TalentCommand, TalentContext } from './context.js'
import { decideTalent } from './decide.js'
import { linkedPostEvents, withdrawnPost } from './decide-posts.js'
import { TalentEventData, type TalentEvent } from './events.js'
import { factDateOf } from './fact-date.js'
import { evolveTalent, initialTalentState, type TalentState } from './state.js'

/** Stream id of a talent. */
export const talentStream = (talentId: string): string => `talent-${talentId}`

/** Organisations a talent command names (the actor included): the context its decision reads. */
export const organizationsNamed = (c: TalentCommand): string[] => {
  const d: Readonly<Record<string, unknown>> = c.data
  const ids: string[] = []
  // each id once, in this order (every command asks: no intermediate arrays or set)
  for (const x of [c.actor.id, d['employerId'], d['providerId'], d['assessorId']]) if (typeof x === 'string' && !ids.includes(x)) ids.push(x)
  return ids
}

/** The date context; a promise only when the birth date must be opened (most commands: no key store read). */
const datesFor = (c: TalentCommand, s: TalentState, env: DecisionEnv): DateContext | null | Promise<DateContext> => {
  if (env.dates === null) return null
  if (c.type === 'RegisterTalent') return { ...env.dates, birthDate: env.birthDate }
  const date = factDateOf(c)?.date ?? null
  // a student (no occupationSince) has the birth date opened for every fact (DOMAIN.md §17)
  const opens = date !== null && s.registered && s.personal !== null && (s.occupationSince === null || date < s.occupationSince) && env.open !== null
  if (!opens || s.personal === null || env.open === null) return { ...env.dates, birthDate: null }
  const dates = env.dates
  return env.open(s.personal).then((opened) => ({ ...dates, birthDate: opened?.birthDate ?? null }))
}

/** Commands that touch the posts held with the talent's current employer (DOMAIN.md §12): its stream is read too. */
const TOUCHES_POSTS: ReadonlySet<string> = new Set(['AppointSeniorPost', 'RenewSeniorPost', 'EndSeniorPost', 'ChangeEmployer', 'ReleaseTalent'])

const context = async (c: TalentCommand, s: TalentState, env: DecisionEnv, read: StreamReader): Promise<TalentContext> => {
  const named = organizationsNamed(c)
  const ids = TOUCHES_POSTS.has(c.type) && s.employerId !== '' && !named.includes(s.employerId) ? [...named, s.employerId] : named
  // an enrolment is checked against the programme it names, if one was opened (DOMAIN.md §10);
  // the agreement a training or a hire names (DOMAIN.md §11)
  const programId = c.type === 'EnrollTraining' ? c.data.programId : null
  const agreementId = (c.data as Readonly<Record<string, unknown>>)['agreementId']
  const [policies, dates, orgs, programme, agreement] = await Promise.all([
    read(policyCategory, POLICY_STREAM),
    datesFor(c, s, env),
    Promise.all(ids.map((id) => read(organizationCategory, id))),
    programId === null ? null : read(programmeFoldable, programId),
    typeof agreementId === 'string' ? read(agreementCategory, agreementId) : null,
  ])
  // an organisation never registered is `undefined`: its decisions say NotFound
  // (defined as own properties, never assigned: an id like `__proto__` stays an ordinary key)
  const organizations = Object.fromEntries(ids.map((id, i) => [id, orgs[i]!.version === 0 ? undefined : orgs[i]!.state]))
  const organizationVersions = Object.fromEntries(ids.map((id, i) => [id, orgs[i]!.version]))
  const programmes = programId === null || programme === null ? {} : { programmes: { [programId]: programme.state } }
  const agreements = agreement === null || typeof agreementId !== 'string' ? {} : { agreements: { [agreementId]: agreement.version === 0 ? undefined : agreement.state } }
  return { policies: policies.state, organizations, organizationVersions, dates, ...programmes, ...agreements }
}

/** The talent category. */
export const talentCategory: Category<TalentCommand, TalentEvent, TalentState, TalentContext, DecisionEnv> = {
  name: 'talent',
  streamOf: talentStream,
  idOfEvent: (e) => e.data.talentId,
  idOf: (c) => c.data.talentId,
  events: TalentEventData,
  initialState: initialTalentState,
  evolve: evolveTalent,
  context,
  decide: decideTalent,
  // a senior post is held on the employer's stream first (its quota), and given back if the appointment is refused on a retry
  linked: linkedPostEvents,
  unlinked: withdrawnPost,
}
