/**
 * Turns io-ts validation errors into messages that name the field (`data.level`) and what was
 * expected, so a rejected command or store row says exactly what is wrong. Runs of ID-length
 * digits are always masked; which fields are personal data the caller says (`PersonalFieldMask`):
 * the kernel knows no domain.
 */
import type * as t from 'io-ts'
import type { ErrorDetail } from './errors.js'
import { maskIdNumbers } from './masking.js'
import { UNKNOWN_FIELD, UnknownField } from './strict.js'

/** The dotted path of a failed value, skipping union/intersection member indices. */
export const fieldPath = (context: t.Context): string => {
  const keys: string[] = []
  for (let i = 1; i < context.length; i++) {
    const entry = context[i]!
    const parent = context[i - 1]!
    // union and intersection members (also under t.exact) are addressed by index; they are not fields
    const parentTag = (parent.type as { _tag?: string })._tag
    const memberIndex =
      entry.type !== UnknownField &&
      /^\d+$/.test(entry.key) &&
      (parentTag === 'UnionType' || parentTag === 'IntersectionType' || parentTag === 'ExactType' || parentTag === 'StrictType')
    if (memberIndex) continue
    if (entry.key !== '') keys.push(entry.key)
  }
  return keys.join('.')
}

/** How a field's value is masked when it is personal data (null: it is not). */
export type PersonalFieldMask = (field: string) => ((value: string) => string) | null

/** The value as JSON, cut short, with personal data masked (a refused ID must not be echoed). */
const show = (v: unknown, mask: ((value: string) => string) | null): string => {
  if (v === undefined) return 'nothing'
  let s: string
  try {
    s = typeof v === 'string' && mask !== null ? JSON.stringify(mask(v)) : (JSON.stringify(v) ?? String(v))
  } catch {
    s = String(v)
  }
  s = maskIdNumbers(s)
  return s.length > 60 ? `${s.slice(0, 57)}...` : s
}

/** One detail per distinct field at fault; values of the fields `personal` names are masked or left out. */
export const describeErrors = (errors: t.Errors, personal: PersonalFieldMask = () => null): ErrorDetail[] => {
  const seen = new Map<string, ErrorDetail>()
  for (const e of errors) {
    const field = fieldPath(e.context) || '(root)'
    const last = e.context[e.context.length - 1]
    const expected = e.message ?? last?.type.name ?? 'a valid value'
    const mask = personal(field)
    const message =
      e.message === UNKNOWN_FIELD
        ? `${field}: unknown field`
        : e.value === undefined
          ? `${field} is required (${expected})`
          : mask !== null && typeof e.value !== 'string'
            ? `${field}: expected ${expected}`
            : `${field}: expected ${expected}, got ${show(e.value, mask)}`
    // a field that fails several members of a union is reported once
    if (!seen.has(field)) seen.set(field, { field, message })
  }
  return [...seen.values()]
}
