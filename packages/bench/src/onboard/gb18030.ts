/**
 * GB18030 bytes for the generator's text. Node decodes GB18030 (WHATWG encoding, full ICU) but does
 * not encode it; the generator only writes ASCII and the Chinese characters of its own lists, all in
 * the two-byte GBK area, so it inverts the decoder over that area once (about 24,000 codes) instead
 * of taking a dependency. Every encoded string is checked by decoding it back.
 */

let table: Map<string, Buffer> | null = null

const gbkTable = (): Map<string, Buffer> => {
  if (table !== null) return table
  const decoder = new TextDecoder('gb18030')
  table = new Map()
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const bytes = Buffer.from([lead, trail])
      const ch = decoder.decode(bytes)
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, bytes)
    }
  return table
}

/** `text` in GB18030; throws for a character outside ASCII and the two-byte area. */
export const gb18030 = (text: string): Buffer => {
  const t = gbkTable()
  const parts: Buffer[] = []
  let ascii = ''
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      ascii += ch
      continue
    }
    if (ascii !== '') parts.push(Buffer.from(ascii, 'latin1'))
    ascii = ''
    const b = t.get(ch)
    if (b === undefined) throw new Error(`no two-byte GB18030 code for ${JSON.stringify(ch)}`)
    parts.push(b)
  }
  if (ascii !== '') parts.push(Buffer.from(ascii, 'latin1'))
  return Buffer.concat(parts)
}

/** Checks that `text` survives encode → decode (once per distinct string list at start-up). */
export const checkRoundTrip = (text: string): void => {
  const back = new TextDecoder('gb18030', { fatal: true }).decode(gb18030(text))
  if (back !== text) throw new Error(`GB18030 round trip changed ${JSON.stringify(text)}`)
}
