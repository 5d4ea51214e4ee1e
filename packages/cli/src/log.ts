/**
 * Reading the whole log page by page in commit order, so export and import work on logs
 * larger than memory would like and can show progress.
 */
import type { EventStore, RecordedEvent } from '@talent-ledger/core'

/** Events per `readAll` call. */
export const PAGE_SIZE = 5000

/** Every event after `after`, in pages of `PAGE_SIZE`. */
export async function* pagesOf(store: EventStore, after = 0): AsyncGenerator<ReadonlyArray<RecordedEvent>> {
  let position = after
  for (;;) {
    const page = await store.readAll({ after: position, limit: PAGE_SIZE })
    if (page.length === 0) return
    yield page
    position = page[page.length - 1]!.globalPosition
    if (page.length < PAGE_SIZE) return
  }
}

