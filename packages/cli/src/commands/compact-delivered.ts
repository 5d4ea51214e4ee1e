/**
 * `notifications --compact-delivered AGE`: the outbox's retention rule as an operator runs it (from
 * cron, or after `notify`). Delivered notices delivered more than AGE ago (`30d`, `12h`) keep what
 * an audit needs — their columns and the SHA-256 of their payload — and lose the payload, with the
 * talent's sealed personal data in it. Pending and parked notices are never touched, so AGE `0d`
 * compacts every delivered notice. The store works in batches that commit on their own: a run
 * stopped midway leaves whole rows, and the next run goes on.
 */
import type { EventStore } from '@talent-ledger/core'
import { UsageError } from '../usage-error.js'

/** What the option prints: how many notices it compacted, and the delivery time they were before. */
export interface CompactionResult {
  readonly compacted: number
  readonly before: string
}

const UNIT_MS = { d: 86_400_000, h: 3_600_000 } as const

/** The age of AGE (`<whole number>d` or `<whole number>h`) in milliseconds; a `UsageError` otherwise. */
export const parseRetentionAge = (flag: string, value: string): number => {
  const m = /^(\d{1,6})([dh])$/.exec(value)
  if (m === null) throw new UsageError(`${flag} ${JSON.stringify(value)} is not an age such as 30d (days) or 12h (hours)`)
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]
}

/** Compacts the notices of `store` delivered more than `ageMs` before `now` (ISO timestamp). */
export const compactDelivered = async (store: EventStore, ageMs: number, now: string): Promise<CompactionResult> => {
  const before = new Date(Date.parse(now) - ageMs).toISOString()
  return { compacted: await store.outbox.compact(before), before }
}
