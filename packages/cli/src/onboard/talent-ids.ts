/**
 * The talent id of a person in a registry export: `t-` and 24 hex digits of HMAC-SHA256 over the
 * national ID number, keyed with a secret the store's key store keeps (subject `onboard:talent-ids`).
 *
 * Why keyed: onboarding must give the same person the same id on every run (reruns add nothing,
 * several rows of a person fold into one talent) without a table of ID numbers. An ID number has
 * little entropy (region, birth date, a sequence, a check digit: about 10⁹ values a year of birth),
 * so an unkeyed hash of it could be reversed by trying them all; the id would be the ID in clear.
 * With the key, the id says nothing to whoever reads the log, exports it or verifies it. The key
 * lives where the talents' personal-data keys live (same store, same protection), so one ledger
 * keeps one mapping; a copy of the log without the key store cannot recompute it.
 * What it does not do: someone holding the key and an ID number can tell whether that person was
 * onboarded, even after ForgetTalent (the id stays in the log; the name and number are shredded).
 */
import { createHmac } from 'node:crypto'
import type { KeyStore } from '@talent-ledger/core'

/** The key store subject that holds the pseudonym key. */
export const TALENT_ID_KEY_SUBJECT = 'onboard:talent-ids'

/** Maps a national ID number to its talent id in this ledger. */
export type TalentIdOf = (nationalId: string) => string

const talentIdWith = (key: Buffer): TalentIdOf => {
  // a person's rows are adjacent in both reads of a file (the census, then the load): the last
  // answer is asked for again on every further row of the same person
  let lastId = ''
  let lastTalentId = ''
  return (nationalId) => {
    if (nationalId !== lastId || lastTalentId === '') {
      lastTalentId = `t-${createHmac('sha256', key).update(nationalId, 'utf8').digest('hex').slice(0, 24)}`
      lastId = nationalId
    }
    return lastTalentId
  }
}

/**
 * The talent id onboarding gave (or would give) the person with this ID number, for a lookup
 * (`show --national-id`): reads the key only, so it makes none; null when this ledger has onboarded
 * nobody yet (no key).
 */
export const talentIdOfNationalId = async (keys: Pick<KeyStore, 'find'>, nationalId: string): Promise<string | null> => {
  const key = await keys.find(TALENT_ID_KEY_SUBJECT)
  return key === undefined ? null : talentIdWith(Buffer.from(key))(nationalId)
}

/** The id function of the ledger whose key store is `keys` (the key is made on first use). */
export const talentIdsOf = async (keys: KeyStore): Promise<TalentIdOf> => talentIdWith(Buffer.from(await keys.keyFor(TALENT_ID_KEY_SUBJECT)))
