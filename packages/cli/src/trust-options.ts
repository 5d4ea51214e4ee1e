/**
 * The global options that say whom and what the ledger trusts (DOMAIN.md §8, §17):
 * - `--officials FILE` (or the environment variable `TALENT_LEDGER_OFFICIALS=FILE`): JSON
 *   `{"hr-bureau": ["id", …], "auditor": ["id", …]}`; a role listed is restricted to its ids.
 * - `--max-future-days N`: business dates at most N days after the record date (production: 0).
 * Without them the ledger behaves as before. A file that cannot be read or decoded is a
 * `UsageError` (exit 2): a deployment that meant to restrict officials must not silently run open.
 */
import { isLeft } from 'fp-ts/lib/Either.js'
import { decodeOfficials, type Officials } from '@talent-ledger/core'
import { readJsonFile } from './input.js'
import { parseCount } from './options.js'
import { UsageError } from './usage-error.js'

/** Name of the environment variable holding the officials file's path (when `--officials` is not given). */
export const OFFICIALS_ENV = 'TALENT_LEDGER_OFFICIALS'

/** What the ledger is created with from the global options. */
export interface TrustOptions {
  readonly officials?: Officials
  readonly maxFutureDays?: number
}

/** Reads and decodes an officials file. */
export const readOfficials = (file: string, source: string): Officials => {
  const raw = readJsonFile(source, file)
  const decoded = decodeOfficials(raw)
  if (isLeft(decoded)) throw new UsageError(`${source} ${JSON.stringify(file)}: ${decoded.left.message}`)
  return decoded.right
}

/** The trust options from the program's global option values and the environment. */
export const trustOptions = (globals: Readonly<Record<string, unknown>>, env: NodeJS.ProcessEnv = process.env): TrustOptions => {
  const file = globals['officials'] as string | undefined
  const envFile = env[OFFICIALS_ENV]
  const officials =
    file !== undefined ? readOfficials(file, '--officials') : envFile !== undefined && envFile !== '' ? readOfficials(envFile, OFFICIALS_ENV) : undefined
  const days = globals['maxFutureDays'] as string | undefined
  const maxFutureDays = days === undefined ? undefined : parseCount('--max-future-days', days)
  return { ...(officials === undefined ? {} : { officials }), ...(maxFutureDays === undefined ? {} : { maxFutureDays }) }
}
