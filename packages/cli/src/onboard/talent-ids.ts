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

/** ID numbers whose talent id is remembered at most (about 0.1 KiB each: some 8 MiB). */
export const REMEMBERED_IDS = 1 << 16

const talentIdWith = (key: Buffer, remembered = REMEMBERED_IDS): TalentIdOf => {
  // each person is asked for in both reads of a file (the census, then the load) and on each of
  // their rows: one HMAC a person for a file of up to `remembered` people; past that the memory is
  // dropped and filled again, so it stays bounded (a later miss costs the HMAC, never another id)
  const known = new Map<string, string>()
  return (nationalId) => {
    let talentId = known.get(nationalId)
    if (talentId === undefined) {
      talentId = `t-${createHmac('sha256', key).update(nationalId, 'utf8').digest('hex').slice(0, 24)}`
      if (known.size >= remembered) known.clear()
      known.set(nationalId, talentId)
    }
    return talentId
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
export const talentIdsOf = async (keys: KeyStore, remembered = REMEMBERED_IDS): Promise<TalentIdOf> => talentIdWith(Buffer.from(await keys.keyFor(TALENT_ID_KEY_SUBJECT)), remembered)
