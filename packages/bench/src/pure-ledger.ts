/**
 * The ledger's command path over the in-memory store, for benchmarks: `createTalentLedger` itself
 * (decode, route to the category, load, decide, seal, append with the expected version — the one
 * runner every caller uses) on `@talent-ledger/store-memory`, with a clock stepped per command so
 * the log is the same on every run of a seed. Notices are off: the workload is the event log.
 * A shard handles every command but keeps only the talents it owns (and, shard 0, the rest), so
 * two workers can build one log; `globalPosition` is `8 × command index + n` until merged.
 */
import { createTalentLedger, type RecordedEvent } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore } from '@talent-ledger/store-memory'

/** What the driver produced: its part of the log in commit order, and refusals by error code. */
export interface PureLog {
  readonly log: RecordedEvent[]
  readonly refused: Readonly<Record<string, number>>
}

/** Which talents a run keeps: those whose id hashes to `index` modulo `of`. */
export interface Shard {
  readonly index: number
  readonly of: number
}

const shardOf = (id: string, of: number): number => {
  let h = 5381
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 33) ^ id.charCodeAt(i)) >>> 0
  return h % of
}

const START = Date.parse('2026-01-01T00:00:00.000Z')

/** Runs raw commands one by one through the ledger over a memory store and returns the events it stored. */
export const runPure = async (commands: Iterable<unknown>, shard: Shard = { index: 0, of: 1 }): Promise<PureLog> => {
  let index = -1
  const clock = { now: () => new Date(START + Math.max(index, 0)).toISOString() }
  const store = createMemoryEventStore({ clock })
  const ledger = createTalentLedger({ store, keys: createMemoryKeyStore(), clock, notifications: null })
  const log: RecordedEvent[] = []
  const refused: Record<string, number> = {}
  let stored = 0

  for (const raw of commands) {
    index++
    // another shard's talent: skip before paying for decoding
    const talentId = (raw as { data?: { talentId?: unknown } }).data?.talentId
    const talentCommand = typeof talentId === 'string'
    if (shard.of > 1 && talentCommand && shardOf(`talent-${talentId}`, shard.of) !== shard.index) continue
    const result = await ledger.execute(raw)
    // every shard decides the shared streams (talent decisions read them); shard 0 keeps their events and refusals
    const kept = talentCommand || shard.index === 0
    if (!result.ok) {
      if (kept) refused[result.error.code] = (refused[result.error.code] ?? 0) + 1
      continue
    }
    const added = await store.readAll({ after: stored })
    stored += added.length
    // a talent's command may append to a shared stream too (an appointment holds the employer's
    // post): only shard 0 keeps shared streams' events, so each chain is one shard's history
    added.forEach((e, n) => {
      if (kept && (shard.index === 0 || e.streamId.startsWith('talent-'))) log.push({ ...e, globalPosition: index * 8 + n + 1 })
    })
  }
  return { log, refused }
}
