/**
 * Reading JSON Lines with a bound on each line: a line longer than `maxBytes` is never held whole
 * in memory (its bytes are counted and dropped up to the next newline) nor parsed; it comes out as
 * an `OverlongLine` so `apply` can refuse it by number and go on with the next. Lines end at LF; a
 * CR before it is dropped (CRLF files), as `readline` does.
 */
import type { Readable } from 'node:stream'

/** A line that was over the bound: how many bytes it had. */
export interface OverlongLine {
  readonly overlongBytes: number
}

/** One input line: its text, or the fact that it was too long. */
export type BoundedLine = string | OverlongLine

const LF = 0x0a
const CR = 0x0d

/** The lines of `input`, each either its text (without line ending) or an `OverlongLine`. */
export async function* boundedLines(input: Readable, maxBytes: number): AsyncGenerator<BoundedLine> {
  let parts: Buffer[] = []
  let held = 0
  let overlong = -1 // bytes of the current line once it went over the bound; -1 while within it
  const finishLine = (): BoundedLine => {
    const line: BoundedLine = overlong >= 0 ? { overlongBytes: overlong } : textOf(Buffer.concat(parts, held), maxBytes)
    parts = []
    held = 0
    overlong = -1
    return line
  }
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    let start = 0
    while (start <= bytes.length) {
      const newline = bytes.indexOf(LF, start)
      const end = newline === -1 ? bytes.length : newline
      const piece = end - start
      if (overlong >= 0) overlong += piece
      else if (held + piece > maxBytes + 1) {
        // one byte of slack for the CR of a CRLF line ending
        overlong = held + piece
        parts = []
        held = 0
      } else if (piece > 0) {
        parts.push(bytes.subarray(start, end))
        held += piece
      }
      if (newline === -1) break
      yield finishLine()
      start = newline + 1
    }
  }
  if (held > 0 || overlong >= 0) yield finishLine()
}

/** The text of a complete line, its CR dropped (a line over the bound only by that CR is within it). */
const textOf = (line: Buffer, maxBytes: number): BoundedLine => {
  const body = line.length > 0 && line[line.length - 1] === CR ? line.subarray(0, line.length - 1) : line
  return body.length > maxBytes ? { overlongBytes: line.length } : body.toString('utf8')
}
