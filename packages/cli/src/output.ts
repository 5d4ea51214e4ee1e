/**
 * Writing lines to stdout or a file with back-pressure, so exporting a large log or answering a
 * long apply stream neither buffers everything in memory nor loses output when piped.
 */
import { once } from 'node:events'
import type { Writable } from 'node:stream'

/** Writes one line (a newline is added); waits when the stream's buffer is full. */
export const writeLine = async (out: Writable, line: string): Promise<void> => {
  if (!out.write(`${line}\n`)) await once(out, 'drain')
}

/** Ends a stream (a file) and waits until everything is flushed. */
export const finish = async (out: Writable): Promise<void> => {
  out.end()
  await once(out, 'finish')
}

/** Prints `value` as one JSON line on stdout. */
export const printJson = (value: unknown): Promise<void> => writeLine(process.stdout, JSON.stringify(value))

/** Prints each line on stdout. */
export const printLines = async (lines: ReadonlyArray<string>): Promise<void> => {
  for (const line of lines) await writeLine(process.stdout, line)
}
