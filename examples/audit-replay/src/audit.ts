/**
 * What an auditor does with a ledger file they were handed: open it read-only, run core's
 * `verifyLedger` over every stored row (hash chains, stream heads, positions in the log's order,
 * the outbox rows the events imply, the digests stored in the file), compare the digest of the log
 * with one they saved themselves, then replay one talent as of a business date.
 */
import {
  createTalentLedger,
  ledgerDigest,
  verifyLedger,
  type RecordedEvent,
  type TalentProfile,
  type VerifyFinding,
} from '@talent-ledger/core'
import { nativeSha256Hex, systemClock } from '@talent-ledger/node'
import { createSqliteEventStore, createSqliteKeyStore } from '@talent-ledger/store-sqlite'

/** The auditor's findings. */
export interface AuditReport {
  readonly events: number
  readonly streams: number
  /** What `verifyLedger` found wrong, the first bad stream in commit order first; empty when intact. */
  readonly findings: ReadonlyArray<VerifyFinding>
  /** How many digests stored in the file were recomputed. */
  readonly digestsChecked: number
  /** The digest of the whole log as read now. */
  readonly root: string
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
    const digests = await store.ledgerDigests()
    const verified = await verifyLedger(store, { sha256: nativeSha256Hex, digests })
    const log: RecordedEvent[] = []
    for (let page = await store.readAll({ limit: 10_000 }); page.length > 0; page = await store.readAll({ after: log[log.length - 1]!.globalPosition, limit: 10_000 }))
      log.push(...page)
    const matchesSaved = options.saved === undefined ? null : ledgerDigest(log, options.saved.globalPosition).root === options.saved.root
    const ledger = createTalentLedger({ store, keys: createSqliteKeyStore(store.database), clock: systemClock })
    return {
      events: log.length,
      streams: new Set(log.map((e) => e.streamId)).size,
      findings: verified.ok ? [] : verified.findings,
      digestsChecked: digests.length,
      root: ledgerDigest(log).root,
      matchesSaved,
      talent: await ledger.profile(options.talentId, { asOf: options.asOf }),
    }
  } finally {
    await store.close()
  }
}
