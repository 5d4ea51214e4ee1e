/**
 * The hash `verify` and `import` recompute every event's chain with: SHA-256 from `node:crypto`,
 * the same function as core's pure-JavaScript `sha256Hex` (UTF-8 in, lowercase hex out) but native,
 * so checking a large log is bound by reading it rather than by hashing.
 */
import { createHash } from 'node:crypto'
import type { Sha256Function } from '@talent-ledger/core'

/** SHA-256 of a UTF-8 string as lowercase hex, computed by OpenSSL. */
export const sha256: Sha256Function = (text) => createHash('sha256').update(text, 'utf8').digest('hex')
