/**
 * Runs one raw command after a history of domain events on the ledger's own command runner
 * (`createRunner`), over a fresh memory store holding the history: decode, the §17 shape checks,
 * RegisterTalent sealed with the fake seal, routed to the category that owns it and transacted,
 * as `application/ledger.ts` does. Nothing here names an aggregate: the registry routes the command
 * and files each given event into its stream, so a new aggregate needs no change in this file.
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  businessDateOf,
  createRunner,
  decodeCommand,
  decodeStored,
  describeErrors,
  EventData,
  personalDataOf,
  routeOf,
  sanityOf,
  sealedRegistration,
  talentCategory,
  type Command,
  type DecidableCommand,
  type DecisionEnv,
  type DomainError,
  type EventStore,
  type LedgerEvent,
  type Runner,
  type TalentCommand,
  type TalentContext,
  type TalentState,
} from '@talent-ledger/core'
import { fakeSeal } from './fake-seal.js'
import { stampWith, storeWithHistory } from './memory-history.js'

/** What a command decided: the events it emits, or the refusal. */
export type Decision = E.Either<DomainError, ReadonlyArray<LedgerEvent>>

/** Throws when a `given` event is not a valid event: a spec built on an impossible history proves nothing. */
export const checkHistory = (history: ReadonlyArray<LedgerEvent>): void =>
  history.forEach((e, i) => {
    const codec = EventData[e.type]
    if (codec === undefined) throw new Error(`given event #${i} has an unknown type ${JSON.stringify(e.type)}`)
    const decoded = codec.decode(e.data)
    if (E.isLeft(decoded))
      throw new Error(`given event #${i} (${e.type}) is not valid: ${describeErrors(decoded.left).map((d) => d.message).join('; ')}`)
  })

/** The record date a spec runs on unless it names one (a fixed day: specs never read a clock). */
export const SPEC_RECORD_DATE = '2026-12-07'

/**
 * The §17 date context of a spec: the record date and `maxFutureDays` (none by default), and the
 * birth date the ledger would open. The fake seal cannot be opened, so a spec of a fact dated before
 * `occupationSince` names the birth date; a registration reads it from its data.
 */
export interface SpecDates {
  readonly recordDate?: string
  readonly maxFutureDays?: number | null
  readonly birthDate?: string | null
}

/**
 * The environment a spec decides in: its record dates, a registration's birth date in clear (as the
 * ledger hands it over before sealing), and an `open` that yields the spec's birth date.
 */
const envOf = (dates: SpecDates, registrationBirthDate: string | null = null): DecisionEnv => {
  const birthDate = dates.birthDate ?? null
  return {
    dates: { recordDate: dates.recordDate ?? SPEC_RECORD_DATE, maxFutureDays: dates.maxFutureDays ?? null },
    // the fake seal hides nothing it could give back: only the birth date the spec names
    open: async () => (birthDate === null ? null : { name: '', nationalId: '', birthDate }),
    birthDate: registrationBirthDate ?? birthDate,
  }
}

/** A command run after a history: what it decided, and the state of a talent after it. */
export interface SpecRun {
  readonly decision: Decision
  /** A talent's state after the history and the command's events (from the stream, folded by the runner). */
  readonly talentAfter: (talentId: string) => Promise<TalentState>
}

/** The command as a decision takes it (RegisterTalent sealed with the fake seal). */
const decidable = (c: Command): DecidableCommand => (c.type === 'RegisterTalent' ? sealedRegistration(c, fakeSeal(c.data.talentId, personalDataOf(c))) : c)

/** The events a transaction appended, read back from its stream and decoded as the ledger reads them. */
const appended = async (store: EventStore, stream: string, version: number, count: number): Promise<ReadonlyArray<LedgerEvent>> => {
  const decode = decodeStored()
  return count === 0 ? [] : (await store.readStream(stream, version - count + 1)).map((row) => decode(row).event)
}

/** Runs an already decoded command after the history, as the ledger does: §17 shape checks first. */
export const runCommand = async (history: ReadonlyArray<LedgerEvent>, c: Command, dates: SpecDates = {}): Promise<SpecRun> => {
  const store = await storeWithHistory(history, SPEC_RECORD_DATE)
  const runner: Runner = createRunner({ store })
  const talentAfter = async (talentId: string): Promise<TalentState> => (await runner.load(talentCategory, talentId)).state
  const env = envOf(dates, c.type === 'RegisterTalent' ? c.data.birthDate : null)
  const recordDate = env.dates?.recordDate ?? SPEC_RECORD_DATE
  const insane = sanityOf(c, recordDate)
  if (insane !== null) return { decision: E.left(insane), talentAfter }
  let n = 0
  const stamp = stampWith(c.actor, businessDateOf(c) ?? recordDate, () => `when-${++n}`)
  const done = await routeOf(decidable(c)).run(async (category, command) =>
    E.map((t: { readonly stream: string; readonly version: number; readonly events: ReadonlyArray<unknown> }) => ({ stream: t.stream, version: t.version, count: t.events.length }))(
      await runner.transact(category, command, env, { stamp }),
    ),
  )
  const decision: Decision = E.isLeft(done) ? done : E.right(await appended(store, done.right.stream, done.right.version, done.right.count))
  return { decision, talentAfter }
}

/** Decodes a raw command (so `Malformed` is testable) and runs it after the history. */
export const runRaw = async (history: ReadonlyArray<LedgerEvent>, raw: unknown, dates: SpecDates = {}): Promise<SpecRun> => {
  const decoded = decodeCommand(raw)
  if (E.isLeft(decoded)) return { decision: decoded, talentAfter: async (talentId) => talentStateOf(history, talentId) }
  return runCommand(history, decoded.right, dates)
}

/** Decodes a raw command (so `Malformed` is testable) and decides it after the history. */
export const decideRaw = async (history: ReadonlyArray<LedgerEvent>, raw: unknown, dates: SpecDates = {}): Promise<Decision> =>
  (await runRaw(history, raw, dates)).decision

/** The talent's state after the history. */
export const talentStateOf = async (history: ReadonlyArray<LedgerEvent>, talentId: string): Promise<TalentState> =>
  (await createRunner({ store: await storeWithHistory(history, SPEC_RECORD_DATE) }).load(talentCategory, talentId)).state

/** The context a talent command is decided in after the history: the policies adopted, the organisations it names, its date context. */
export const talentContextOf = async (history: ReadonlyArray<LedgerEvent>, c: TalentCommand, dates: SpecDates = {}): Promise<TalentContext> => {
  const runner = createRunner({ store: await storeWithHistory(history, SPEC_RECORD_DATE) })
  const talent = await runner.load(talentCategory, talentCategory.idOf(c))
  return talentCategory.context(c, talent.state, envOf(dates), runner.load)
}
