/**
 * The bounds on what a caller may hand the ledger (docs/input-limits.md), checked before any codec
 * runs: one iterative walk over the raw value, so a value nested thousands deep, a 10 MB string or
 * a lone UTF-16 surrogate is refused as `Malformed` instead of overflowing the stack, bloating the
 * log or breaking one store and not the other. The CLI applies `MAX_LINE_BYTES` to its input lines.
 */
import type { ErrorDetail } from '../kernel/errors.js'

/** Longest command, in bytes of UTF-8 JSON (a line of `apply`, or a command handed to `execute`). */
export const MAX_LINE_BYTES = 1_048_576
/** Longest string anywhere in a command (values and keys), in UTF-16 code units. */
export const MAX_STRING_LENGTH = 1_000
/** Deepest nesting of objects and arrays in a command (the command object itself is depth 1). */
export const MAX_DEPTH = 32
/** Most items in one array. */
export const MAX_ARRAY_LENGTH = 10_000
/** Largest policy document (`AdoptPolicy`'s `data.document`), in bytes of UTF-8 JSON. */
export const MAX_POLICY_DOCUMENT_BYTES = 524_288

/** The limits as one documented record (what `docs/input-limits.md` lists). */
export const INPUT_LIMITS = {
  maxLineBytes: MAX_LINE_BYTES,
  maxStringLength: MAX_STRING_LENGTH,
  maxDepth: MAX_DEPTH,
  maxArrayLength: MAX_ARRAY_LENGTH,
  maxPolicyDocumentBytes: MAX_POLICY_DOCUMENT_BYTES,
} as const

/**
 * Free-text fields, where tab (U+0009) and line feed (U+000A) are allowed: a revocation's `reason`
 * and the `text` of a policy rule. Every other control character is refused in every string.
 */
export const isMultiLineField = (path: ReadonlyArray<string>): boolean =>
  path[0] === 'data' && ((path.length === 2 && path[1] === 'reason') || (path[1] === 'document' && path[path.length - 1] === 'text'))

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`

/** C0 controls, DEL and C1 controls (ESC starts terminal escape sequences, NUL breaks PostgreSQL text). */
const isControl = (code: number): boolean => code < 0x20 || (code >= 0x7f && code <= 0x9f)

/** `stringBytes` of a string longer than `MAX_STRING_LENGTH`. */
const TOO_LONG = -1

/**
 * The UTF-8 JSON size of a string (quotes and escapes included) that breaks no limit; for one that
 * does, `TOO_LONG` or `-2 - i`, `i` the index of its first refused character (`checkString` words
 * it). The walk sizes every string of every command, and almost none has a problem: a number, no
 * object, and printable ASCII first.
 */
const stringBytes = (s: string, multiLine: boolean): number => {
  if (s.length > MAX_STRING_LENGTH) return TOO_LONG
  let bytes = 2
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i)
    if (code >= 0x20 && code < 0x7f) bytes += code === 0x22 || code === 0x5c ? 2 : 1
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = s.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return -2 - i
      bytes += 4
      i++
    } else if (code >= 0xdc00 && code <= 0xdfff) return -2 - i
    else if (isControl(code) && !(multiLine && (code === 0x09 || code === 0x0a))) return -2 - i
    else bytes += code < 0x20 ? 2 : code < 0x800 ? 2 : 3
  }
  return bytes
}

/**
 * What is wrong with a string `stringBytes` refused (its answer `refused`), and the size counted
 * before the refused character (the whole length for a string too long).
 */
const checkString = (s: string, multiLine: boolean, refused: number): { readonly problem: string; readonly bytes: number } => {
  if (refused === TOO_LONG) return { problem: `text longer than ${MAX_STRING_LENGTH} characters (${s.length})`, bytes: s.length }
  const i = -2 - refused
  const code = s.charCodeAt(i)
  // the characters before it break no limit
  const bytes = stringBytes(s.slice(0, i), multiLine)
  return code >= 0xd800 && code <= 0xdfff
    ? { problem: `contains a lone UTF-16 surrogate ${hex(code)} at character ${i + 1}`, bytes }
    : { problem: `contains the control character ${hex(code)} at character ${i + 1}`, bytes }
}

const scalarBytes = (v: unknown): number =>
  typeof v === 'number' ? (Number.isFinite(v) ? String(v).length : 4) : typeof v === 'boolean' ? (v ? 4 : 5) : 4

const fieldOf = (path: ReadonlyArray<string>): string => (path.length === 0 ? '(root)' : path.join('.'))

/** A value still to walk. Its path is built only for a refusal, from the chain of its containers. */
interface Pending {
  readonly value: unknown
  /** The object or array that holds it (null: the command itself), and its key there. */
  readonly parent: Pending | null
  readonly key: string
  /** The command is depth 1; the length of the path is `depth - 1`. */
  readonly depth: number
  /** Its path starts with `data`. */
  readonly inData: boolean
  /** Its path starts with `data.document`. */
  readonly inDocument: boolean
}

const pathOf = (p: Pending): string[] => {
  const path: string[] = []
  for (let n: Pending = p; n.parent !== null; n = n.parent) path.push(n.key)
  return path.reverse()
}

/** `isMultiLineField` of a pending value's path, read off its flags. */
const isMultiLine = (p: Pending): boolean => p.inData && ((p.depth === 3 && p.key === 'reason') || (p.inDocument && p.key === 'text'))

/**
 * Every limit a raw command breaks, at most one detail per field and at most `maxDetails` in all
 * (a hostile command could break thousands). Iterative, so no input can overflow the stack; it
 * stops as soon as the command is over `MAX_LINE_BYTES`, so no input makes it walk for long.
 */
export const inputViolations = (raw: unknown, maxDetails = 10): ErrorDetail[] => {
  const details: ErrorDetail[] = []
  const stack: Pending[] = [{ value: raw, parent: null, key: '', depth: 1, inData: false, inDocument: false }]
  let total = 0
  let documentBytes = 0
  const add = (bytes: number, inDocument: boolean): boolean => {
    total += bytes
    if (inDocument) documentBytes += bytes
    return total <= MAX_LINE_BYTES
  }
  const refuse = (path: ReadonlyArray<string>, message: string): void => {
    details.push({ field: fieldOf(path), message: `${fieldOf(path)}: ${message}` })
  }
  while (stack.length > 0 && details.length < maxDetails) {
    const pending = stack.pop()!
    const { value, depth, inDocument } = pending
    if (typeof value === 'string') {
      const multiLine = isMultiLine(pending)
      let bytes = stringBytes(value, multiLine)
      if (bytes < 0) {
        const checked = checkString(value, multiLine, bytes)
        refuse(pathOf(pending), checked.problem)
        bytes = checked.bytes
      }
      if (!add(bytes, inDocument)) break
    } else if (typeof value !== 'object' || value === null) {
      if (!add(scalarBytes(value), inDocument)) break
    } else if (depth > MAX_DEPTH) {
      refuse(pathOf(pending), `nested deeper than ${MAX_DEPTH} levels`)
    } else if (Array.isArray(value)) {
      if (value.length > MAX_ARRAY_LENGTH) refuse(pathOf(pending), `array longer than ${MAX_ARRAY_LENGTH} items (${value.length})`)
      else {
        if (!add(Math.max(2, value.length + 1), inDocument)) break
        for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], parent: pending, key: String(i), depth: depth + 1, inData: pending.inData, inDocument })
      }
    } else {
      const keys = Object.keys(value)
      if (!add(Math.max(2, keys.length + 1), inDocument)) break
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!
        const bytes = stringBytes(key, false)
        if (bytes < 0) {
          refuse(pathOf(pending), `a field name ${checkString(key, false, bytes).problem}`)
          continue
        }
        if (!add(bytes + 1, inDocument)) break
        const inData = depth === 1 ? key === 'data' : pending.inData
        // the path is data.document: the parent is `data` at depth 2
        const document = inDocument || (depth === 2 && pending.inData && key === 'document')
        stack.push({ value: (value as Record<string, unknown>)[key], parent: pending, key, depth: depth + 1, inData, inDocument: document })
      }
    }
  }
  if (total > MAX_LINE_BYTES) details.push({ field: '(root)', message: `the command is longer than ${MAX_LINE_BYTES} bytes of JSON` })
  else if (documentBytes > MAX_POLICY_DOCUMENT_BYTES)
    details.push({ field: 'data.document', message: `data.document: policy document longer than ${MAX_POLICY_DOCUMENT_BYTES} bytes of JSON` })
  return details
}
