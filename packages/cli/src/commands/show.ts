/**
 * `show TALENT_ID [--as-of DATE] [--known-at TIMESTAMP] [--pretty]`: the talent's profile as JSON — level,
 * certificates and benefits each with the policy and rule that allowed them — as of a business
 * date and/or as the ledger knew it at a record time, on one line (or indented with `--pretty`, for
 * a person). An unknown talent is a `NotFound` line.
 */
import type { Writable } from 'node:stream'
import type { AsOf, TalentLedger } from '@talent-ledger/core'
import { writeLine } from '../output.js'

/** Prints the profile; returns false (exit 1) when the talent is not registered as of that point. */
export const showTalent = async (ledger: TalentLedger, talentId: string, at: AsOf, out: Writable, options: { readonly pretty?: boolean } = {}): Promise<boolean> => {
  const profile = await ledger.profile(talentId, at)
  if (profile === null) {
    const when = [at.asOf === undefined ? '' : ` as of ${at.asOf}`, at.knownAt === undefined ? '' : ` as known at ${at.knownAt}`].join('')
    await writeLine(out, JSON.stringify({ ok: false, error: { code: 'NotFound', message: `talent ${talentId} is not registered${when}`, details: [] } }))
    return false
  }
  await writeLine(out, options.pretty === true ? JSON.stringify(profile, null, 2) : JSON.stringify(profile))
  return true
}
