/**
 * `apply FILE|-`: JSON Lines of commands, each run through the ledger service in order. One result
 * line per command on stdout, in the contract's exact shape plus `line` (1-based). A line that is
 * not JSON, or longer than `MAX_LINE_BYTES` (never parsed, never held whole), is answered with a
 * `Malformed` result naming the line; blank lines are skipped. A refusal stores nothing and the
 * lines after it still run. No result echoes an ID number in clear (`maskIdNumbers`).
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

/** Runs every command line; exit code 0 when all were accepted, 1 when any was refused. */
export const applyLines = async (ledger: TalentLedger, lines: AsyncIterable<BoundedLine>, out: Writable): Promise<ApplySummary> => {
  let accepted = 0
  let rejected = 0
  let lineNumber = 0
  for await (const line of lines) {
    lineNumber++
    let result: CommandResult
    if (typeof line !== 'string') result = overlong(lineNumber, line.overlongBytes)
    else if (line.trim() === '') continue
    else {
      const parsed = parseLine(line, lineNumber)
      result = 'refusal' in parsed ? parsed.refusal : await ledger.execute(parsed.raw)
    }
    if (result.ok) accepted++
    else rejected++
    await writeLine(out, resultLine(result, lineNumber))
  }
  return { accepted, rejected }
}
