/**
 * Sealing a workload's batches with core's `sealEvents` and no store, chaining each stream from the
 * head the previous batch left: how much of an append the SHA-256 chain is (the benches print it),
 * and, untimed, the warm-up a fresh writer process does so the JIT has compiled the hashing.
 */
import { sealEvents, type Sha256Function } from '@talent-ledger/core'
import type { Batch } from './workload.js'

/** Seals every batch of `batches` in order with `sha`; returns the milliseconds it took. */
export const timeSealing = (batches: ReadonlyArray<Batch>, sha: Sha256Function): number => {
  const t0 = performance.now()
  const heads = new Map<string, string>()
  for (const b of batches) {
    const sealed = sealEvents({ streamId: b.streamId, version: b.expected, hash: heads.get(b.streamId) ?? '' }, b.events, (i) => i, sha)
    heads.set(b.streamId, sealed[sealed.length - 1]!.hash)
  }
  return performance.now() - t0
}
