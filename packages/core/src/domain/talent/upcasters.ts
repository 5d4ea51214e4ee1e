/**
 * The talent events whose shape changed after 0.1, and how a stored older version is lifted to the
 * current one on read (the log itself is never rewritten: its hashes cover the old form). A field
 * added by a later version was unknown when the event was written: it reads as `null`.
 */
import type { Upcaster } from '../../kernel/upcasting.js'

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** Adds `fields` as `null` where the stored data lacks them (a value already there is kept). */
const absentAsNull =
  (fields: ReadonlyArray<string>) =>
  (data: unknown): unknown =>
    isRecord(data) ? { ...Object.fromEntries(fields.map((f) => [f, null])), ...data } : data

/** Talent upcasters, one step each. */
export const TALENT_UPCASTERS: ReadonlyArray<Upcaster> = [
  // DOMAIN.md §12: a post has a term and is decided under a policy rule; posts of 0.1 are open-ended
  { type: 'SeniorPostAppointed', fromVersion: 1, upcast: absentAsNull(['expiresOn', 'policyId', 'ruleId']) },
  // DOMAIN.md §14: a v1 honour was free text: no catalogue entry, kind, source or policy was recorded
  { type: 'HonorConferred', fromVersion: 1, upcast: absentAsNull(['honourId', 'kind', 'source', 'policyId']) },
]
