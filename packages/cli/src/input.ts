/**
 * Reading input files: JSON Lines from a file or stdin (`-`), line by line so large inputs stream,
 * and the JSON files options name. A file that cannot be read is an unusable argument (exit 2),
 * found before any store is opened.
 */
import { accessSync, constants, createReadStream, readFileSync, statSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { boundedLines, type BoundedLine } from './bounded-lines.js'
import { UsageError } from './usage-error.js'

/** Checks that `file` can be read (stdin `-` always can). */
export const checkReadable = (file: string): void => {
  if (file === '-') return
  try {
    accessSync(file, constants.R_OK)
    if (statSync(file).isDirectory()) throw new UsageError(`cannot read ${file}: it is a directory`)
  } catch (error) {
    if (error instanceof UsageError) throw error
    const code = (error as { code?: string }).code
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error)}`)
  }
}

/** The lines of `file` (or stdin for `-`), without line endings. */
export const linesOf = (file: string): AsyncIterable<string> =>
  createInterface({ input: file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })

/** The lines of `file` (or stdin for `-`), each at most `maxBytes` long; a longer one comes as an `OverlongLine`. */
export const boundedLinesOf = (file: string, maxBytes: number): AsyncIterable<BoundedLine> =>
  boundedLines(file === '-' ? process.stdin : createReadStream(file), maxBytes)

/**
 * The JSON in `file`, given by `option` (`--config`, `--officials`, an environment variable): a file
 * that cannot be read, or is not JSON, is an unusable argument (exit 2) naming the option and why.
 */
export const readJsonFile = (option: string, file: string): unknown => {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new UsageError(`cannot read ${option} ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(error)}`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new UsageError(`${option} ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
}
