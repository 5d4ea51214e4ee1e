/**
 * Dictionaries keyed by free text: ids, districts, fields. An id may be any non-empty text,
 * `constructor`, `toString` or `__proto__` among them, and the states are plain JSON objects
 * (stored, resumed and hashed as such), so a plain `record[id]` would read `Object.prototype`'s
 * members for an id never kept, and `record['__proto__'] = v` would set the prototype instead of
 * keeping an entry. Entries are therefore read only when they are the record's own, and kept as
 * own properties (`__proto__` defined, never assigned): the JSON of a state is then the same
 * as with any other id, and a state parsed back from JSON (where `"__proto__"` is an own key)
 * reads the same. Deleting needs no help: `delete` only ever removes an own property.
 */

/** The entry kept under `key`, if the record has it as its own. */
export const ownEntry = <V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined

/** Whether the record keeps an entry of its own under `key`. */
export const hasOwnEntry = (record: Readonly<Record<string, unknown>>, key: string): boolean => Object.hasOwn(record, key)

/** Keeps `value` under `key` as an own, enumerable entry (in its place if one was there). */
export const keepEntry = <V>(record: Record<string, V>, key: string, value: V): void => {
  if (key === '__proto__') Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true })
  else record[key] = value
}

/** The entry under `key`, kept first as `make()` when the record has none of its own. */
export const entryOrKept = <V>(record: Record<string, V>, key: string, make: () => V): V => {
  const there = ownEntry(record, key)
  if (there !== undefined) return there
  const made = make()
  keepEntry(record, key, made)
  return made
}

