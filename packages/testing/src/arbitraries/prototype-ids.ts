/**
 * Ids that are JavaScript's own property names (hostile ids): `__proto__`, `constructor`,
 * `toString` … Ids are free non-empty text, and a ledger keeps dictionaries keyed by them, where
 * `record[id]` reads `Object.prototype`'s members and `record['__proto__'] = v` sets a prototype.
 * A metamorphic check renames a city's ids onto these names by a bijection and expects the same
 * outcomes and report as the city itself, once the names are mapped back.
 */

/** Names every plain object answers to (`Object.prototype`'s own, `__proto__` first). */
export const PROTOTYPE_NAMES: ReadonlyArray<string> = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
  '__defineSetter__',
  '__lookupSetter__',
]

/** A renaming of ids and its inverse. */
export interface IdRenaming {
  readonly to: ReadonlyMap<string, string>
  readonly back: ReadonlyMap<string, string>
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** Every string under a key ending in `Id` (or an actor's `id`), by key, in the order met. */
const idsByKey = (commands: ReadonlyArray<unknown>): Map<string, string[]> => {
  const byKey = new Map<string, string[]>()
  const seen = new Set<string>()
  const walk = (u: unknown, key: string): void => {
    if (Array.isArray(u)) for (const x of u) walk(x, key)
    else if (isRecord(u)) for (const [k, v] of Object.entries(u)) walk(v, k === 'id' ? 'actorId' : k)
    else if (typeof u === 'string' && key.endsWith('Id') && !seen.has(u)) {
      seen.add(u)
      byKey.set(key, [...(byKey.get(key) ?? []), u])
    }
  }
  for (const c of commands) walk(c, '')
  return byKey
}

/**
 * Picks ids of the commands to rename onto `names`: three talents and two organisations first,
 * then one programme, agreement, carrier, grant, honour, standard, assessment and any other kind
 * of id, round by round, until the names run out. Kept as they are: the bureau, policies and their
 * rules (the national policy is not in the commands) and national ID numbers (not ids, and checked).
 */
export const prototypeRenaming = (commands: ReadonlyArray<unknown>, names: ReadonlyArray<string> = PROTOTYPE_NAMES): IdRenaming => {
  const byKey = idsByKey(commands)
  const kept = new Set(['actorId', 'policyId', 'ruleId', 'nationalId'])
  const first = ['talentId', 'talentId', 'talentId', 'organizationId', 'organizationId', 'programId', 'agreementId', 'carrierId', 'grantId', 'honourId', 'standardId', 'assessmentId']
  const rest = [...byKey.keys()].filter((k) => !first.includes(k) && !kept.has(k))
  const taken = new Set(names)
  const next = new Map([...byKey].map(([k, ids]) => [k, ids.filter((id) => !taken.has(id) && id !== 'hr-bureau')]))
  const to = new Map<string, string>()
  const take = (key: string): void => {
    const ids = next.get(key) ?? []
    while (ids.length > 0 && to.has(ids[0]!)) ids.shift()
    const id = ids.shift()
    if (id !== undefined && to.size < names.length) to.set(id, names[to.size]!)
  }
  for (const key of first) take(key)
  while (to.size < names.length && [...next.values()].some((ids) => ids.length > 0)) for (const key of [...first, ...rest]) take(key)
  return { to, back: new Map([...to].map(([a, b]) => [b, a])) }
}

/**
 * `value` with every string equal to a renamed id replaced, as values and as keys (kept as own
 * keys: a `__proto__` key is defined, never assigned), key order kept.
 */
export const renamed = <T>(value: T, names: ReadonlyMap<string, string>): T => {
  const walk = (u: unknown): unknown => {
    if (typeof u === 'string') return names.get(u) ?? u
    if (Array.isArray(u)) return u.map(walk)
    if (!isRecord(u)) return u
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(u)) Object.defineProperty(out, names.get(k) ?? k, { value: walk(v), writable: true, enumerable: true, configurable: true })
    return out
  }
  return walk(value) as T
}

/**
 * `value` with every renamed id written back, also inside other text (an id the ledger builds from
 * ids, as a grant's from its programme, or a message), as values and as keys, key order kept.
 * The names are distinct enough (`__proto__`, `hasOwnProperty` …) to be written back as text.
 */
export const renamedBack = <T>(value: T, renaming: IdRenaming): T => {
  const names = [...renaming.back].sort(([a], [b]) => b.length - a.length)
  const text = (s: string): string => (names.some(([name]) => s.includes(name)) ? names.reduce((t, [name, id]) => t.replaceAll(name, id), s) : s)
  const walk = (u: unknown): unknown => {
    if (typeof u === 'string') return text(u)
    if (Array.isArray(u)) return u.map(walk)
    if (!isRecord(u)) return u
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(u)) Object.defineProperty(out, text(k), { value: walk(v), writable: true, enumerable: true, configurable: true })
    return out
  }
  return walk(value) as T
}

/**
 * `value` with its lists of records in one order (by their JSON): a report sorts its rows by id,
 * and the renamed ids sort elsewhere than the ids they stand for.
 */
export const rowsInOneOrder = <T>(value: T): T => {
  const walk = (u: unknown): unknown => {
    if (Array.isArray(u)) {
      const items = u.map(walk)
      return items.every(isRecord) ? items.map((x) => [JSON.stringify(x), x] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, x]) => x) : items
    }
    if (!isRecord(u)) return u
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(u)) Object.defineProperty(out, k, { value: walk(v), writable: true, enumerable: true, configurable: true })
    return out
  }
  return walk(value) as T
}
