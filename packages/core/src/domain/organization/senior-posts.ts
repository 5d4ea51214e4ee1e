/**
 * An employer's senior posts (特级技师 / 首席技师岗位, DOMAIN.md §12) as its stream knows them: the
 * posts filled, renewed and vacated, and the quotas the bureau set. A post is in force on a date d
 * while `on` ≤ d < `expiresOn` (null: open-ended) and it was not vacated by d. The quota check
 * reads only this, so it is decided on `org-<id>` against the version the decision read.
 */
import type { LocalDate } from '../../kernel/dates.js'
import type { PostLevel } from '../../vocabulary/ladder.js'

/** A post of the employer. */
export interface OrgPost {
  readonly talentId: string
  readonly level: PostLevel
  readonly on: LocalDate
  readonly expiresOn: LocalDate | null
  readonly vacatedOn: LocalDate | null
}

/** A quota in force from `on` (the latest one on or before a date applies). */
export interface OrgQuota {
  readonly level: PostLevel
  readonly posts: number
  readonly on: LocalDate
}

/** What an employer's stream holds of its senior posts. */
export interface SeniorPosts {
  readonly posts: ReadonlyArray<OrgPost>
  readonly quotas: ReadonlyArray<OrgQuota>
}

/** True when the post is in force on `date`. */
export const postInForce = (p: OrgPost, date: LocalDate): boolean =>
  p.on <= date && (p.expiresOn === null || date < p.expiresOn) && (p.vacatedOn === null || date < p.vacatedOn)

/** The quota at `level` in force on `date` (the latest set on or before it; the last set wins a tie), or null: none set. */
export const quotaOn = (s: SeniorPosts, level: PostLevel, date: LocalDate): number | null => {
  let best: OrgQuota | null = null
  for (const q of s.quotas) if (q.level === level && q.on <= date && (best === null || q.on >= best.on)) best = q
  return best?.posts ?? null
}

/** The talent's post at `level` not vacated (the latest filled), if any: a place the talent holds or held. */
export const heldPost = (s: SeniorPosts, talentId: string, level: PostLevel): OrgPost | undefined =>
  [...s.posts].reverse().find((p) => p.talentId === talentId && p.level === level && p.vacatedOn === null)

/**
 * The first date in [from, to) (to null: open-ended) on which one more post at `level` would take
 * the posts in force past the quota, with the figures; null when it fits every day. Posts of
 * `talentId` at the level are not counted (the place it holds already, or the one renewed). The
 * count and the quota change only where a post starts or a quota takes effect, so those days suffice.
 */
export const quotaExceeded = (
  s: SeniorPosts,
  level: PostLevel,
  talentId: string,
  from: LocalDate,
  to: LocalDate | null,
): { readonly on: LocalDate; readonly inForce: number; readonly quota: number } | null => {
  const others = s.posts.filter((p) => p.level === level && p.talentId !== talentId)
  const within = (d: LocalDate): boolean => d > from && (to === null || d < to)
  const days = [from, ...others.map((p) => p.on).filter(within), ...s.quotas.filter((q) => q.level === level).map((q) => q.on).filter(within)]
  for (const day of [...new Set(days)].sort()) {
    const quota = quotaOn(s, level, day)
    if (quota === null) continue
    const inForce = others.filter((p) => postInForce(p, day)).length
    if (inForce + 1 > quota) return { on: day, inForce, quota }
  }
  return null
}
