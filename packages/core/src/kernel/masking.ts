/**
 * Masked forms of personal data for errors, logs and result lines: a refused national ID, name or
 * birth date must not be echoed in clear (it would sit in log files and terminals that crypto-
 * shredding cannot reach). Enough is kept for a person to recognise which value was meant.
 */

/** Fields whose values are personal data (DOMAIN.md §9), wherever they appear in a command. */
export const PERSONAL_FIELDS: ReadonlyArray<string> = ['name', 'nationalId', 'birthDate']

/** `3207**********0018`: the first and last four characters, the rest starred (short values: all). */
export const maskIdentifier = (s: string): string => {
  const chars = [...s]
  return chars.length <= 8 ? '*'.repeat(chars.length) : `${chars.slice(0, 4).join('')}${'*'.repeat(chars.length - 8)}${chars.slice(-4).join('')}`
}

/** `王**`: the first character, the rest starred. */
export const maskName = (s: string): string => {
  const chars = [...s]
  return chars.length === 0 ? '' : `${chars[0]}${'*'.repeat(chars.length - 1)}`
}

/** `****-**-**`: every digit starred, the shape kept. */
export const maskDate = (s: string): string => s.replace(/\d/g, '*')

/** A value of a personal field, masked; other values as they are. */
export const maskField = (field: string, value: string): string => {
  const key = field.slice(field.lastIndexOf('.') + 1)
  return key === 'nationalId' ? maskIdentifier(value) : key === 'name' ? maskName(value) : key === 'birthDate' ? maskDate(value) : value
}

/** Runs of 15 or more digits (the length of an ID number, old or new) masked wherever they appear in `text`. */
export const maskIdNumbers = (text: string): string => text.replace(/\d{15,}[Xx]?/g, maskIdentifier)

/** True when the field (its last key) holds personal data. */
export const isPersonalField = (field: string): boolean => PERSONAL_FIELDS.includes(field.slice(field.lastIndexOf('.') + 1))
