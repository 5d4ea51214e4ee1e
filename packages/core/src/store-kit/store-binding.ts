/**
 * How a host program (the CLI's `--store URL`) finds and opens a store without knowing it: each
 * store package exports a `StoreBinding` that recognises its own URLs and opens them, and the host
 * keeps a list of bindings, one line per store. Adding a store then touches its package and that
 * one line. Problems are plain values or `StoreBindingError`, never the host's own error types, so
 * the host decides how to report them (the CLI: one line on stderr, exit 2).
 */
import type { EventStore, KeyStore } from '../kernel/ports.js'
import type { LedgerDigest } from '../kernel/ledger-digest.js'

/** How hard a commit waits for the disk: FULL survives power loss, NORMAL a process crash. A store without the choice ignores it. */
export type Durability = 'FULL' | 'NORMAL'

/** What a host asks of an opening. */
export interface StoreOpenOptions {
  /** The caller only reads: refuse a place that holds no ledger rather than create an empty one there. */
  readonly mustExist?: boolean
  /** FULL when not given. */
  readonly durability?: Durability
}

/** Optional store abilities a host uses when present (duck-typed: the port does not require them). */
export interface LedgerDigests {
  readonly ledgerDigests: () => Promise<ReadonlyArray<LedgerDigest>>
  readonly recordLedgerDigest: () => Promise<LedgerDigest>
}

/** An opened store: the ports, and how to release them. */
export interface OpenedStore {
  readonly store: EventStore & Partial<LedgerDigests>
  readonly keys: KeyStore
  /**
   * Runs `work` (several ledger calls) as one store transaction, keys and events together, when
   * the store can (SQLite: one connection holds both); absent otherwise, and each call commits on
   * its own. A rejection of `work` stores none of it.
   */
  readonly inOneCommit?: <T>(work: () => Promise<T>) => Promise<T>
  readonly close: () => Promise<void>
}

/** A URL a binding recognised: parsed, or its own but unusable (the problem, said for a person). */
export type StoreUrlMatch<U> = { readonly kind: 'parsed'; readonly url: U } | { readonly kind: 'invalid'; readonly problem: string }

/** A URL this binding parsed. */
export const storeUrlParsed = <U>(url: U): StoreUrlMatch<U> => ({ kind: 'parsed', url })

/** A URL of this binding's scheme that cannot be used; `problem` is the whole message. */
export const storeUrlInvalid = (problem: string): StoreUrlMatch<never> => ({ kind: 'invalid', problem })

/**
 * One store, as a host offers it. `U` is the binding's own parsed URL. Written as methods on
 * purpose: method parameters are compared bivariantly, so a list of different stores can be typed
 * `ReadonlyArray<StoreBinding<unknown>>` while each binding keeps its precise `U` (a host only
 * ever hands `open` what the same binding's `parse` returned).
 */
export interface StoreBinding<U> {
  /** The scheme as help and messages show it, e.g. `sqlite:PATH`, `memory:`, `postgres://…`. */
  readonly scheme: string
  /** `null`: not this store's URL. Pure: no I/O. */
  parse(url: string): StoreUrlMatch<U> | null
  /** Opens the store; a reason the URL cannot be used (no ledger there, a file that is not a store, no driver) rejects with `StoreBindingError`. */
  open(url: U, options: StoreOpenOptions): Promise<OpenedStore>
  /** `Error.name`s the opened store may throw later that also mean the URL is unusable (a read-only or locked file), not a refused command. */
  readonly unusableErrorNames?: ReadonlyArray<string>
}

/** The URL names this store, but it cannot be used; the message is meant for a person, whole. */
export class StoreBindingError extends Error {
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options)
    this.name = 'StoreBindingError'
  }
}
