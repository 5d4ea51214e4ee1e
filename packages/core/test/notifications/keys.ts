// A tiny in-memory KeyStore for the notification tests (the memory one lives in store-memory,
// which depends on core), and a talent whose personal data is sealed with it.
import { randomBytes } from 'node:crypto'
import { type KeyStore } from '../../src/index.js'
import { sealPersonalData } from '../../src/domain/personal-data.js'
import { type NotifiedTalent } from '../../src/notifications/outbox-entries.js'

export const keyStore = (): KeyStore => {
  const keys = new Map<string, Uint8Array>()
  return {
    keyFor: async (id) => {
      if (!keys.has(id)) keys.set(id, new Uint8Array(randomBytes(32)))
      return keys.get(id)!
    },
    find: async (id) => keys.get(id),
    forget: async (id) => ({ complete: keys.delete(id) || true }),
    pendingErasures: async () => [],
    completeErasures: async () => ({ completed: [], pending: [] }),
  }
}

/** Talent `t-1` of port-co, its name, national id and birth date sealed with `keys`. */
export const sealedTalent = async (keys: KeyStore, name: string, nationalId: string): Promise<NotifiedTalent> => ({
  employerId: 'port-co',
  personal: await sealPersonalData(keys, 't-1', { name, nationalId, birthDate: '1991-05-02' }),
})
