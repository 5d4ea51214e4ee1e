/**
 * Masked forms of values for errors, logs and result lines: an identifier, a name or a date that is
 * personal data must not be echoed in clear (it would sit in log files and terminals that crypto-
 * shredding cannot reach). Enough is kept for a person to recognise which value was meant. Which
 * fields are personal is the domain's word (vocabulary/personal-fields.ts); these are the shapes.
 */

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

/** Runs of 15 or more digits (the length of an ID number, old or new) masked wherever they appear in `text`. */
export const maskIdNumbers = (text: string): string => text.replace(/\d{15,}[Xx]?/g, maskIdentifier)
