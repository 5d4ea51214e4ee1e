/**
 * Projections: read models folded from the log. The same `apply` serves inline projections (in the
 * append transaction), async ones (behind a checkpoint) and rebuilds, so all three agree.
 * NOTE: a read model over the whole city holds hundreds of thousands of entries, so `apply` updates
 * the state it is given in place (copying it per event would make a rebuild quadratic). The state
 * belongs to whoever folds it: take a fresh one from `initialState()` and keep no older copy.
 */
import type { RecordedEvent } from './envelope.js'
import type { EventStore } from './ports.js'

/** A read model over the whole log. */
export interface Projection<S, Ev> {
  readonly name: string
  /** A fresh, empty state (a new object on every call). */
  readonly initialState: () => S
  /** The state after one more event; may update `state` in place and return it. */
  readonly apply: (state: S, event: Ev) => S
  /**
   * The event types `apply` reads, when it leaves the state as it is for every other type: a
   * rebuild then neither decodes nor applies the others (upcasting keeps an event's type, so the
   * stored type decides). Absent: every event is decoded and applied.
   */
  readonly eventTypes?: ReadonlySet<string>
}

// any: each part's state and event types are its own; the combination's are read off the parts
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyProjection = Projection<any, any>
type StateOf<P extends AnyProjection> = ReturnType<P['initialState']>
type EventOf<P extends AnyProjection> = Parameters<P['apply']>[1]

/**
 * Several projections folded in one pass (one replay of a big log feeds them all), the state a
 * record of theirs under the same keys. Each event goes only to the parts that read its type (a
 * part that names no types gets every event), and the record is updated in place, as `apply` may.
 */
export const combinedProjection = <P extends Readonly<Record<string, AnyProjection>>>(
  name: string,
  parts: P,
): Projection<{ [K in keyof P]: StateOf<P[K]> }, EventOf<P[keyof P]>> => {
  type Part = Projection<unknown, { readonly type: string }>
  const entries = Object.entries(parts) as Array<[string, Part]>
  const every = entries.filter(([, p]) => p.eventTypes === undefined)
  const readers = new Map<string, Array<[string, Part]>>()
  for (const [key, p] of entries) for (const type of p.eventTypes ?? []) readers.set(type, [...(readers.get(type) ?? every), [key, p]])
  const named = every.length === 0 ? { eventTypes: new Set(readers.keys()) } : {}
  // per type, the readers' keys and apply functions in two flat arrays: the hot loop indexes them
  // and builds nothing per event (no tuple destructuring, no iterator)
  type Readers = { readonly keys: ReadonlyArray<string>; readonly applies: ReadonlyArray<Part['apply']> }
  const flat = (rs: ReadonlyArray<[string, Part]>): Readers => ({ keys: rs.map(([key]) => key), applies: rs.map(([, p]) => p.apply) })
  const byType = new Map([...readers].map(([type, rs]) => [type, flat(rs)]))
  const forEvery = flat(every)
  return {
    name,
    ...named,
    initialState: () => Object.fromEntries(entries.map(([key, p]) => [key, p.initialState()])) as { [K in keyof P]: StateOf<P[K]> },
    apply: (state, e) => {
      const s = state as Record<string, unknown>
      const { keys, applies } = byType.get((e as { readonly type: string }).type) ?? forEvery
      for (let i = 0; i < keys.length; i++) s[keys[i]!] = applies[i]!(s[keys[i]!], e as { readonly type: string })
      return state
    },
  }
}

/** Folds a sequence of events into a projection's state. */
export const project = <S, Ev>(projection: Projection<S, Ev>, events: Iterable<Ev>, from: S = projection.initialState()): S => {
  let state = from
  for (const e of events) state = projection.apply(state, e)
  return state
}

/**
 * Rebuilds a projection from the store's whole log, page by page, decoding each event with
 * `decode` (which throws on a corrupt row). `onProgress` reports the position reached; `position`
 * is the log's last position read. A projection that names its event types asks the store for those
 * only (`ReadAllOptions.types`), then reads the log on from the last of them without a filter, so
 * `position` is still the log's end and an event appended meanwhile is folded too.
 */
export const rebuild = async <S, Ev>(
  store: EventStore,
  projection: Projection<S, Ev>,
  decode: (e: RecordedEvent) => Ev,
  options: { readonly pageSize?: number; readonly onProgress?: (position: number) => void } = {},
): Promise<{ state: S; position: number }> => {
  const pageSize = options.pageSize ?? 5000
  const types = projection.eventTypes
  let state = projection.initialState()
  let position = 0
  /** Folds pages read with `only` (undefined: every type) until a page comes back short. */
  const readOn = async (only: ReadonlySet<string> | undefined): Promise<void> => {
    for (;;) {
      const page = await store.readAll(only === undefined ? { after: position, limit: pageSize } : { after: position, limit: pageSize, types: only })
      for (const e of page) if (types === undefined || types.has(e.type)) state = projection.apply(state, decode(e))
      if (page.length === 0) return
      position = page[page.length - 1]!.globalPosition
      options.onProgress?.(position)
      if (page.length < pageSize) return
    }
  }
  if (types !== undefined) await readOn(types)
  await readOn(undefined)
  return { state, position }
}
