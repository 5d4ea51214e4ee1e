/**
 * Senior posts (特级技师 / 首席技师评聘, DOMAIN.md §12): the quotas the bureau sets for employers that
 * may appoint, and a senior technician's appointments, with a term under the city's policy, renewed
 * before they expire, or ended (a post given up, a retirement), never beyond the quota. Quotas count
 * posts across talents, so every planned post is kept in `env.posts` and an appointment or renewal is
 * written only when one more post fits the quota every day of its term. The registry errs long (a
 * post counts until its term ends even if it ends earlier), so the ledger never finds a quota full.
 */
import type { CertifiedLevel, Command } from '@talent-ledger/core'
import { anniversary, dateOf } from './calendar.js'
import type { Timed } from './city.js'
import type { Roster } from './organizations.js'
import type { Random } from './random.js'
import type { Section } from './section.js'
import { emit, employerAt, policyOn, type PlannedPost, type SimEnv, type TalentSim } from './talent.js'

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
const NEVER = Number.POSITIVE_INFINITY
type PostLevel = 'principal-technician' | 'chief-technician'

/** Quotas per employer that may appoint: a few principal technicians, one chief (illustrative). */
const quotaCommands = (r: Random, roster: Roster, env: SimEnv): Timed[] => {
  if (env.policyDay === null || env.policy?.appointment?.quotaRequired !== true) return []
  const day = env.policyDay
  return roster.employers
    .filter((e) => e.canAppoint)
    .flatMap((e) =>
      (['principal-technician', 'chief-technician'] as const).map((level): Timed => {
        const posts = level === 'chief-technician' ? 1 : r.int(2, 4)
        env.quotas.set(`${e.id}/${level}`, { from: day, posts })
        const command: Command = { type: 'SetSeniorPostQuota', actor: bureau, data: { organizationId: e.id, level, posts, on: dateOf(day) } }
        return { day, command }
      }),
    )
}

/** The quota of `level` at the employer on `day`, or null when none is required then (0 when none is set: nothing fits). */
const quotaOf = (t: TalentSim, employerId: string, level: PostLevel, day: number): number | null => {
  if (policyOn(t.env, day).appointment?.quotaRequired !== true) return null
  const set = t.env.quotas.get(`${employerId}/${level}`)
  return set === undefined || day < set.from ? 0 : set.posts
}

/** True when one more post over [from, to) keeps the planned posts within the quota on every day. */
const fits = (t: TalentSim, employerId: string, level: PostLevel, from: number, to: number, except?: PlannedPost): boolean => {
  const quota = quotaOf(t, employerId, level, from)
  if (quota === null) return true
  const planned = (t.env.posts.get(`${employerId}/${level}`) ?? []).filter((p) => p !== except && p.from < to && p.to > from)
  // the count only rises where a post starts: check at `from` and at every start inside the term
  const starts = [from, ...planned.map((p) => p.from).filter((d) => d > from)]
  return starts.every((d) => planned.filter((p) => p.from <= d && p.to > d).length + 1 <= quota)
}

const plan = (t: TalentSim, employerId: string, level: PostLevel, from: number, to: number): PlannedPost => {
  const post: PlannedPost = { employerId, level, from, to }
  const key = `${employerId}/${level}`
  t.env.posts.set(key, [...(t.env.posts.get(key) ?? []), post])
  return post
}

/** The term's end of a post starting (or renewed from) `day`, or NEVER when the policy gives posts no term. */
const termEnd = (t: TalentSim, level: PostLevel, day: number, from: number): number => {
  const years = policyOn(t.env, day).appointment?.termYears[level]
  return years === undefined || years === null ? NEVER : anniversary(from, years)
}

/**
 * 评聘: a senior technician whose employer may appoint becomes principal, rarely then chief,
 * technician; each post is renewed near its end while the talent stays, or ends (given up).
 */
const appointPosts = (t: TalentSim, seniorTechnicianSince: number): void => {
  const { r, env } = t
  let since = seniorTechnicianSince
  for (const level of ['principal-technician', 'chief-technician'] as const) {
    const day = since + r.int(90, 720)
    const employer = employerAt(t, day)
    if (day > env.end || !employer.canAppoint || !r.chance(level === 'principal-technician' ? 0.6 : 0.3)) return
    // a post with the employer ends with a change of employer (the ledger vacates it)
    const leaves = t.second !== null && day < t.changeDay ? t.changeDay : NEVER
    const end = termEnd(t, level, day, day)
    // the registry keeps the whole term even past a change of employer: should the change not reach the
    // ledger (a history cut short by a revocation, simulate.ts), the post still counts there
    if (!fits(t, employer.id, level, day, end)) return
    const post = plan(t, employer.id, level, day, end)
    emit(t, day, { type: 'AppointSeniorPost', actor: { id: employer.id, role: 'employer' }, data: { talentId: t.id, level, employerId: employer.id, on: dateOf(day) } })
    t.certs.push({ level: level as CertifiedLevel, day, route: 'appointment' })
    serve(t, post, end, leaves)
    since = day
  }
}

/** The post's life after the appointment: renewals before each term ends, or an end. */
const serve = (t: TalentSim, post: PlannedPost, firstEnd: number, leaves: number): void => {
  const { r, env } = t
  const level = post.level as PostLevel
  let end = firstEnd
  while (end !== NEVER && end < leaves) {
    const on = end - r.int(15, 90)
    if (on > env.end) return
    if (r.chance(0.15)) {
      // 聘期内解聘 or retirement: the post ends; the certificate stays
      const ended = Math.max(post.from + 1, on - r.int(0, 300))
      emit(t, ended, { type: 'EndSeniorPost', actor: { id: post.employerId, role: 'employer' }, data: { talentId: t.id, level, on: dateOf(ended), reason: r.pick(['聘期内主动辞聘 (gave up the post)', '退休 (retired)']) } })
      return
    }
    const next = termEnd(t, level, on, end)
    if (!r.chance(0.8) || !fits(t, post.employerId, level, end, next, post)) return
    emit(t, on, { type: 'RenewSeniorPost', actor: { id: post.employerId, role: 'employer' }, data: { talentId: t.id, level, employerId: post.employerId, on: dateOf(on) } })
    post.to = next
    end = next
  }
}

/** The section: quotas on the city stream; for each senior technician (of the stock too), the posts. */
export const postsSection = (env: SimEnv): Section => ({
  city: (r) => quotaCommands(r, env.roster, env),
  talent: (t) => {
    const held = t.certs.find((c) => c.level === 'senior-technician')
    // a prior certificate counts from the talent's registration, when the ledger first holds it
    if (held !== undefined) appointPosts(t, Math.max(held.day, t.registeredDay))
  },
})
