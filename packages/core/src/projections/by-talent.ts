/**
 * Entries kept by talent, then by id (talent id → id → entry), as the figure projections keep
 * grants, enrolments, assessments and agreement trainings. Nested rather than keyed
 * `talentId/id` in one dictionary: an event then builds and hashes no key of its own, a look-up
 * for a talent with no entry stops at the talent, and no dictionary grows to a whole city's size
 * (a replay of the report about a fifth faster, docs/performance-log.md).
 * Ids are free text and the records plain JSON, so an id may be `__proto__`: entries are own
 * properties, read only when own and defined rather than assigned, never the prototype's (own-keys.ts).
 */
import { keepEntry as define, ownEntry as own } from '../kernel/own-keys.js'

/** Entries by talent, then by id. */
export type ByTalent<V> = Record<string, Record<string, V>>

/** The entry of `talentId` under `id`, if any. */
export const entryOf = <V>(byTalent: ByTalent<V>, talentId: string, id: string): V | undefined => {
  const mine = own(byTalent, talentId)
  return mine === undefined ? undefined : own(mine, id)
}

/** Keeps `value` as the entry of `talentId` under `id` (replacing one there, in its place). */
export const setEntry = <V>(byTalent: ByTalent<V>, talentId: string, id: string, value: V): void => {
  let mine = own(byTalent, talentId)
  if (mine === undefined) define(byTalent, talentId, (mine = Object.create(null) as Record<string, V>))
  define(mine, id, value)
}

/**
 * Every entry, talent by talent. Read with `for…in` and own keys only (the same keys in the same
 * order as `Object.keys`): `Object.keys` and `Object.values` of a record in dictionary mode build
 * arrays several times the entries' size, megabytes of garbage per report on a city's grants.
 */
export const everyEntry = <V>(byTalent: ByTalent<V>): V[] => {
  const all: V[] = []
  for (const talentId in byTalent) {
    if (!Object.hasOwn(byTalent, talentId)) continue
    const mine = byTalent[talentId]!
    for (const id in mine) if (Object.hasOwn(mine, id)) all.push(mine[id]!)
  }
  return all
}
