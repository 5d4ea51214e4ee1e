/**
 * `import FILE`: an exported log into an empty store. Nothing is written until the whole file has
 * been checked: every line must decode as core's `RecordedEvent` (and its data as its event type),
 * positions must rise, and every stream's hash chain must verify. Events are then appended in the
 * file's order with their own event ids, versions and metadata, so each stored hash is the hash in
 * the file; that is checked again after writing. They are stored several thousand at a time in one
 * transaction (`appendMany`, group commit), so a file is not paid one commit per stream run.
 * The outbox rows the events imply (default notification policy, as `apply` writes them) are
 * written with them, so `verify` finds the imported store as complete as one built by `apply`;
 * their ids are the source's, so a receiver that already had a notice drops the repeat.
 * NOTE: personal-data keys are not part of the log, so names are not carried across (show gives
 * `name: null` on the target) — the hashes, verify and the city report are.
 */
import { isLeft } from 'fp-ts/lib/Either.js'
import {
  defaultNotificationPolicy,
  describeErrors,
  impliedOutboxEntries,
  RecordedEvent,
  verifyStream,
  type EventStore,
  type NewEvent,
  type OutboxEntry,
  type StreamAppend,
  type TalentLedger,
} from '@talent-ledger/core'
import { pagesOf } from '../log.js'
import type { Progress } from '../progress.js'
import { nativeSha256Hex as sha256 } from '@talent-ledger/node'

/** Why a file cannot be imported, or what was imported. */
export type ImportResult =
  | { readonly ok: true; readonly streams: number; readonly events: number }
  | { readonly ok: false; readonly line: number; readonly reason: string }
  | { readonly ok: false; readonly stream: string; readonly version: number; readonly reason: string }

type Checked = { readonly ok: true; readonly events: ReadonlyArray<RecordedEvent> } | Exclude<ImportResult, { ok: true }>

/** Parses and checks the lines; returns the events or the first problem. */
export const checkExport = async (lines: AsyncIterable<string>, ledger: TalentLedger): Promise<Checked> => {
  const events: RecordedEvent[] = []
  const streams = new Map<string, RecordedEvent[]>()
  let lineNumber = 0
  for await (const line of lines) {
    lineNumber++
    if (line.trim() === '') continue
    let raw: unknown
    try {
      raw = JSON.parse(line)
    } catch (error) {
      return { ok: false, line: lineNumber, reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` }
    }
    const decoded = RecordedEvent.decode(raw)
    if (isLeft(decoded)) return { ok: false, line: lineNumber, reason: `not a recorded event: ${describeErrors(decoded.left).map((d) => d.message).join('; ')}` }
    const e = decoded.right
    try {
      ledger.decode(e)
    } catch (error) {
      return { ok: false, line: lineNumber, reason: error instanceof Error ? error.message : String(error) }
    }
    const previous = events[events.length - 1]
    if (previous !== undefined && e.globalPosition <= previous.globalPosition)
      return { ok: false, line: lineNumber, reason: `globalPosition ${e.globalPosition} does not follow ${previous.globalPosition}: lines must be in commit order` }
    events.push(e)
    const stream = streams.get(e.streamId)
    if (stream === undefined) streams.set(e.streamId, [e])
    else stream.push(e)
  }
  for (const [streamId, rows] of streams) {
    const broken = verifyStream(streamId, rows, sha256)
    if (broken !== null) return { ok: false, stream: broken.streamId, version: broken.version, reason: broken.reason }
  }
  return { ok: true, events }
}

const newEventOf = (e: RecordedEvent): NewEvent => ({ eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata })

/** The outbox rows each event implies, by event id. */
const impliedByEvent = (events: ReadonlyArray<RecordedEvent>, ledger: TalentLedger): Map<string, OutboxEntry[]> => {
  const streams = new Map<string, RecordedEvent[]>()
  for (const e of events) (streams.get(e.streamId) ?? streams.set(e.streamId, []).get(e.streamId)!).push(e)
  const byEvent = new Map<string, OutboxEntry[]>()
  for (const rows of streams.values())
    for (const entry of impliedOutboxEntries(defaultNotificationPolicy, rows, (row) => ledger.decode(row).event))
      (byEvent.get(entry.eventId) ?? byEvent.set(entry.eventId, []).get(entry.eventId)!).push(entry)
  return byEvent
}

/** How many events `import` stores per transaction (group commit through `appendMany`). */
export const IMPORT_GROUP_EVENTS = 5_000

/** Appends checked events in order, one request per run of consecutive events of a stream, `IMPORT_GROUP_EVENTS` at a time in one `appendMany`, with the outbox rows they imply. */
export const writeEvents = async (store: EventStore, events: ReadonlyArray<RecordedEvent>, progress: Progress, ledger: TalentLedger): Promise<ImportResult> => {
  const implied = impliedByEvent(events, ledger)
  const appendGroup = async (group: ReadonlyArray<StreamAppend>): Promise<void> => {
    if (store.appendMany !== undefined) {
      const outcome = await store.appendMany(group)
      if (!outcome.ok) {
        const c = outcome.conflicts[0]!
        throw new Error(`import: ${c.streamId} was at version ${c.actual}, expected ${String(c.expected)}`)
      }
      return
    }
    for (const r of group) {
      const appended = await store.append(r.streamId, r.events, r.expected, r.outbox === undefined ? {} : { outbox: r.outbox })
      if (!appended.ok) throw new Error(`import: ${r.streamId} was at version ${appended.conflict.actual}, expected ${String(r.expected)}`)
    }
  }
  progress.start(events.length)
  try {
    let group: StreamAppend[] = []
    let grouped = 0
    for (let i = 0; i < events.length; ) {
      const first = events[i]!
      let end = i + 1
      while (end < events.length && events[end]!.streamId === first.streamId) end++
      const run = events.slice(i, end)
      const outbox = run.flatMap((e) => implied.get(e.eventId) ?? [])
      group.push({ streamId: first.streamId, events: run.map(newEventOf), expected: first.version === 1 ? 'no-stream' : first.version - 1, ...(outbox.length === 0 ? {} : { outbox }) })
      grouped += run.length
      i = end
      if (grouped >= IMPORT_GROUP_EVENTS || i === events.length) {
        await appendGroup(group)
        group = []
        grouped = 0
        progress.update(i)
      }
    }
  } finally {
    progress.stop()
  }
  // the store seals the events itself: make sure it arrived at the very hashes of the file
  let i = 0
  for await (const page of pagesOf(store))
    for (const e of page) {
      const want = events[i++]
      if (want === undefined || want.hash !== e.hash) throw new Error(`import: stored ${e.streamId} version ${e.version} hashes differently from the file`)
    }
  if (i !== events.length) throw new Error(`import: ${events.length} events in the file, ${i} stored`)
  return { ok: true, streams: new Set(events.map((e) => e.streamId)).size, events: events.length }
}
