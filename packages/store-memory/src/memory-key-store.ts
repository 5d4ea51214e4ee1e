/**
 * The KeyStore port in memory: a 32-byte random key per subject, gone for good once forgotten.
 * There are no files to wipe, so every erasure is complete at once.
 */
import type { KeyStore } from '@talent-ledger/core'

/** Creates an in-memory key store. */
export const createMemoryKeyStore = (): KeyStore & { readonly size: () => number } => {
  const keys = new Map<string, Uint8Array>()
  return {
    keyFor: async (subjectId) => {
      let key = keys.get(subjectId)
      if (key === undefined) {
        key = globalThis.crypto.getRandomValues(new Uint8Array(32))
        keys.set(subjectId, key)
      }
      return key
    },
    find: async (subjectId) => keys.get(subjectId),
    forget: async (subjectId) => {
      keys.delete(subjectId)
      return { complete: true }
    },
    pendingErasures: async () => [],
    completeErasures: async () => ({ completed: [], pending: [] }),
    size: () => keys.size,
  }
}
