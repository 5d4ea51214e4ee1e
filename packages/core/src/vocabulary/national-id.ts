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

/**
 * Province codes (GB/T 2260) a resident ID may start with, plus 81/82/83 for the residence permits
 * of Hong Kong, Macao and Taiwan residents (港澳台居民居住证, 2018). 71 (Taiwan) is listed in the
 * standard but no ID is issued under it.
 */
const PROVINCE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [11, 15], [21, 23], [31, 37], [41, 46], [50, 54], [61, 65], [81, 83],
]

const isProvince = (code: number, permits: boolean): boolean =>
  PROVINCE_RANGES.some(([from, to]) => code >= from && code <= to && (permits || from < 81))

/**
 * True when the ID's first two digits name a province (or a residence permit). A first digit 9 is
 * the 2023 foreigners' permanent-residence ID (外国人永久居留身份证): its digits 2–3 name the
 * province that issued it, and its birth date sits in the same digits as a resident's.
 */
export const hasKnownRegion = (id: string): boolean =>
  id.startsWith('9') ? isProvince(Number(id.slice(1, 3)), false) : isProvince(Number(id.slice(0, 2)), true)

/** The birth date encoded in digits 7–14, written `YYYY-MM-DD` (not checked to be a real day). */
export const birthDateInId = (id: string): string => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
