/**
 * A deterministic stand-in for sealed personal data, so a `RegisterTalent` spec stays pure (no
 * KeyStore, no random nonce) and its expected `TalentRegistered` event can be written down. The
 * "ciphertext" is a SHA-256 digest: it never holds the name or ID number in clear, like the real one.
 */
import { canonicalJson, sha256Hex, type PersonalData, type SealedPersonalData } from '@talent-ledger/core'

/** The sealed form a spec gives a talent's personal data (same input, same output). */
export const fakeSeal = (talentId: string, personal: PersonalData): SealedPersonalData => ({
  alg: 'xchacha20poly1305',
  keyId: talentId,
  ciphertext: sha256Hex(
    `talent-ledger/testing fake seal|${canonicalJson({ name: personal.name, nationalId: personal.nationalId, birthDate: personal.birthDate })}`,
  ),
})
