/**
 * Which text encoding a CSV export is in. Chinese office software writes GB18030 (GBK) by default,
 * newer tools UTF-8, often with a byte-order mark. The first 64 KiB decide: a UTF-8 BOM, or bytes
 * that are valid UTF-8 (a character cut by the sample's end aside), mean UTF-8; anything else is
 * read as GB18030, a superset of GBK and GB2312. `--encoding` overrides the guess.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import iconv from 'iconv-lite'

/** Encodings `--encoding` accepts (any name iconv-lite knows is passed through as given). */
export type TextEncoding = string

const SAMPLE_BYTES = 64 * 1024

/** True when `bytes` decode as UTF-8, ignoring a multi-byte character cut off at the very end. */
const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
    return true
  } catch {
    return false
  }
}

/** The encoding of a buffer's start: `utf-8` or `gb18030`. */
export const detectEncoding = (sample: Uint8Array): TextEncoding =>
  sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 'utf-8' : isUtf8(sample) ? 'utf-8' : 'gb18030'

/** The encoding of the file's first 64 KiB. */
export const detectFileEncoding = (file: string): TextEncoding => {
  const fd = openSync(file, 'r')
  try {
    const sample = Buffer.alloc(SAMPLE_BYTES)
    const read = readSync(fd, sample, 0, SAMPLE_BYTES, 0)
    return detectEncoding(sample.subarray(0, read))
  } finally {
    closeSync(fd)
  }
}

/** True when iconv-lite can decode `encoding`. */
export const knownEncoding = (encoding: string): boolean => iconv.encodingExists(encoding)
