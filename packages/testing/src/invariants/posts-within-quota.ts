/**
 * Invariant — senior posts in force never exceed the quota (DOMAIN.md §12): a post filled (or a
 * term renewed) under a policy whose `appointment.quotaRequired` is true fits the employer's quota
 * in force on every day of its term (of the added term), counted with the posts in force on the
 * employer's stream as it stood then; and every post a talent holds is filled on its employer's
 * stream (the quota is decided there), while a post filled there with no appointment on the
 * talent's stream was given back (`withdrawn`). Recounted from the stored events, not from the
 * decider's state.
 */
import { decodeStored, type LedgerEvent, type PolicyRegistry } from '@talent-ledger/core'
import { defineInvariant } from './invariant.js'
import { policyById } from './policies.js'
import type { PureRun } from './pure-ledger.js'

interface Post {
  readonly talentId: string
  readonly level: string
  readonly on: string
  expiresOn: string | null
  vacated: { readonly on: string; readonly reason: string } | null
}

const inForce = (p: Post, d: string): boolean => p.on <= d && (p.expiresOn === null || d < p.expiresOn) && (p.vacated === null || d < p.vacated.on)

const quotaOn = (quotas: ReadonlyArray<{ level: string; posts: number; on: string }>, level: string, d: string): number | null => {
  let best: { posts: number; on: string } | null = null
  for (const q of quotas) if (q.level === level && q.on <= d && (best === null || q.on >= best.on)) best = q
  return best?.posts ?? null
}

const quotaRequired = (policies: PolicyRegistry, policyId: string | null): boolean =>
  policyId !== null && policyById(policies, policyId)?.document.appointment?.quotaRequired === true

/** Every event of the run's streams of `category`, decoded, by stream. */
const eventsOf = (run: PureRun, category: string): Map<string, LedgerEvent[]> => {
  const decode = decodeStored()
  return new Map(run.streams.filter((s) => s.category === category).map((s) => [s.stream, s.rows.map((r) => decode(r).event)]))
}

/** Posts in force never exceed the quota; every post held is filled on the employer's stream. */
export const postsWithinQuota = defineInvariant(
  'postsWithinQuota',
  'senior posts in force never exceed the quota in force, and every post is held on its employer’s stream (DOMAIN.md §12)',
  (run) => {
    const found: string[] = []
    const talentEvents = [...eventsOf(run, 'talent').values()].flat()
    const appointed = talentEvents.flatMap((e) => (e.type === 'SeniorPostAppointed' ? [e.data] : []))
    const renewed = talentEvents.flatMap((e) => (e.type === 'SeniorPostRenewed' ? [e.data] : []))
    const filled = new Set<string>()
    for (const [stream, events] of eventsOf(run, 'org')) {
      const posts: Post[] = []
      const quotas: Array<{ level: string; posts: number; on: string }> = []
      const check = (what: string, level: string, talentId: string, from: string, to: string | null): void => {
        const others = posts.filter((p) => p.level === level && p.talentId !== talentId)
        const days = [from, ...others.map((p) => p.on), ...quotas.filter((q) => q.level === level).map((q) => q.on)].filter((d) => d >= from && (to === null || d < to))
        for (const d of new Set(days)) {
          const quota = quotaOn(quotas, level, d)
          const count = others.filter((p) => inForce(p, d)).length + 1
          if (quota !== null && count > quota) found.push(`${stream}: ${what} makes ${count} ${level} post(s) in force on ${d}, quota ${quota}`)
        }
      }
      for (const e of events) {
        if (e.type === 'SeniorPostQuotaSet') quotas.push({ level: e.data.level, posts: e.data.posts, on: e.data.on })
        else if (e.type === 'SeniorPostFilled') {
          const { talentId, level, on, expiresOn } = e.data
          filled.add(`${e.data.organizationId}/${talentId}/${level}/${on}`)
          const talentSide = appointed.find((a) => a.talentId === talentId && a.level === level && a.on === on && a.employerId === e.data.organizationId)
          const withdrawn = events.some((v) => v.type === 'SeniorPostVacated' && v.data.talentId === talentId && v.data.level === level && v.data.reason === 'withdrawn')
          if (talentSide === undefined && !withdrawn) found.push(`${stream}: a ${level} post of ${talentId} from ${on} is filled without an appointment, and was not withdrawn`)
          if (talentSide !== undefined && quotaRequired(run.policies, talentSide.policyId)) check(`filling ${talentId}'s post from ${on}`, level, talentId, on, expiresOn)
          posts.push({ talentId, level, on, expiresOn, vacated: null })
        } else if (e.type === 'SeniorPostExtended' || e.type === 'SeniorPostVacated') {
          const post = [...posts].reverse().find((p) => p.talentId === e.data.talentId && p.level === e.data.level && p.vacated === null)
          if (post === undefined) {
            found.push(`${stream}: ${e.type} of ${e.data.talentId} (${e.data.level}) has no post filled before it`)
            continue
          }
          if (e.type === 'SeniorPostVacated') post.vacated = { on: e.data.on, reason: e.data.reason }
          else {
            const talentSide = renewed.find((r) => r.talentId === e.data.talentId && r.level === e.data.level && r.expiresOn === e.data.expiresOn)
            if (talentSide === undefined) found.push(`${stream}: ${e.data.talentId}'s ${e.data.level} post extended with no renewal on the talent's stream`)
            else if (quotaRequired(run.policies, talentSide.policyId) && post.expiresOn !== null) check(`renewing ${e.data.talentId}'s post`, e.data.level, e.data.talentId, post.expiresOn, e.data.expiresOn)
            post.expiresOn = e.data.expiresOn
          }
        }
      }
    }
    for (const a of appointed)
      if (!filled.has(`${a.employerId}/${a.talentId}/${a.level}/${a.on}`)) found.push(`talent-${a.talentId}: a ${a.level} post with ${a.employerId} from ${a.on} was never filled on the employer's stream`)
    return found
  },
)
