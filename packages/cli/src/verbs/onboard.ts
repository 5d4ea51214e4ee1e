/**
 * What `onboard FILE` does once its arguments are parsed (onboard/onboard-verb.ts registers the verb
 * and loads this module only when it runs): checks the arguments before the store opens (exit 2:
 * unreadable file, stdin or a pipe, which cannot be read twice, a `--map` that does not decode, a
 * header row lacking a required column), reads the file once for a census of each person's rows and
 * again for the load (person-order.ts), loads or refuses every row, and ends with a summary.
 */
import { statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type { Command } from 'commander'
import { describeErrors, rank, recordDateOf } from '@talent-ledger/core'
import { systemClock } from '@talent-ledger/node'
import * as E from 'fp-ts/lib/Either.js'
import { checkReadable, readJsonFile } from '../input.js'
import { parseCount, parseDate, parseDurability } from '../options.js'
import { writeLine } from '../output.js'
import { UsageError } from '../usage-error.js'
import { withLedger } from '../with-ledger.js'
import { levelOf } from '../onboard/cell-forms.js'
import { HeaderMap, layoutOf, type Layout } from '../onboard/columns.js'
import { knownEncoding } from '../onboard/encoding.js'
import { employersOf } from '../onboard/employers.js'
import { executeInOneCommit } from '../onboard/execute-chunk.js'
import { onboardProgress } from '../onboard/onboard-progress.js'
import { CHUNK_ROWS, onboardRows, type OnboardSummary } from '../onboard/onboard-run.js'
import { rejectsFile } from '../onboard/rejects-file.js'
import { rereads } from '../onboard/file-reads.js'
import { inPersonOrder } from '../onboard/person-order.js'
import { openRows, type SourceRow } from '../onboard/row-source.js'
import { talentIdsOf } from '../onboard/talent-ids.js'

export interface OnboardOptions {
  readonly map?: string
  readonly json?: boolean
  readonly encoding?: string
  readonly rejects?: string
  readonly actor: string
  readonly registeredOn?: string
  readonly durability: string
  readonly batch?: string
}

const decodeMap = (file: string): HeaderMap => {
  const decoded = HeaderMap.decode(readJsonFile('--map', file))
  if (E.isLeft(decoded)) throw new UsageError(`--map ${file}: ${describeErrors(decoded.left).map((d) => `${d.field}: ${d.message}`).join('; ')}`)
  return decoded.right
}

/** True when a run stored nothing because its rows were all in the ledger already (or refused). */
export const addedNothing = (s: OnboardSummary): boolean => s.talentsCreated === 0 && s.certificatesRecorded === 0 && s.alreadyLoaded > 0

/** The summary as one line of text: counts, refusals by reason, where the rejected rows went. */
export const summaryText = (file: string, s: OnboardSummary, rejects: string | null): string => {
  const reasons = Object.entries(s.refusedByReason).map(([r, n]) => `${r}: ${n}`).join(', ')
  const nothingNew = addedNothing(s) ? ' — nothing new: the file was loaded already' : ''
  return (
    `onboard ${file}: ${s.rowsRead} rows read, ${s.talentsCreated} talents created, ${s.certificatesRecorded} certificates recorded, ` +
    `${s.alreadyLoaded} already in the ledger, ${s.refused} refused${reasons === '' ? '' : ` (${reasons})`}` +
    `${rejects === null ? '' : `; rejected rows in ${rejects}`}${nothingNew}`
  )
}

/** Reads the header row off the front of the rows; the rest follow. */
const splitHeader = async (rows: AsyncIterable<SourceRow>): Promise<{ headers: ReadonlyArray<string>; rest: AsyncIterable<SourceRow> } | null> => {
  const it = rows[Symbol.asyncIterator]()
  const first = await it.next()
  if (first.done === true) return null
  return { headers: first.value.cells, rest: { [Symbol.asyncIterator]: () => it } }
}

/** Runs `onboard`; exit 0 when no row was refused, 1 when any was. */
export const runOnboard = async (file: string, options: OnboardOptions, command: Command): Promise<void> => {
  // the file is read twice or more (a census of each person's rows, then the load): stdin cannot be
  if (file === '-') throw new UsageError('onboard reads its file more than once (counting each person\'s rows first), so not stdin: save the export to a file and name it')
  checkReadable(file)
  if (!statSync(file).isFile()) throw new UsageError(`${file} is not a regular file: onboard reads its file more than once (counting each person's rows first), so a pipe will not do; save the export to a file`)
  const map = options.map === undefined ? {} : (checkReadable(options.map), decodeMap(options.map))
  if (options.encoding !== undefined && !knownEncoding(options.encoding)) throw new UsageError(`--encoding ${JSON.stringify(options.encoding)} is not an encoding this tool knows (e.g. utf-8, gb18030)`)
  const recordDate = recordDateOf(systemClock.now())
  const registeredOn = options.registeredOn === undefined ? recordDate : parseDate('--registered-on', options.registeredOn)
  const durability = parseDurability('--durability', options.durability)
  const chunkRows = options.batch === undefined ? CHUNK_ROWS : parseCount('--batch', options.batch, 1)
  const json = options.json === true
  const source = openRows(file, options.encoding === undefined ? {} : { encoding: options.encoding })
  const split = await splitHeader(source.rows)
  if (split === null) throw new UsageError(`${file} has no header row`)
  const found = layoutOf(split.headers, map)
  if (!found.ok) throw new UsageError(`${file}: no column for ${found.missing.join(', ')} (headers: ${split.headers.join(', ')}); name them in a --map file`)
  const layout: Layout = found.layout
  const rejectsPath = options.rejects ?? `${basename(file, extname(file))}.rejected.csv`
  await withLedger(command, { mustExist: false, durability }, async (opened, ledger) => {
    const rejects = rejectsFile(rejectsPath, split.headers)
    const context = { layout, talentIdOf: await talentIdsOf(opened.keys), employerOf: await employersOf(opened.store, ledger) }
    const cell = (row: SourceRow, index: number | undefined): string => (index === undefined ? '' : (row.cells[index] ?? '').trim())
    const ordered = await inPersonOrder({
      open: rereads(file, source, split.rest),
      personOf: (row) => {
        const id = cell(row, layout.nationalId).toUpperCase()
        return id === '' ? null : context.talentIdOf(id)
      },
      rankOf: (row) => {
        const level = levelOf(cell(row, layout.level))
        return level === null ? -1 : rank(level)
      },
    })
    const progress = onboardProgress(source.totalBytes * ordered.passes)
    const summary = await onboardRows(ordered.rows, {
      layout,
      context,
      issueAs: { actorId: options.actor, registeredOn },
      recordDate,
      execute: executeInOneCommit(ledger, opened.inOneCommit),
      ledger,
      chunkRows,
      sinks: {
        refused: async (row, refusal) => {
          await rejects.add(row.line, row.cells, `${refusal.reason}: ${refusal.message}`)
          if (json) await writeLine(process.stdout, JSON.stringify({ type: 'refused', line: row.line, reason: refusal.reason, message: refusal.message }))
        },
        chunkDone: (s) => progress.update(ordered.bytesRead(), s.rowsRead),
      },
    })
    progress.stop()
    const written = await rejects.close()
    if (json) await writeLine(process.stdout, JSON.stringify({ type: 'summary', file, format: source.format, encoding: source.encoding, ...summary, nothingNew: addedNothing(summary), rejects: written }))
    else await writeLine(process.stdout, summaryText(file, summary, written))
    return summary.refused === 0 ? 0 : 1
  })
}
