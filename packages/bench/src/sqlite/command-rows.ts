/**
 * The rows a ledger wrote, grouped by the command that wrote them, in the order its store wrote
 * them: what the schema floor (schema-floor.ts) writes again with the raw driver. A command is a run
 * of consecutive events sharing one correlation id (as command-floor.ts cuts the workload); within
 * it each stream's append is its head row, then its events, then the outbox rows of those events,
 * a shared payload just before the first row that reads it (the store's order: the triggers refuse
 * an event before its head, and a row's `payload_ref` names a payload already stored). A talent's
 * key goes with the command that registered it, before its appends (the ledger asks for the key
 * before it seals the registration). Pure: the reader (command-rows-read.ts) does the I/O.
 */

/** An `events` row's values, in the store's column order (global_position … hash). */
export type EventValues = ReadonlyArray<number | string>

/** One stored event with the fields the grouping reads. */
export interface StoredEvent {
  readonly values: EventValues
  readonly streamId: string
  readonly version: number
  readonly eventId: string
  readonly hash: string
  readonly type: string
  readonly correlationId: string
  /** The talent a `TalentRegistered` or `TalentForgotten` event is about. */
  readonly talentId?: string
}

/** One `outbox` row: its values for the insert (seq … payload_sha256) and what it is attached by. */
export interface StoredOutbox {
  readonly values: ReadonlyArray<number | string | null>
  readonly eventId: string
  readonly payloadRef: number | null
}

/** One write of an append after its events: a shared payload (id, text) or an outbox row. */
export type OutboxWrite = { readonly payload: readonly [number, string] } | { readonly outbox: StoredOutbox['values'] }

/** One stream's part of a command: its head as the command left it, its events, its outbox writes. */
export interface AppendRows {
  head: readonly [string, number, string]
  readonly events: EventValues[]
  readonly outbox: OutboxWrite[]
}

/** Every row one command wrote. */
export interface CommandRows {
  readonly keys: Array<readonly [string, Uint8Array]>
  readonly appends: AppendRows[]
  /** Talents whose key the command erased (`TalentForgotten`). */
  readonly forgets: string[]
  /** Certificate rows of a registry file the command recorded (`PriorCertificateRecorded` events): onboarding's unit. */
  certificates: number
  /** Whether the command registered a talent: where onboarding may cut a chunk (a person's first command). */
  registers: boolean
}

/** A key of a talent whose key the file no longer holds (erased since): same size, any bytes. */
const ERASED_KEY = new Uint8Array(32)

/** Groups `events` (in position order) with their outbox rows (in seq order), shared payloads and keys by command. */
export const commandRowsOf = (
  events: ReadonlyArray<StoredEvent>,
  outbox: ReadonlyArray<StoredOutbox>,
  payloads: ReadonlyMap<number, string>,
  keys: ReadonlyMap<string, Uint8Array>,
): CommandRows[] => {
  const outboxOf = new Map<string, StoredOutbox[]>()
  for (const o of outbox) {
    const list = outboxOf.get(o.eventId)
    if (list === undefined) outboxOf.set(o.eventId, [o])
    else list.push(o)
  }
  const written = new Set<number>()
  const commands: CommandRows[] = []
  let last: string | undefined
  for (const e of events) {
    let command = commands[commands.length - 1]
    if (command === undefined || e.correlationId !== last) {
      command = { keys: [], appends: [], forgets: [], certificates: 0, registers: false }
      commands.push(command)
    }
    last = e.correlationId
    let append = command.appends[command.appends.length - 1]
    if (append === undefined || append.head[0] !== e.streamId) {
      append = { head: [e.streamId, e.version, e.hash], events: [], outbox: [] }
      command.appends.push(append)
    }
    append.head = [e.streamId, e.version, e.hash]
    append.events.push(e.values)
    for (const o of outboxOf.get(e.eventId) ?? []) {
      if (o.payloadRef !== null && !written.has(o.payloadRef)) {
        written.add(o.payloadRef)
        append.outbox.push({ payload: [o.payloadRef, payloads.get(o.payloadRef) ?? ''] })
      }
      append.outbox.push({ outbox: o.values })
    }
    if (e.type === 'TalentRegistered' && e.talentId !== undefined) {
      command.keys.push([e.talentId, keys.get(e.talentId) ?? ERASED_KEY])
      command.registers = true
    }
    if (e.type === 'TalentForgotten' && e.talentId !== undefined) command.forgets.push(e.talentId)
    if (e.type === 'PriorCertificateRecorded') command.certificates++
  }
  return commands
}

/** Consecutive commands in transactions of `size` commands each (the last one shorter). */
export const inTransactionsOf = <T>(commands: ReadonlyArray<T>, size: number): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < commands.length; i += size) out.push(commands.slice(i, i + size))
  return out
}

/**
 * Commands in onboarding's transactions: a chunk holds at most `rows` certificate rows and is cut
 * only before a registration (onboard keeps a person's rows in one chunk and moves the person that
 * would cross the bound to the next one); a person with more rows than the bound gets a chunk alone.
 */
export const inOnboardChunks = (commands: ReadonlyArray<CommandRows>, rows: number): CommandRows[][] => {
  const people: CommandRows[][] = []
  for (const c of commands) {
    const person = people[people.length - 1]
    if (person === undefined || c.registers) people.push([c])
    else person.push(c)
  }
  const chunks: CommandRows[][] = []
  let chunk: CommandRows[] = []
  let held = 0
  for (const person of people) {
    const n = person.reduce((k, c) => k + c.certificates, 0)
    if (chunk.length > 0 && held + n > rows) {
      chunks.push(chunk)
      chunk = []
      held = 0
    }
    chunk.push(...person)
    held += n
  }
  if (chunk.length > 0) chunks.push(chunk)
  return chunks
}
