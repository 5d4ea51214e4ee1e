/**
 * The KeyStore conformance suite: what every key store promises the ledger for crypto-shredding
 * (core `kernel/ports.ts`). A key is 32 bytes and the same on every call; after `forget` it cannot
 * be read again; `forget` says whether the erasure is complete, and a pending one is listed by
 * `pendingErasures` until `completeErasures` finishes it — with no reader about, at once.
 */
import { describe, expect, it } from 'vitest'
import type { KeyStore } from '@talent-ledger/core'

/** Makes a key store for one test; `close` (if any) releases it afterwards. */
export type KeyStoreFactory = () => Promise<{ readonly keys: KeyStore; readonly close?: () => Promise<void> }>

const withKeys = async (factory: KeyStoreFactory, body: (keys: KeyStore) => Promise<void>): Promise<void> => {
  const { keys, close } = await factory()
  try {
    await body(keys)
  } finally {
    await close?.()
  }
}

/**
 * Registers the KeyStore conformance tests under `describe(name)`; `factory` is called once per
 * test and must return a key store no other process is reading.
 *
 * @example
 * describeKeyStoreConformance('memory', async () => ({ keys: createMemoryKeyStore() }))
 */
export const describeKeyStoreConformance = (name: string, factory: KeyStoreFactory): void => {
  describe(`KeyStore conformance: ${name}`, () => {
    it('gives each subject one 32-byte key, the same on every call', () =>
      withKeys(factory, async (keys) => {
        const key = await keys.keyFor('t-1')
        expect(key).toHaveLength(32)
        expect(await keys.keyFor('t-1')).toEqual(key)
        expect(await keys.find('t-1')).toEqual(key)
        expect(await keys.keyFor('t-2')).not.toEqual(key)
        expect(await keys.find('t-3')).toBeUndefined()
      }))

    it('forgets a key for good and, with no reader about, completes the erasure at once', () =>
      withKeys(factory, async (keys) => {
        await keys.keyFor('t-1')
        await keys.keyFor('t-2')
        expect(await keys.forget('t-1')).toEqual({ complete: true })
        expect(await keys.find('t-1')).toBeUndefined()
        expect(await keys.find('t-2')).toHaveLength(32)
        expect(await keys.pendingErasures()).toEqual([])
        expect(await keys.completeErasures()).toEqual({ completed: [], pending: [] })
      }))

    it('forgets a subject it never held, and the same subject twice, without failing', () =>
      withKeys(factory, async (keys) => {
        expect((await keys.forget('never-keyed')).complete).toBe(true)
        await keys.keyFor('t-1')
        await keys.forget('t-1')
        expect(await keys.forget('t-1')).toEqual({ complete: true })
        expect(await keys.find('t-1')).toBeUndefined()
      }))
  })
}
