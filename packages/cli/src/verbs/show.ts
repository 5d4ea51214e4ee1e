/**
 * What `show` does once its arguments are parsed (program.ts registers the verb and loads this
 * module only when it runs): one talent's profile, found by talent id or by national ID number.
 */
import type { Command } from 'commander'
import { maskIdentifier } from '@talent-ledger/core'
import { nationalIdOption, showTalent } from '../commands/show.js'
import { talentIdOfNationalId } from '../onboard/talent-ids.js'
import { parseDate, parseTimestamp } from '../options.js'
import { writeLine } from '../output.js'
import { UsageError } from '../usage-error.js'
import { withLedger } from '../with-ledger.js'

export interface ShowOptions {
  readonly nationalId?: string
  readonly asOf?: string
  readonly knownAt?: string
  readonly pretty?: boolean
}

/** Runs `show`; exit 1 when the talent (or the person) is not found. */
export const runShow = async (talentId: string | undefined, options: ShowOptions, command: Command): Promise<void> => {
  if ((talentId === undefined) === (options.nationalId === undefined)) throw new UsageError('show takes a talent id or --national-id ID, one of them')
  const nationalId = options.nationalId === undefined ? undefined : await nationalIdOption(options.nationalId)
  const at = {
    ...(options.asOf === undefined ? {} : { asOf: parseDate('--as-of', options.asOf) }),
    ...(options.knownAt === undefined ? {} : { knownAt: parseTimestamp('--known-at', options.knownAt) }),
  }
  await withLedger(command, { mustExist: true, readOnly: true }, async (opened, ledger) => {
    const id = nationalId === undefined ? talentId! : await talentIdOfNationalId(opened.keys, nationalId)
    if (id === null) {
      await writeLine(process.stdout, JSON.stringify({ ok: false, error: { code: 'NotFound', message: `no person was onboarded into this ledger, so none has ID number ${maskIdentifier(nationalId!)}`, details: [] } }))
      return 1
    }
    return (await showTalent(ledger, id, at, process.stdout, { pretty: options.pretty === true })) ? 0 : 1
  })
}
