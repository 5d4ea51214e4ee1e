/**
 * The category (流类别): one aggregate kind and the streams it owns, after Equinox's `Category` bound
 * to a `Decider`. An aggregate names its streams (`talent-<id>`), decodes its own events, folds them
 * into its state and decides its commands on that state and on a context it reads from other
 * streams. The domain writes categories; the runner (`transact.ts`) wires them to a store.
 * `decide` never throws: it answers with the events that record the command, none when it is
 * already so, or a refusal.
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { CorruptEventError } from './corrupt-event.js'
import { describeErrors } from './decode-errors.js'
import type { RecordedEvent } from './envelope.js'
import type { DomainError } from './errors.js'
import type { Upcast } from './upcasting.js'

/** A domain event before it is stored: its type and its data. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T
  readonly data: D
}

/** The codec of each event type's data, keyed by type. */
export type EventCodecs<Ev extends DomainEvent> = { readonly [K in Ev['type']]: t.Decoder<unknown, Extract<Ev, { readonly type: K }>['data']> }

/** A stream folded up to `version` (0: no events yet). */
export interface Loaded<S> {
  readonly version: number
  readonly state: S
}

/** What a category needs to fold a stream of it: for readers of other categories' streams. */
export interface Foldable<Ev extends DomainEvent, S> {
  readonly name: string
  readonly streamOf: (id: string) => string
  /** The id of the stream an event of this category belongs to (to file a given history). */
  readonly idOfEvent: (event: Ev) => string
  readonly events: EventCodecs<Ev>
  readonly initialState: S
  readonly evolve: (state: S, event: Ev) => S
}

/**
 * Events a decision also appends to a stream other than its own (DOMAIN.md §12: a senior post is
 * held against the employer's quota on `org-<id>`). They are appended first, expecting the version
 * the context read that stream at, so two decisions that read the same count cannot both pass it.
 */
export interface Linked {
  readonly streamId: string
  /** The version of `streamId` the decision read (0: no events yet). */
  readonly expectedVersion: number
  readonly events: ReadonlyArray<DomainEvent>
  /** The linked stream's state after `events`, from its state as read (a batch's later commands read it so). */
  readonly fold: (state: unknown) => unknown
}

/** Reads another category's stream, folded (the context of a decision). */
export type StreamReader = <Ev extends DomainEvent, S>(category: Foldable<Ev, S>, id: string) => Promise<Loaded<S>>

/**
 * One aggregate kind. `C` its commands, `Ev` its events, `S` its state, `X` what a decision reads
 * besides the stream, `Env` what the composition root hands every context load (a clock's date,
 * a key to open sealed data: nothing the domain could compute itself).
 */
export interface Category<C, Ev extends DomainEvent, S, X, Env> extends Foldable<Ev, S> {
  /** The id of the stream a command is decided on (`streamOf(idOf(c))`). */
  readonly idOf: (command: C) => string
  /** Loads what the decision reads besides its own stream; again after a conflict, so it is never stale. */
  readonly context: (command: C, state: S, env: Env, read: StreamReader) => Promise<X>
  readonly decide: (command: C, state: S, context: X) => E.Either<DomainError, ReadonlyArray<Ev>>
  /**
   * Optional: what an accepted decision also appends to another stream, before its own events
   * (`Linked`); null when that stream needs nothing (e.g. it already holds the place).
   */
  readonly linked?: (command: C, state: S, context: X, events: ReadonlyArray<Ev>) => Linked | null
  /**
   * Optional: what to append to the linked stream when the decision, after its linked events were
   * appended and its own append lost a race, is refused on the retry (or runs out of retries): the
   * place it held is given back.
   */
  readonly unlinked?: (command: C, held: Linked, refusal: DomainError) => ReadonlyArray<DomainEvent>
}

/** Folds events into state, from the initial state or from `from`. */
export const foldEvents = <Ev extends DomainEvent, S>(category: Pick<Foldable<Ev, S>, 'initialState' | 'evolve'>, events: Iterable<Ev>, from: S = category.initialState): S => {
  let state = from
  for (const e of events) state = category.evolve(state, e)
  return state
}

/**
 * Decodes a stored event of the category (after upcasting) with the category's own codecs. A type
 * the category does not own, or data that does not decode, is corruption: `CorruptEventError`.
 */
export const eventDecoder =
  <Ev extends DomainEvent>(category: Pick<Foldable<Ev, unknown>, 'name' | 'events'>, upcast: Upcast) =>
  (row: RecordedEvent): Ev => {
    const lifted = upcast(row)
    const codecs: Readonly<Record<string, t.Decoder<unknown, unknown> | undefined>> = category.events
    const codec = Object.hasOwn(codecs, lifted.type) ? codecs[lifted.type] : undefined
    if (codec === undefined) throw new CorruptEventError(row.streamId, row.version, `event type ${lifted.type} is not one of the ${category.name} category`)
    const data = codec.decode(lifted.data)
    if (E.isLeft(data)) throw new CorruptEventError(row.streamId, row.version, describeErrors(data.left).map((d) => d.message).join('; '))
    // decoded by the codec of its own type: the pair is an `Ev` (TypeScript cannot follow the index)
    return { type: lifted.type, data: data.right } as Ev
  }
