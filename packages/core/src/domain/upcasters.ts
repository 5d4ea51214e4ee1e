/**
 * The event shapes that changed since 0.1, with their schema versions and the upcasters that lift
 * an older row on read (the stored row, which the hash chain covers, is never rewritten). Every
 * reader of the log starts from these: the ledger, the verifier and the projections' default
 * decoder; an embedder's own upcasters run after them.
 */
import { upcasterChain, type Upcast, type Upcaster } from '../kernel/upcasting.js'

/**
 * The schema version new events of a type are written with: 1 unless listed. A type is listed
 * when its shape changed, with an upcaster below from every earlier version.
 */
export const EVENT_SCHEMA_VERSIONS: Readonly<Record<string, number>> = {
  // DOMAIN.md §14: honours catalogue (honourId, kind, source, policyId)
  HonorConferred: 2,
}

/** The schema version an event of `type` is written with today. */
export const schemaVersionOf = (type: string): number => EVENT_SCHEMA_VERSIONS[type] ?? 1

const withNulls =
  (...keys: ReadonlyArray<string>) =>
  (data: unknown): unknown => {
    const d = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {}
    // absent → null (DOMAIN.md §10–17 preamble); a value already there is kept
    return { ...Object.fromEntries(keys.map((k) => [k, null])), ...d }
  }

/** The ledger's own upcasters, one step each. */
export const LEDGER_UPCASTERS: ReadonlyArray<Upcaster> = [
  // a v1 honour was free text: no catalogue entry, kind, source or policy was recorded
  { type: 'HonorConferred', fromVersion: 1, upcast: withNulls('honourId', 'kind', 'source', 'policyId') },
]

/** The ledger's upcasters followed by `extra` (an embedder's), as one upcast function. */
export const ledgerUpcast = (extra: ReadonlyArray<Upcaster> = []): Upcast => upcasterChain([...LEDGER_UPCASTERS, ...extra])
