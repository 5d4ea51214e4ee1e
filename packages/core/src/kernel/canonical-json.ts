/**
 * Canonical JSON (RFC 8785, JCS) written directly: keys sorted by UTF-16 code units, strings and
 * numbers as ECMAScript's `JSON.stringify` writes them (which is what the RFC prescribes), no
 * whitespace. It gives the text of the `canonicalize` package byte for byte — refusing what it
 * refuses (NaN, ±Infinity, a lone surrogate, a cycle) — and is checked against the RFC's vectors
 * and, as a property, against that package. Hashing reads every event's canonical text (sealing,
 * `verify`, export), so it avoids the package's per-value work: the lone-surrogate scan runs
 * only on strings whose JSON text escaped a surrogate, and the envelope's seven fields are
 * written in their known sorted order instead of being sorted for every event.
 */
import canonicalize from 'canonicalize'
import type { HashedFields } from './envelope.js'

/** True when `s` holds a UTF-16 surrogate without its pair (RFC 8785 refuses such a string). */
const hasLoneSurrogate = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true
      i++
    } else if (c >= 0xdc00 && c <= 0xdfff) return true
  }
  return false
}

/** A string's JSON text; refuses a lone surrogate. */
const stringJson = (s: string): string => {
  const text = JSON.stringify(s)
  // well-formed JSON.stringify escapes a lone surrogate as \udXXX, which lengthens the text: a
  // text of the string's length plus its two quotes escaped nothing, so it holds no lone surrogate
  if (text.length !== s.length + 2 && text.includes('\\ud') && hasLoneSurrogate(s)) throw new Error('Lone surrogate is not allowed')
  return text
}

// the depth past which a value is taken for a cycle and handed to the package, which names it
const MAX_DEPTH = 500

// keys repeat from object to object (the codecs' field names): their JSON text is kept, up to a bound
const keyTexts = new Map<string, string>()
const KEY_TEXTS_MAX = 4096

/** A key's JSON text (refuses a lone surrogate), remembered for the next object with the same key. */
const keyJson = (k: string): string => {
  const known = keyTexts.get(k)
  if (known !== undefined) return known
  const text = stringJson(k)
  if (keyTexts.size < KEY_TEXTS_MAX) keyTexts.set(k, text)
  return text
}

/** The keys of an object in code-unit order; most objects are written with their keys already in it, so they are only checked. */
const sortedKeys = (o: object): string[] => {
  const keys = Object.keys(o)
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return keys.sort()
  return keys
}

const write = (v: unknown, depth: number): string | undefined => {
  switch (typeof v) {
    case 'string':
      return stringJson(v)
    case 'number':
      if (Number.isNaN(v)) throw new Error('NaN is not allowed')
      if (!Number.isFinite(v)) throw new Error('Infinity is not allowed')
      // a finite number's JSON text is its ECMAScript string (-0 included: "0")
      return String(v)
    case 'boolean':
      return v ? 'true' : 'false'
    case 'object':
      break
    default:
      // undefined, functions and symbols have no JSON text (the caller leaves them out); bigint throws
      return JSON.stringify(v)
  }
  if (v === null) return 'null'
  if (depth > MAX_DEPTH || typeof (v as { toJSON?: unknown }).toJSON === 'function') return canonicalize(v)
  if (Array.isArray(v)) {
    let out = '['
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i]
      if (i > 0) out += ','
      // as Array.join writes a value without JSON text (a function): as nothing
      out += item === undefined || typeof item === 'symbol' ? 'null' : (write(item, depth + 1) ?? '')
    }
    return `${out}]`
  }
  const o = v as Readonly<Record<string, unknown>>
  const keys = sortedKeys(o)
  let out = '{'
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!
    const value = o[k]
    if (value === undefined || typeof value === 'symbol') continue
    if (out.length > 1) out += ','
    out += keyJson(k)
    out += ':'
    out += String(write(value, depth + 1))
  }
  return `${out}}`
}

/**
 * True when `JSON.stringify(v)` is `v`'s canonical text but for lone surrogates (which it escapes
 * and RFC 8785 refuses): every value a string, a finite number, a boolean, null, an array of such
 * or an object of such whose own keys are already in code-unit order (the order `JSON.stringify`
 * writes them in), without `toJSON`. A value a store read back from canonical text is of that kind.
 */
const isInCanonicalOrder = (v: unknown, depth: number): boolean => {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(v)
    case 'object':
      break
    default:
      return false
  }
  if (v === null) return true
  if (depth > MAX_DEPTH) return false
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!isInCanonicalOrder(v[i], depth + 1)) return false
    return true
  }
  const o = v as Readonly<Record<string, unknown>>
  if (typeof o.toJSON === 'function') return false
  const keys = Object.keys(o)
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && !(keys[i - 1]! < keys[i]!)) return false
    if (!isInCanonicalOrder(o[keys[i]!], depth + 1)) return false
  }
  return true
}

/**
 * A value's canonical text written by the engine's `JSON.stringify` when that is its canonical text
 * (see `isInCanonicalOrder`); undefined when it may not be (keys out of order, a value of another
 * kind, an escaped surrogate), for the generic writer. WHY: verify and export hash every stored
 * event, whose data and metadata read back in canonical order; the native writer is several times
 * faster than building the text value by value here.
 */
const nativeText = (v: unknown, depth: number): string | undefined => {
  if (!isInCanonicalOrder(v, depth)) return undefined
  const text = JSON.stringify(v)
  // the only difference left: JSON.stringify escapes a lone surrogate as \udXXX where RFC 8785
  // refuses it (a text holding "\ud" for another reason, an escaped backslash, takes the generic path)
  return text.includes('\\ud') ? undefined : text
}

/** RFC 8785 canonical JSON of a JSON value; throws when it has none (undefined, NaN, a lone surrogate, a cycle). */
export const canonicalJson = (value: unknown): string => {
  const s = nativeText(value, 0) ?? write(value, 0)
  if (s === undefined) throw new TypeError('value has no JSON form')
  return s
}

/**
 * One member `"key":value` in canonical form after `before` (the text so far, from its `{`), or
 * nothing when the value has no JSON text (as `canonicalize` skips it). For an object whose keys the
 * caller knows: given in code-unit order, each needing no escape, the members make the object's
 * canonical text without a copy of it or a check of its key order.
 */
export const canonicalMember = (before: string, key: string, value: unknown): string =>
  value === undefined || typeof value === 'symbol' ? before : `${before}${before.length > 1 ? ',' : ''}"${key}":${String(write(value, 1))}`

/** An event's hashed text, and the canonical texts of its data and metadata inside it (undefined: no JSON text, left out). */
export interface CanonicalEventTexts {
  readonly hashed: string
  readonly data: string | undefined
  readonly metadata: string | undefined
}

/** A value's canonical text as a member of the envelope, or undefined when it has none (as `canonicalize` skips it). */
const memberText = (value: unknown): string | undefined =>
  value === undefined || typeof value === 'symbol' ? undefined : (nativeText(value, 1) ?? String(write(value, 1)))

/**
 * The canonical JSON of an event's hashed fields, as `canonicalJson(hashedFieldsOf(e))` gives it,
 * with the canonical texts of its data and metadata: a store keeps those texts as its stored JSON,
 * so an append writes each value once (canonical JSON is JSON: it reads back as the same value).
 */
export const canonicalEventTexts = (e: HashedFields): CanonicalEventTexts => {
  const data = memberText(e.data)
  const metadata = memberText(e.metadata)
  let out = data === undefined ? '{' : `{"data":${data}`
  out = canonicalMember(out, 'eventId', e.eventId)
  if (metadata !== undefined) out += `${out.length > 1 ? ',' : ''}"metadata":${metadata}`
  out = canonicalMember(out, 'schemaVersion', e.schemaVersion)
  out = canonicalMember(out, 'streamId', e.streamId)
  out = canonicalMember(out, 'type', e.type)
  out = canonicalMember(out, 'version', e.version)
  return { hashed: `${out}}`, data, metadata }
}

/**
 * The canonical JSON of an event's hashed fields, as `canonicalJson(hashedFieldsOf(e))` gives it:
 * the seven keys in their sorted order (data, eventId, metadata, schemaVersion, streamId, type,
 * version), each value canonical. WHY one object of the seven, written by the engine at once:
 * `verify` hashes every stored event, whose data and metadata read back in canonical order; one
 * `JSON.stringify` of the whole was a quarter cheaper than writing the values one by one and
 * joining them. Any value that may not be written so (see `nativeText`) takes the member-by-member
 * writer, whose text is the same.
 */
export const canonicalHashedFields = (e: HashedFields): string => {
  const fields = { data: e.data, eventId: e.eventId, metadata: e.metadata, schemaVersion: e.schemaVersion, streamId: e.streamId, type: e.type, version: e.version }
  return nativeText(fields, 0) ?? canonicalEventTexts(e).hashed
}
