/**
 * SHA-256 from `node:crypto` for sealing events: the same function as core's pure-JavaScript
 * `sha256Hex` (UTF-8 bytes in, lowercase hex out), so the chain is identical, but native. The pure
 * one took about a third of the client's CPU per append, which capped how many appends one Node
 * process could feed the server. (store-sqlite has the same one-liner; neither adapter depends on
 * the other, and core must not import `node:`.)
 */
import { createHash } from 'node:crypto'
import type { Sha256Function } from '@talent-ledger/core'

/** SHA-256 of a UTF-8 string as lowercase hex, computed by OpenSSL. */
export const nativeSha256Hex: Sha256Function = (text) => createHash('sha256').update(text, 'utf8').digest('hex')
