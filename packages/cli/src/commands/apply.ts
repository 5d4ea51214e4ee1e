/**
 * `apply FILE|-`: JSON Lines of commands, each run through the ledger service in order. One result
 * line per command on stdout, in the contract's exact shape. A line that is not JSON is answered
 * with a `Malformed` result naming the line; blank lines are skipped. A refusal stores nothing and
 * the lines after it still run.
 */
import type { Writable } from 'node:stream'
import type { CommandResult, TalentLedger } from '@talent-ledger/core'
import { writeLine } from '../output.js'

/** What an apply run did. */
export interface ApplySummary {
  readonly accepted: number
  readonly rejected: number
}

/** The result line for input that is not JSON at all. */
export const notJson = (lineNumber: number, error: unknown): CommandResult => {
  const reason = error instanceof Error ? error.message : String(error)
  return {
    ok: false,
    error: { code: 'Malformed', message: `line ${lineNumber} is not JSON: ${reason}`, details: [{ field: '(root)', message: `line ${lineNumber}: ${reason}` }] },
  }
}

const parseLine = (line: string, lineNumber: number): { readonly raw: unknown } | { readonly refusal: CommandResult } => {
  try {
    return { raw: JSON.parse(line) }
  } catch (error) {
    return { refusal: notJson(lineNumber, error) }
  }
}

/** The contract's result line: exactly these keys, in this order (`erasure` only when a ForgetTalent's erasure is pending). */
const resultLine = (r: CommandResult): string =>
  JSON.stringify(
    r.ok
      ? { ok: true, stream: r.stream, version: r.version, events: r.events, ...(r.erasure === undefined ? {} : { erasure: r.erasure }) }
      : { ok: false, error: { code: r.error.code, message: r.error.message, details: r.error.details } },
  )

/** Runs every command line; exit code 0 when all were accepted, 1 when any was refused. */
export const applyLines = async (ledger: TalentLedger, lines: AsyncIterable<string>, out: Writable): Promise<ApplySummary> => {
  let accepted = 0
  let rejected = 0
  let lineNumber = 0
  for await (const line of lines) {
    lineNumber++
    if (line.trim() === '') continue
    const parsed = parseLine(line, lineNumber)
    const result = 'refusal' in parsed ? parsed.refusal : await ledger.execute(parsed.raw)
    if (result.ok) accepted++
    else rejected++
    await writeLine(out, resultLine(result))
  }
  return { accepted, rejected }
}
