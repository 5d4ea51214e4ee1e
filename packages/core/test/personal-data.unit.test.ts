/**
 * Personal data (个人信息): sealed per talent so no event holds it in clear, opened again with the
 * talent's key, and gone for good once the key is forgotten (crypto-shredding) — while the sealed
 * form, which the hash chain covers, stays as it was. The KeyStore here is the tiny one of the
 * notification tests: the memory KeyStore lives in store-memory, which depends on core.
 */
import { describe, expect, it } from 'vitest'
import { type PersonalData } from '../src/index.js'
import { openPersonalData, sealPersonalData } from '../src/domain/personal-data.js'
import { keyStore } from './notifications/keys.js'


const person: PersonalData = { name: '王建国', nationalId: '32070119800101001X', birthDate: '1980-01-01' }

describe('personal data', () => {
  it('round-trips through seal and open', async () => {
    const keys = keyStore()
    const sealed = await sealPersonalData(keys, 'talent-42', person)
    expect(sealed.alg).toBe('xchacha20poly1305')
    expect(sealed.keyId).toBe('talent-42')
    expect(await openPersonalData(keys, sealed)).toEqual(person)
  })

  it('holds nothing in clear and uses a fresh nonce each time', async () => {
    const keys = keyStore()
    const a = await sealPersonalData(keys, 'talent-42', person)
    const b = await sealPersonalData(keys, 'talent-42', person)
    const text = JSON.stringify(a)
    for (const clear of ['王建国', Buffer.from('王建国').toString('hex'), '32070119800101001X', '1980-01-01']) expect(text).not.toContain(clear)
    expect(a.ciphertext).not.toBe(b.ciphertext)
  })

  it('never repeats a nonce over 600 seals, and each seal opens', async () => {
    const keys = keyStore()
    const sealed = await Promise.all(Array.from({ length: 600 }, () => sealPersonalData(keys, 'talent-42', person)))
    // hex of nonce ‖ ciphertext ‖ tag: the nonce is the first 24 bytes
    expect(new Set(sealed.map((s) => s.ciphertext.slice(0, 48))).size).toBe(600)
    for (const s of sealed) expect(await openPersonalData(keys, s)).toEqual(person)
  })

  it('returns null after forget, and the sealed form is unchanged', async () => {
    const keys = keyStore()
    const sealed = await sealPersonalData(keys, 'talent-42', person)
    const before = structuredClone(sealed)
    await keys.forget('talent-42')
    expect(await openPersonalData(keys, sealed)).toBeNull()
    expect(sealed).toEqual(before)
    // a new key for the same subject does not bring the person back
    await keys.keyFor('talent-42')
    await expect(openPersonalData(keys, sealed)).rejects.toThrow()
  })

  it("keeps one talent's key from opening another's data", async () => {
    const keys = keyStore()
    const sealed = await sealPersonalData(keys, 'talent-1', person)
    await keys.keyFor('talent-2')
    await expect(openPersonalData(keys, { ...sealed, keyId: 'talent-2' })).rejects.toThrow()
    await keys.forget('talent-2')
    expect(await openPersonalData(keys, sealed)).toEqual(person)
  })

  it('throws when the ciphertext was tampered with', async () => {
    const keys = keyStore()
    const sealed = await sealPersonalData(keys, 'talent-42', person)
    const last = sealed.ciphertext.slice(-1)
    const flipped = sealed.ciphertext.slice(0, -1) + (last === '0' ? '1' : '0')
    await expect(openPersonalData(keys, { ...sealed, ciphertext: flipped })).rejects.toThrow()
  })
})
