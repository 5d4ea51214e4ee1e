/**
 * 居民身份证号码 (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character.
 * Checked at the boundary so a mistyped number is refused before it is sealed away.
 */
import * as t from 'io-ts'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** The check character for the first 17 digits. */
export const nationalIdCheckChar = (first17: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK[sum % 11]!
}

/** True for an 18-character ID number whose check character is right. */
export const isNationalId = (s: string): boolean => /^\d{17}[\dX]$/.test(s) && nationalIdCheckChar(s.slice(0, 17)) === s[17]

/** Codec of a national ID number. */
export const NationalId = t.refinement(t.string, isNationalId, 'NationalId (18 characters, valid check digit)')
