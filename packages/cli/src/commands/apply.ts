/**
 * `apply FILE|-`: JSON Lines of commands, each run through the ledger service in order. One result
 * line per command on stdout, in the contract's exact shape plus `line` (1-based). A line that is
 * not JSON, or longer than `MAX_LINE_BYTES` (never parsed, never held whole), is answered with a
 * `Malformed` result naming the line; blank lines are skipped. A refusal stores nothing and the
 * lines after it still run. No result echoes an ID number in clear (`maskIdNumbers`).
 * Commands are committed in batches (`--batch N`, group commit through `ledger.executeMany`): the
 * result lines are exactly those of one command at a time, each written once its batch is stored.
 */
import type { Writable } from 'node:stream'
import { MAX_LINE_BYTES, maskIdNumbers, type CommandResult, type DomainError, type TalentLedger } from '@talent-ledger/core'
import type { BoundedLine } from '../bounded-lines.js'
import { writeLine } from '../output.js'

/** What an apply run did. */
export interface ApplySummary {
  readonly accepted: number
  readonly rejected: number
}

const refusal = (lineNumber: number, what: string, reason: string): CommandResult => ({
  ok: false,
  error: { code: 'Malformed', message: `line ${lineNumber} ${what}: ${reason}`, details: [{ field: '(root)', message: `line ${lineNumber}: ${reason}` }] },
})

/**
 * Why JSON.parse refused a line, without the excerpt of the line V8 quotes (it may hold a name or
 * an ID number): `Unexpected token 'o', "{"type": …" is not valid JSON` → `Unexpected token 'o'`.
 */
const parseFailure = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/, ".*" is not valid JSON$/s, '').replace(/"[^"]*"/g, '"…"')
}

/** The result line for input that is not JSON at all. */
export const notJson = (lineNumber: number, error: unknown): CommandResult => refusal(lineNumber, 'is not JSON', parseFailure(error))

/** The result line for a line over the length limit (it was neither kept nor parsed). */
export const overlong = (lineNumber: number, bytes: number): CommandResult =>
  refusal(lineNumber, 'is too long', `${bytes} bytes, over the limit of ${MAX_LINE_BYTES}; it was not read`)

const parseLine = (line: string, lineNumber: number): { readonly raw: unknown } | { readonly refusal: CommandResult } => {
  try {
    return { raw: JSON.parse(line) }
  } catch (error) {
    return { refusal: notJson(lineNumber, error) }
  }
}

/** An error's text with ID-like numbers masked: the last guard before a terminal or a log file. */
const masked = (e: DomainError): DomainError => ({
  code: e.code,
  message: maskIdNumbers(e.message),
  details: e.details.map((d) => ({ ...d, message: maskIdNumbers(d.message) })),
})

/** The contract's result line: exactly these keys, in this order (`erasure` only when a ForgetTalent's erasure is pending), then `line`. */
const resultLine = (r: CommandResult, line: number): string => {
  if (r.ok)
    return JSON.stringify({ ok: true, stream: r.stream, version: r.version, events: r.events, ...(r.erasure === undefined ? {} : { erasure: r.erasure }), line })
  const error = masked(r.error)
  return JSON.stringify({ ok: false, error: { code: error.code, message: error.message, details: error.details }, line })
}

// how many commands `apply` commits together by default, with the other defaults --help names
export { DEFAULT_APPLY_BATCH } from '../verb-defaults.js'

/**
 * A batch is also committed once the lines it holds reach this many bytes (JSON text), so a file
 * of long lines does not hold `batch × MAX_LINE_BYTES` in memory.
 */
const MAX_BATCH_BYTES = 8 * 1024 * 1024

/** Options of `applyLines`. */
export interface ApplyOptions {
  /**
   * Commands decided and committed together (`ledger.executeMany`): 1 runs each line on its own
   * and answers it before the next is read (streaming, for a pipe that waits for each answer).
   * Results are the same either way; a batch's lines are answered once it is committed.
   */
  readonly batch?: number
}

type Pending = { readonly line: number; readonly raw: unknown } | { readonly line: number; readonly result: CommandResult }

/** Runs every command line; exit code 0 when all were accepted, 1 when any was refused. */
export const applyLines = async (ledger: TalentLedger, lines: AsyncIterable<BoundedLine>, out: Writable, options: ApplyOptions = {}): Promise<ApplySummary> => {
  const batch = Math.max(1, options.batch ?? 1)
  let accepted = 0
  let rejected = 0
  let lineNumber = 0
  let pending: Pending[] = []
  let commands = 0
  let bytes = 0
  const answer = async (result: CommandResult, line: number): Promise<void> => {
    if (result.ok) accepted++
    else rejected++
    await writeLine(out, resultLine(result, line))
  }
  const flush = async (): Promise<void> => {
    const raws = pending.flatMap((p) => ('raw' in p ? [p.raw] : []))
    const results = raws.length === 0 ? [] : batch === 1 ? [await ledger.execute(raws[0])] : await ledger.executeMany(raws)
    let k = 0
    for (const p of pending) await answer('raw' in p ? results[k++]! : p.result, p.line)
    pending = []
    commands = 0
    bytes = 0
  }
  for await (const line of lines) {
    lineNumber++
    if (typeof line !== 'string') pending.push({ line: lineNumber, result: overlong(lineNumber, line.overlongBytes) })
    else if (line.trim() === '') continue
    else {
      const parsed = parseLine(line, lineNumber)
      if ('refusal' in parsed) pending.push({ line: lineNumber, result: parsed.refusal })
      else {
        pending.push({ line: lineNumber, raw: parsed.raw })
        commands++
        bytes += line.length
      }
    }
    if (commands >= batch || bytes >= MAX_BATCH_BYTES || (commands === 0 && batch === 1)) await flush()
  }
  await flush()
  return { accepted, rejected }
}
