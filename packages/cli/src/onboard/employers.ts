/**
 * 工作单位: a registry export names the employer by the ledger's organisation id or by its name.
 * An id is used as written; a name is matched (exactly, after trimming) to a registered employer,
 * read once from the organisation streams. A value that is neither is passed on as an id, and the
 * ledger refuses the registration naming it (`NotFound`).
 */
import type { EventStore, TalentLedger } from '@talent-ledger/core'

/** Resolves a 工作单位 cell to an organisation id. */
export type EmployerOf = (cell: string) => string

/** Reads every registered employer's id and name (organisations are few: their streams are read whole). */
export const employersOf = async (store: EventStore, ledger: TalentLedger): Promise<EmployerOf> => {
  const ids = new Set<string>()
  const byName = new Map<string, string>()
  for (const head of await store.streamHeads()) {
    if (!head.streamId.startsWith('org-')) continue
    for (const row of await store.readStream(head.streamId)) {
      const { event } = ledger.decode(row)
      if (event.type !== 'OrganizationRegistered' || event.data.kind !== 'employer') continue
      ids.add(event.data.organizationId)
      // two employers of one name: the name is ambiguous, so it is not matched (the id must be given)
      byName.set(event.data.name.trim(), byName.has(event.data.name.trim()) ? '' : event.data.organizationId)
    }
  }
  return (cell) => {
    const v = cell.trim()
    if (ids.has(v)) return v
    const id = byName.get(v)
    return id === undefined || id === '' ? v : id
  }
}
