/**
 * The figures a fault-injection run reports: of the notices the outbox held, how many the receiver
 * got, how many were lost, and how many arrived more than once (each duplicate must carry a key the
 * receiver has already seen, so it can drop it).
 */

/** Outcome of a delivery run as the receiver saw it. */
export interface DeliveryReport {
  /** Notices written to the outbox. */
  readonly sent: number
  /** Distinct notices the receiver got. */
  readonly delivered: number
  /** Notices the receiver never got. */
  readonly lost: number
  /** Arrivals beyond the first of a notice. */
  readonly duplicates: number
  /** Whether every duplicate carried the key of a notice already received (dedupable by key). */
  readonly duplicatesDedupable: boolean
  /** Arrivals whose key matches no notice that was sent. */
  readonly unexpected: number
}

/** Compares the keys written (`sent`) with the keys the receiver got, in arrival order. */
export const deliveryReport = (sent: ReadonlyArray<string>, received: ReadonlyArray<string>): DeliveryReport => {
  const wanted = new Set(sent)
  const seen = new Set<string>()
  let duplicates = 0
  let unexpected = 0
  for (const key of received) {
    if (!wanted.has(key)) unexpected++
    else if (seen.has(key)) duplicates++
    else seen.add(key)
  }
  return { sent: wanted.size, delivered: seen.size, lost: wanted.size - seen.size, duplicates, duplicatesDedupable: unexpected === 0, unexpected }
}
