/**
 * `show TALENT_ID [--as-of DATE] [--known-at TIMESTAMP] [--pretty]`: the talent's profile as JSON — level,
 * certificates and benefits each with the policy and rule that allowed them — as of a business
 * date and/or as the ledger knew it at a record time, on one line (or indented with `--pretty`, for
 * a person). An unknown talent is a `NotFound` line. Each senior post says whether it is in force on
 * the `--as-of` date, or today without one (DOMAIN.md §12).
 * `--national-id ID` (or `-`: from stdin) finds an
 * onboarded person's talent by ID number, through the keyed id onboarding gives (onboard/talent-ids.ts).
 */
import { readFileSync } from 'node:fs'
import type { Writable } from 'node:stream'
import { isNationalId, maskIdentifier, type AsOf, type TalentLedger, type TalentProfile } from '@talent-ledger/core'
import { todayUtc } from '../options.js'
import { writeLine } from '../output.js'
import { UsageError } from '../usage-error.js'

/** The ID number of `--national-id` (read from stdin for `-`), upper-cased; a number with a wrong check digit is a usage error, masked. */
export const nationalIdOption = async (value: string): Promise<string> => {
  const id = (value === '-' ? readFileSync(0, 'utf8') : value).trim().toUpperCase()
  if (!isNationalId(id)) throw new UsageError(`--national-id ${maskIdentifier(id)} is not an 18-character ID number with a valid check digit`)
  return id
}

type Post = NonNullable<TalentProfile['seniorPosts']>[number]
/** Where a post stands on a date: `ended` (EndSeniorPost, a change of employer or a release), `expired` (its term ran out). */
export type PostStatus = 'not-yet-in-force' | 'in-force' | 'ended' | 'expired'

/** The status of a post on `date` (in force while on ≤ date < expiresOn, and not ended). */
export const postStatus = (p: Post, date: string): PostStatus =>
  date < p.on ? 'not-yet-in-force' : p.endedOn !== null && p.endedOn <= date ? 'ended' : p.expiresOn !== null && p.expiresOn <= date ? 'expired' : 'in-force'

/** The profile with each senior post's status on `date`. */
const withPostStatus = (profile: TalentProfile, date: string): TalentProfile =>
  profile.seniorPosts === undefined ? profile : { ...profile, seniorPosts: profile.seniorPosts.map((p) => ({ ...p, status: postStatus(p, date), statusOn: date })) }

/** Prints the profile; returns false (exit 1) when the talent is not registered as of that point. */
export const showTalent = async (ledger: TalentLedger, talentId: string, at: AsOf, out: Writable, options: { readonly pretty?: boolean } = {}): Promise<boolean> => {
  const profile = await ledger.profile(talentId, at)
  if (profile === null) {
    const when = [at.asOf === undefined ? '' : ` as of ${at.asOf}`, at.knownAt === undefined ? '' : ` as known at ${at.knownAt}`].join('')
    await writeLine(out, JSON.stringify({ ok: false, error: { code: 'NotFound', message: `talent ${talentId} is not registered${when}`, details: [] } }))
    return false
  }
  // a post's status needs a business date: the one asked for, or today's
  const shown = withPostStatus(profile, at.asOf ?? todayUtc())
  await writeLine(out, options.pretty === true ? JSON.stringify(shown, null, 2) : JSON.stringify(shown))
  return true
}
