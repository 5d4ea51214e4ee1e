/**
 * A ledger without keys or clock, for properties over command sequences: raw commands run one at
 * a time through the ledger's own command runner (`createRunner().transact`) over a memory store,
 * routed by the aggregate registry with the talent category under test registered first
 * (`aggregate`, `routeWith`). Each outcome keeps what its decision was taken on, caught by wrapping
 * the deciding category's `decide` inside the one generic routing callback, so no aggregate is
 * named on the way. RegisterTalent's personal data is replaced by a fake sealed value; no §17 shape
 * or date rule is checked (`PURE_ENV`): the histories are about the rules of the deciders.
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  AGGREGATES,
  aggregate,
  businessDateOf,
  CITY_STREAM,
  cityCategory,
  CorruptEventError,
  createRunner,
  decodeCommand,
  decodeStored,
  foldEvents,
  organizationCategory,
  policyCategory,
  POLICY_STREAM,
  PURE_ENV,
  routeWith,
  sealedRegistration,
  talentCategory,
  TalentCommandData,
  TalentEventData,
  EventData,
  type Category,
  type CityState,
  type Command,
  type DecidableCommand,
  type DecisionEnv,
  type DomainError,
  type DomainEvent,
  type LedgerEvent,
  type OrganizationState,
  type PolicyRegistry,
  type RecordedEvent,
  type SealedPersonalData,
  type TalentCommand,
  type TalentContext,
  type TalentEvent,
  type TalentState,
} from '@talent-ledger/core'
import type * as t from 'io-ts'
import { pureClock, stampWith } from '../spec/memory-history.js'
import { createMemoryEventStore } from '@talent-ledger/store-memory'

/** The talent category a run uses: the core's, or a variant a test wants to catch out. */
export type TalentCategoryUnderTest = Category<TalentCommand, TalentEvent, TalentState, TalentContext, DecisionEnv>

/** What a talent decision was taken on. */
export interface TalentDecision {
  /** The command as decided (RegisterTalent sealed). */
  readonly command: TalentCommand
  readonly context: TalentContext
  readonly before: TalentState
}

/** A decision as the run took it. */
export interface RunDecision {
  /** The name of the category that decided (`talent`, `organization`, `city`, `policy`). */
  readonly category: string
  /** The stream it was decided on. */
  readonly stream: string
  /** Decides the same command again on the state after its own events, in the same context (idempotency). */
  readonly again: () => E.Either<DomainError, ReadonlyArray<DomainEvent>>
  /** For a talent decision: its command, context and the state before it; null for other aggregates. */
  readonly talent: TalentDecision | null
}

/** What became of one raw command. */
export interface Outcome {
  readonly raw: unknown
  /** The decoded command; null when it was `Malformed`. */
  readonly command: Command | null
  readonly decision: RunDecision | null
  readonly result: E.Either<DomainError, ReadonlyArray<LedgerEvent>>
  /** Index of the first event of this outcome in the log. */
  readonly position: number
}

/** An event as the run stored it: its stream and business date, in commit order. */
export interface LoggedEvent {
  readonly stream: string
  readonly occurredOn: string
  readonly event: LedgerEvent
}

/** A stream the run wrote: its state as built command by command, its rows, and its category's fold. */
export interface RunStream {
  readonly stream: string
  readonly category: string
  /** The state the runner built, command by command (its cache of folded streams). */
  readonly built: unknown
  readonly rows: ReadonlyArray<RecordedEvent>
  /** The rows decoded and folded by the stream's category, from the initial state or from the state after `checkpoint`. */
  readonly replay: (rows: ReadonlyArray<RecordedEvent>, checkpoint?: ReadonlyArray<RecordedEvent>) => unknown
}

/** Aggregate states and the log after a run. */
export interface PureLedgerView {
  readonly policies: PolicyRegistry
  readonly organizations: Readonly<Record<string, OrganizationState>>
  readonly city: CityState
  readonly talents: Readonly<Record<string, TalentState>>
  readonly log: ReadonlyArray<LoggedEvent>
  readonly streams: ReadonlyArray<RunStream>
}

/** A run: every outcome and the final view. */
export interface PureRun extends PureLedgerView {
  readonly outcomes: ReadonlyArray<Outcome>
  /** Why the run stopped early: a decided event its codecs reject (a store would keep it, and every later read fail); null: it ran to the end. */
  readonly failure: string | null
}

/** The stand-in for sealed personal data: deterministic, and holding nothing personal. */
export const fakeSealedPersonalData = (talentId: string): SealedPersonalData => ({
  alg: 'xchacha20poly1305',
  keyId: talentId,
  ciphertext: Array.from(new TextEncoder().encode(`fake:${talentId}`), (b) => b.toString(16).padStart(2, '0')).join(''),
})

/** The command a decision takes (RegisterTalent's personal data sealed). */
export const decidableCommand = (c: Command): DecidableCommand => (c.type === 'RegisterTalent' ? sealedRegistration(c, fakeSealedPersonalData(c.data.talentId)) : c)

/** A ledger session in memory. */
export interface PureLedger {
  /** Decodes, decides and (when accepted) appends one raw command; never throws for a refusal. */
  readonly execute: (raw: unknown) => Promise<Outcome>
  /** The aggregate states and the log so far. */
  readonly view: () => Promise<PureLedgerView>
  /** One talent's state so far (the initial state when it never appeared). */
  readonly talent: (talentId: string) => Promise<TalentState>
}

/** Throws when a decided event is not one its category's codecs accept: it must never be stored. */
const storable = (codecs: Readonly<Record<string, t.Decoder<unknown, unknown> | undefined>>, stream: string, events: ReadonlyArray<DomainEvent>): void => {
  // a decision's linked events (a senior post held on the employer's stream) are of that stream's category
  const all: Readonly<Record<string, t.Decoder<unknown, unknown> | undefined>> = EventData
  for (const e of events) {
    const codec = Object.hasOwn(codecs, e.type) ? codecs[e.type] : Object.hasOwn(all, e.type) ? all[e.type] : undefined
    if (codec === undefined || E.isLeft(codec.decode(e.data))) throw new CorruptEventError(stream, null, `decided a ${e.type} with data its codec rejects: ${JSON.stringify(e.data)}`)
  }
}

/** Starts a ledger session in memory: `execute` one raw command at a time, `view` the states. */
export const pureLedger = (talent: TalentCategoryUnderTest = talentCategory): PureLedger => {
  const store = createMemoryEventStore({ clock: pureClock })
  const runner = createRunner({ store })
  const decode = decodeStored()
  const log: LoggedEvent[] = []
  const streams = new Map<string, Omit<RunStream, 'built' | 'rows'> & { readonly id: string; readonly built: () => Promise<unknown> }>()
  let ids = 0
  // ForgetTalent names no date: the ledger uses the clock, here the latest business date seen
  let today = '1970-01-01'
  // the talent category under test, watched for what its decisions were taken on (typed: no cast)
  let talentTaken: TalentDecision | null = null
  const watchedTalent: TalentCategoryUnderTest = {
    ...talent,
    decide: (command, before, context) => {
      talentTaken = { command, before, context }
      return talent.decide(command, before, context)
    },
  }
  const route = routeWith([aggregate({ category: watchedTalent, commands: TalentCommandData, events: TalentEventData, notifies: null }), ...AGGREGATES])

  /** Routes, transacts, and keeps what the decision was taken on: the one callback for every aggregate. */
  const decide = (c: Command, stamp: ReturnType<typeof stampWith>) =>
    route(decidableCommand(c)).run(async <C, Ev extends DomainEvent, S, X>(category: Category<C, Ev, S, X, DecisionEnv>, command: C) => {
      const taken: Array<{ readonly before: S; readonly context: X }> = []
      const watched: Category<C, Ev, S, X, DecisionEnv> = {
        ...category,
        decide: (cmd, before, context) => {
          taken.push({ before, context })
          return category.decide(cmd, before, context)
        },
      }
      const codecs: Readonly<Record<string, t.Decoder<unknown, unknown> | undefined>> = category.events
      const id = category.idOf(command)
      const stream = category.streamOf(id)
      const done = await runner.transact(watched, command, PURE_ENV, {
        stamp: (events) => {
          storable(codecs, stream, events)
          return stamp(events)
        },
      })
      const last = taken[taken.length - 1]
      if (last === undefined) throw new Error(`${category.name}: the runner answered without deciding`)
      const again = (): E.Either<DomainError, ReadonlyArray<DomainEvent>> => category.decide(command, foldEvents(category, E.isRight(done) ? done.right.events : [], last.before), last.context)
      if (E.isRight(done)) {
        const replay = (rows: ReadonlyArray<RecordedEvent>, checkpoint: ReadonlyArray<RecordedEvent> = []): unknown => {
          const decodeRow = runner.decodeOf(category)
          return foldEvents(category, rows.map(decodeRow), foldEvents(category, checkpoint.map(decodeRow)))
        }
        streams.set(stream, { stream, id, category: category.name, replay, built: async () => (await runner.load(category, id)).state })
      }
      const counted = E.map((x: { readonly version: number; readonly events: ReadonlyArray<unknown> }) => ({ version: x.version, count: x.events.length }))(done)
      return { decision: { category: category.name, stream, again }, done: counted }
    })

  const execute = async (raw: unknown): Promise<Outcome> => {
    const position = log.length
    const decoded = decodeCommand(raw)
    if (E.isLeft(decoded)) return { raw, command: null, decision: null, result: decoded, position }
    const c = decoded.right
    const on = businessDateOf(c)
    if (on !== null && on > today) today = on
    talentTaken = null
    const { decision, done } = await decide(c, stampWith(c.actor, on ?? today, () => `e-${++ids}`))
    const ran: RunDecision = { ...decision, talent: talentTaken }
    if (E.isLeft(done)) return { raw, command: c, decision: ran, result: done, position }
    const rows = done.right.count === 0 ? [] : await store.readStream(decision.stream, done.right.version - done.right.count + 1)
    const events = rows.map((row) => decode(row).event)
    rows.forEach((row, i) => log.push({ stream: decision.stream, occurredOn: row.metadata.occurredOn, event: events[i]! }))
    return { raw, command: c, decision: ran, result: E.right(events), position }
  }

  const talentNow = async (talentId: string): Promise<TalentState> => (await runner.load(talent, talentId)).state

  const view = async (): Promise<PureLedgerView> => {
    const written = await Promise.all(
      [...streams.values()].map(async ({ stream, category, replay, built }) => ({ stream, category, replay, built: await built(), rows: await store.readStream(stream) })),
    )
    const idsOf = (name: string): string[] => [...streams.values()].filter((s) => s.category === name).map((s) => s.id)
    const statesOf = async <S>(load: (id: string) => Promise<S>, name: string): Promise<Record<string, S>> =>
      Object.fromEntries(await Promise.all(idsOf(name).map(async (id) => [id, await load(id)] as const)))
    return {
      policies: (await runner.load(policyCategory, POLICY_STREAM)).state,
      city: (await runner.load(cityCategory, CITY_STREAM)).state,
      organizations: await statesOf(async (id) => (await runner.load(organizationCategory, id)).state, organizationCategory.name),
      talents: await statesOf(talentNow, talent.name),
      log: [...log],
      streams: written,
    }
  }

  return { execute, view, talent: talentNow }
}

/** Runs raw commands in order through the ledger (a refused or malformed one changes nothing); stops at an event its codecs reject. */
export const runPureLedger = async (raws: Iterable<unknown>, talent: TalentCategoryUnderTest = talentCategory): Promise<PureRun> => {
  const ledger = pureLedger(talent)
  const outcomes: Outcome[] = []
  let failure: string | null = null
  try {
    for (const raw of raws) outcomes.push(await ledger.execute(raw))
  } catch (error) {
    if (!(error instanceof CorruptEventError)) throw error
    failure = error.message
  }
  return { ...(await ledger.view()), outcomes, failure }
}
