/**
 * Personal information (个人信息保护法): name, national ID and birth date are sealed with a key held
 * per talent by the KeyStore port, so no stored event holds them in clear. Forgetting the key
 * erases the person (crypto-shredding); the ciphertext stays, so the hash chain still verifies.
 * XChaCha20-Poly1305 with a random 24-byte nonce (from the platform's Web Crypto).
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha'
import { bytesToHex, bytesToUtf8, hexToBytes, utf8ToBytes } from '@noble/ciphers/utils'
import { managedNonce } from '@noble/ciphers/webcrypto'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { LocalDate } from '../kernel/dates.js'
import { describeErrors } from '../kernel/decode-errors.js'
import type { KeyStore } from '../kernel/ports.js'

/** Personal data sealed with the talent's key (crypto-shredding). Hex of nonce ‖ ciphertext ‖ tag. */
export const SealedPersonalData = t.type({
  alg: t.literal('xchacha20poly1305'),
  keyId: t.string,
  ciphertext: t.string,
})
export type SealedPersonalData = t.TypeOf<typeof SealedPersonalData>

/** The personal fields of a talent: decoded after opening, like any other input. */
export const PersonalData = t.type({ name: t.string, nationalId: t.string, birthDate: LocalDate })
export type PersonalData = t.TypeOf<typeof PersonalData>

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
  const opened = PersonalData.decode(JSON.parse(bytesToUtf8(plaintext)))
  // authentic (the tag checked) yet not our shape: sealed by something else with this key
  if (E.isLeft(opened)) throw new Error(`sealed personal data of ${sealed.keyId} is not a talent's (fields ${describeErrors(opened.left).map((d) => d.field).join(', ')}: values withheld, they are personal)`)
  return opened.right
}
