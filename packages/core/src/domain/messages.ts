/**
 * The shape of commands and events, given an aggregate's codecs of their `data`: every aggregate
 * folder declares its codecs once and takes its command and event types from here.
 */
import type * as t from 'io-ts'
import type { Actor } from '../vocabulary/roles.js'

/** Codecs of `data`, keyed by command or event type. */
export type DataCodecs = { readonly [type: string]: t.Mixed }

/** The commands `M` describes: `{type, actor, data}`. */
export type CommandsOf<M extends DataCodecs> = { [K in keyof M & string]: { readonly type: K; readonly actor: Actor; readonly data: t.TypeOf<M[K]> } }[keyof M & string]

/** The events `M` describes: `{type, data}`. */
export type EventsOf<M extends DataCodecs> = { [K in keyof M & string]: { readonly type: K; readonly data: t.TypeOf<M[K]> } }[keyof M & string]
