/**
 * `export [FILE]`: the whole log as canonical JSON Lines (RFC 8785, core `canonicalJson`), one
 * recorded event per line in commit order, envelope and hashes included — a file an auditor can
 * verify without this software, and that `import` turns back into an identical ledger.
 */
import type { Writable } from 'node:stream'
import { canonicalJson, type EventStore } from '@talent-ledger/core'
import { pagesOf } from '../log.js'
import { writeLine } from '../output.js'

/** Writes every event to `out`; returns how many. */
export const exportLog = async (store: EventStore, out: Writable): Promise<number> => {
  let events = 0
  for await (const page of pagesOf(store))
    for (const e of page) {
      await writeLine(out, canonicalJson(e))
      events++
    }
  return events
}
