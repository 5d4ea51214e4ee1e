/**
 * The rejected-rows file: the refused rows as they were read (every original column), then `line`
 * and `reason`, as UTF-8 CSV with a byte-order mark so office software opens it in the right
 * encoding. It holds the file's own personal data (the rows must be fixable), so it is written only
 * where the operator says or beside the working directory, and only when a row was refused; the
 * reason column never holds a name or ID number in clear.
 */
import { once } from 'node:events'
import { createWriteStream, type WriteStream } from 'node:fs'
import { stringify } from 'csv-stringify/sync'
import { finish } from '../output.js'

/** A rejects file opened on the first refusal. */
export interface RejectsFile {
  readonly add: (line: number, cells: ReadonlyArray<string>, reason: string) => Promise<void>
  /** Closes it; the path when anything was written, null otherwise. */
  readonly close: () => Promise<string | null>
}

/** The rejects file at `path`, with `headers` (the export's header row) plus line and reason. */
export const rejectsFile = (path: string, headers: ReadonlyArray<string>): RejectsFile => {
  let out: WriteStream | null = null
  const write = async (text: string): Promise<void> => {
    if (out === null) throw new Error('rejects file not open')
    if (!out.write(text)) await once(out, 'drain')
  }
  return {
    add: async (line, cells, reason) => {
      if (out === null) {
        out = createWriteStream(path, { flags: 'w' })
        await write(`\uFEFF${stringify([[...headers, 'line', 'reason']])}`)
      }
      const padded = Array.from({ length: headers.length }, (_, i) => cells[i] ?? '')
      await write(stringify([[...padded, String(line), reason]]))
    },
    close: async () => {
      if (out === null) return null
      await finish(out)
      return path
    },
  }
}
