/**
 * 工作单位: a registry export names the employer by the ledger's organisation id or by its name.
 * An id is used as written; a name is matched (exactly, after trimming) to a registered employer,
 * read once from the organisation streams. A value that is neither is passed on as an id, and the
 * ledger refuses the registration naming it (`NotFound`).
 */
import { pages, rangePage, type EventKey, type EventStore, type RecordedEvent, type TalentLedger } from '@talent-ledger/core'

/** Resolves a 工作单位 cell to an organisation id. */
export type EmployerOf = (cell: string) => string

/** Streams whose id starts `org-`: from `org-` up to `org.` (the next code point after `-`). */
const ORGANISATION_STREAMS = { from: 'org-', to: 'org.' }
const PAGE = 1000

/**
 * Reads every registered employer's id and name. Organisations are few, and their streams are read
 * by their range of stream ids (the store's audit read, page by page), so the run's start does not
 * grow with the talents the ledger holds (listing every stream's head did: some 9 µs a stream).
 */
export const employersOf = async (store: EventStore, ledger: TalentLedger): Promise<EmployerOf> => {
  const ids = new Set<string>()
  const byName = new Map<string, string>()
  for await (const page of pages<EventKey, RecordedEvent>((after) => store.audit.events(rangePage(after, PAGE, ORGANISATION_STREAMS)), (e) => ({ streamId: e.streamId, version: e.version }), PAGE)) {
    for (const row of page) {
      // a store may return rows outside the range: they are skipped
      if (!row.streamId.startsWith(ORGANISATION_STREAMS.from)) continue
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
