/**
 * `erasures`: crypto-shredding that a reader blocked. `ForgetTalent` deletes the talent's key at
 * once, but while another process holds an old snapshot of the store the key's bytes can stay in
 * the store's files; its result line then says `"erasure":"pending"`. This verb lists those
 * erasures (`--list`) or tries to finish them (default) and says which are done and which are
 * still held by a reader. Exit 0 when none is left pending, 1 when some still are.
 */
import type { KeyStore, PendingErasure } from '@talent-ledger/core'

/** The one JSON line `erasures` prints. */
export type ErasuresResult =
  | { readonly ok: true; readonly completed: ReadonlyArray<string>; readonly pending: ReadonlyArray<PendingErasure> }
  | {
      readonly ok: false
      readonly completed: ReadonlyArray<string>
      readonly pending: ReadonlyArray<PendingErasure>
      readonly message: string
    }

const STILL_HELD =
  'a reader still holds an old snapshot of the store (on PostgreSQL also: an old transaction, a replication slot, or a role that does not own the keys table), so the key bytes of the pending talents may remain in its files; end it and run erasures again'

/** Lists the pending erasures (`list`) or completes what it can, as one result. */
export const runErasures = async (keys: KeyStore, options: { readonly list: boolean }): Promise<ErasuresResult> => {
  const { completed, pending } = options.list ? { completed: [], pending: await keys.pendingErasures() } : await keys.completeErasures()
  if (pending.length === 0) return { ok: true, completed, pending }
  return { ok: false, completed, pending, message: options.list ? 'erasures are pending: run erasures without --list to complete them' : STILL_HELD }
}
