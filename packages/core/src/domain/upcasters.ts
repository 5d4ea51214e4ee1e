/**
 * The ledger's own upcasters (every aggregate's, appended here) and the schema version each event
 * type is written with: 1, or one more than the last step an upcaster lifts it from. Readers apply
 * `domainUpcast` before decoding, so logs written by earlier versions read back as they did.
 */
import { upcasterChain, type Upcast, type Upcaster } from '../kernel/upcasting.js'
import { TALENT_UPCASTERS } from './talent/upcasters.js'

/** Every upcaster of the domain (append an aggregate's list here). */
export const DOMAIN_UPCASTERS: ReadonlyArray<Upcaster> = [...TALENT_UPCASTERS]

const CURRENT: ReadonlyMap<string, number> = DOMAIN_UPCASTERS.reduce(
  (m, u) => m.set(u.type, Math.max(m.get(u.type) ?? 1, u.fromVersion + 1)),
  new Map<string, number>(),
)

/** The schema version new events of `type` are written with. */
export const schemaVersionOf = (type: string): number => CURRENT.get(type) ?? 1

/** Lifts a stored event to the current schema of its type (identity for types that never changed). */
export const domainUpcast: Upcast = upcasterChain(DOMAIN_UPCASTERS)

/** The domain's upcasters followed by a caller's own (a caller's step for the same type and version wins). */
export const withDomainUpcasters = (extra: ReadonlyArray<Upcaster> = []): Upcast => upcasterChain([...DOMAIN_UPCASTERS, ...extra])
