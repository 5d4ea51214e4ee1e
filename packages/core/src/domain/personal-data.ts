/**
 * Personal information (个人信息保护法): name, national ID and birth date are sealed with a key held
 * per talent by the KeyStore port, so no stored event holds them in clear. Forgetting the key
 * erases the person (crypto-shredding); the ciphertext stays, so the hash chain still verifies.
 * XChaCha20-Poly1305 with a random 24-byte nonce (from the platform's Web Crypto).
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha'
import { bytesToHex, bytesToUtf8, hexToBytes, utf8ToBytes } from '@noble/ciphers/utils'
import { managedNonce } from '@noble/ciphers/webcrypto'
import type { KeyStore } from '../kernel/ports.js'
import type { SealedPersonalData } from './events.js'

/** The personal fields of a talent. */
export interface PersonalData {
  readonly name: string
  readonly nationalId: string
  readonly birthDate: string
}

const cipher = (key: Uint8Array) => managedNonce(xchacha20poly1305)(key)

/** Seals personal data with the subject's key (created on first use). */
export const sealPersonalData = async (keys: KeyStore, subjectId: string, data: PersonalData): Promise<SealedPersonalData> => {
  const key = await keys.keyFor(subjectId)
  const plaintext = utf8ToBytes(JSON.stringify({ name: data.name, nationalId: data.nationalId, birthDate: data.birthDate }))
  return { alg: 'xchacha20poly1305', keyId: subjectId, ciphertext: bytesToHex(cipher(key).encrypt(plaintext)) }
}

/** Opens sealed data; null once the key was forgotten. Throws when the ciphertext was tampered with. */
export const openPersonalData = async (keys: Pick<KeyStore, 'find'>, sealed: SealedPersonalData): Promise<PersonalData | null> => {
  const key = await keys.find(sealed.keyId)
  if (key === undefined) return null
  const plaintext = cipher(key).decrypt(hexToBytes(sealed.ciphertext))
  return JSON.parse(bytesToUtf8(plaintext)) as PersonalData
}
