/**
 * Headers that let a mail receiver drop duplicates (去重): the `Message-ID` is derived from the
 * idempotency key (the same on every retry), and the key itself travels in `X-Idempotency-Key` (as
 * its ASCII header form: a Chinese recipient id percent-encoded, never MIME-encoded words). The
 * key holds characters a Message-ID may not (`:`), so the Message-ID carries its SHA-256 instead.
 */
import { createHash } from 'node:crypto'

/** Header carrying the outbox row id in its ASCII header form (core `idempotencyHeaderOf`: non-ASCII percent-encoded). */
export const IDEMPOTENCY_HEADER = 'X-Idempotency-Key'

/** `<sha256(key) in hex, first 32 digits>@domain`: stable for a key, valid under RFC 5322. */
export const messageIdFor = (idempotencyKey: string, domain: string): string =>
  `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@${domain}>`

/** The domain of an address such as `Bureau <notices@hr.example.gov.cn>` (default `talent-ledger.local`). */
export const domainOf = (address: string): string => /@([A-Za-z0-9.-]+)>?\s*$/.exec(address)?.[1] ?? 'talent-ledger.local'
