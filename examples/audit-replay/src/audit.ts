/**
 * What an auditor does with a ledger file they were handed: open it read-only, verify every
 * stream's hash chain, recompute the ledger digest and compare it with the digests stored in the file
 * and with one they saved themselves, then replay one talent as of a business date.
 */
import { createTalentLedger, ledgerDigest, verifyStream, type ChainBreak, type RecordedEvent, type TalentProfile } from '@talent-ledger/core'
import { systemClock } from '@talent-ledger/store-memory'
import { createSqliteEventStore, createSqliteKeyStore } from '@talent-ledger/store-sqlite'

/** The auditor's findings. */
export interface AuditReport {
  readonly events: number
  readonly streams: number
  /** The first stream whose chain breaks, or null when every chain is intact. */
  readonly firstBreak: ChainBreak | null
  /** The digest of the whole log as read now. */
  readonly root: string
  /** Digests stored in the file that no longer match the log at their position. */
  readonly mismatchedDigests: ReadonlyArray<number>
  /** True when `savedRoot` was given and equals the recomputed root at the same position. */
  readonly matchesSaved: boolean | null
  /** The talent as of the date asked for (null when unknown then). */
  readonly talent: TalentProfile | null
}

/** Audits the ledger file at `path`. */
export const audit = async (
  path: string,
  options: { readonly talentId: string; readonly asOf: string; readonly saved?: { readonly root: string; readonly globalPosition: number } },
): Promise<AuditReport> => {
  const store = createSqliteEventStore({ path, readonly: true })
  try {
    const log: RecordedEvent[] = []
    for (let page = await store.readAll({ limit: 10_000 }); page.length > 0; page = await store.readAll({ after: log[log.length - 1]!.globalPosition, limit: 10_000 }))
      log.push(...page)
    const streams = new Map<string, RecordedEvent[]>()
    for (const e of log) (streams.get(e.streamId) ?? streams.set(e.streamId, []).get(e.streamId)!).push(e)
    let firstBreak: ChainBreak | null = null
    for (const [id, events] of [...streams].sort(([a], [b]) => (a < b ? -1 : 1))) {
      firstBreak = verifyStream(id, events)
      if (firstBreak !== null) break
    }
    const stored = await store.ledgerDigests()
    const mismatchedDigests = stored.filter((d) => ledgerDigest(log, d.globalPosition).root !== d.root).map((d) => d.globalPosition)
    const matchesSaved = options.saved === undefined ? null : ledgerDigest(log, options.saved.globalPosition).root === options.saved.root
    const ledger = createTalentLedger({ store, keys: createSqliteKeyStore(store.database), clock: systemClock })
    return {
      events: log.length,
      streams: streams.size,
      firstBreak,
      root: ledgerDigest(log).root,
      mismatchedDigests,
      matchesSaved,
      talent: await ledger.profile(options.talentId, { asOf: options.asOf }),
    }
  } finally {
    await store.close()
  }
}
