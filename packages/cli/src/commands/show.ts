/**
 * `show TALENT_ID [--as-of DATE] [--known-at TIMESTAMP] [--pretty]`: the talent's profile as JSON — level,
 * certificates and benefits each with the policy and rule that allowed them — as of a business
 * date and/or as the ledger knew it at a record time, on one line (or indented with `--pretty`, for
 * a person). An unknown talent is a `NotFound` line. `--national-id ID` (or `-`: from stdin) finds an
 * onboarded person's talent by ID number, through the keyed id onboarding gives (onboard/talent-ids.ts).
 */
import { readFileSync } from 'node:fs'
import type { Writable } from 'node:stream'
import { isNationalId, maskIdentifier, type AsOf, type TalentLedger } from '@talent-ledger/core'
import { writeLine } from '../output.js'
import { UsageError } from '../usage-error.js'

/** The ID number of `--national-id` (read from stdin for `-`), upper-cased; a number with a wrong check digit is a usage error, masked. */
export const nationalIdOption = async (value: string): Promise<string> => {
  const id = (value === '-' ? readFileSync(0, 'utf8') : value).trim().toUpperCase()
  if (!isNationalId(id)) throw new UsageError(`--national-id ${maskIdentifier(id)} is not an 18-character ID number with a valid check digit`)
  return id
}

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
