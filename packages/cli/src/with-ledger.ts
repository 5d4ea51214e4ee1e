/**
 * How a verb gets its store and the ledger service: open the store of `--store` (or of
 * `--read-store`, for a verb that only reads), build the ledger with the system clock and the trust
 * options, run the verb, close the store. Shared by the verbs (verbs/, notification-verbs.ts and
 * onboard), each loaded only when it runs.
 */
import type { Command } from 'commander'
import { createTalentLedger, type TalentLedger } from '@talent-ledger/core'
import { systemClock } from '@talent-ledger/node'
import type { Durability, OpenedStore } from '@talent-ledger/core/store-kit'
import { openStore, parseStoreUrl } from './store-url.js'
import { trustOptions } from './trust-options.js'

/**
 * Opens the store of `--store`, runs `work` with it and the ledger service, and closes it. A
 * command that only reads (`readOnly`) opens `--read-store` instead when it is given: a read replica.
 */
export const withLedger = async (
  command: Command,
  options: { readonly mustExist: boolean; readonly durability?: Durability; readonly readOnly?: boolean },
  work: (opened: OpenedStore, ledger: TalentLedger) => Promise<number>,
): Promise<void> => {
  const globals = command.optsWithGlobals()
  const readStore = options.readOnly === true ? (globals['readStore'] as string | undefined) : undefined
  const url = parseStoreUrl(String(readStore ?? globals['store']))
  const trust = trustOptions(globals)
  const opened = await openStore(url, options)
  try {
    process.exitCode = await work(opened, createTalentLedger({ store: opened.store, keys: opened.keys, clock: systemClock, ...trust }))
  } finally {
    await opened.close()
  }
}

/** True when the store holds no event yet (`import` and `demo` need an empty one). */
export const isEmpty = async (opened: OpenedStore): Promise<boolean> => (await opened.store.readAll({ limit: 1 })).length === 0
