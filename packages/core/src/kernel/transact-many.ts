/**
 * Group commit in the runner (成组提交): a batch of commands decided one after another against one
 * view — the store's streams as first read in the batch, plus the events the batch's earlier
 * accepted commands decided — and committed in one `appendMany`. Each command keeps its own
 * outcome: a refusal stages nothing and the others go on; a later command sees an earlier one's
 * events (register a talent, then assess them); the outcomes are those the commands would have had
 * one at a time in the batch's order. When the commit finds a stream moved by another writer,
 * nothing is stored; the commands whose reads touched a moved stream are decided again on a fresh
 * read, and so are those that read what a re-decided command wrote; the rest keep their decision.
 * Past the retry bound the commands on the moved streams are refused with `Conflict`, as one at a
 * time would, and the rest commit.
 * Context streams (policy, organisations) are read once per batch; like a single command's context
 * they are not checked at commit, only the streams the batch writes are. A command that decides the
 * same command twice (dry, then for real: a prior certificate's talent check and its number's claim)
 * is decided once while the streams that decision read are unchanged in the view.
 */
import * as E from 'fp-ts/lib/Either.js'
import { foldEvents, type Category, type DomainEvent, type Foldable, type Loaded, type StreamReader } from './category.js'
import type { DomainError } from './errors.js'
import type { AppendResult, EventStore, ExpectedVersion, StreamAppend } from './ports.js'
import type { BatchCommand, Transactor } from './transactor.js'

/** What the batch runner needs of the runner. */
export interface BatchDeps {
  readonly store: EventStore & { readonly appendMany: NonNullable<EventStore['appendMany']> }
  /** A stream folded up to its last stored event (`fresh`: folded again from the first event). */
  readonly load: <Ev extends DomainEvent, S>(category: Foldable<Ev, S>, id: string, fresh: boolean) => Promise<Loaded<S>>
  /** Waits before attempt `n` (2, 3, …); answers false once the retry bound is passed. */
  readonly wait: (n: number) => Promise<boolean>
  /** The refusal of a command whose stream kept moving past the retry bound. */
  readonly conflict: (stream: string, attempts: number) => DomainError
  /** Keeps a stream the batch committed, folded as the batch left it, when the store's answer allows (`FoldedStreams.appended`). */
  readonly appended: (answer: AppendResult, after: Loaded<unknown>) => void
}

/** What one command did in the current pass. */
interface Done<R> {
  readonly reads: Set<string>
  readonly staged: ReadonlyArray<StreamAppend & { readonly before: Loaded<unknown>; readonly after: Loaded<unknown> }>
  readonly result: E.Either<DomainError, R>
}

/**
 * A decision a command made, with every stream it read (the command's own and its context's) as the
 * view held it. Deciding is pure in the command, the environment, the state and the context, and the
 * context in what it read: while each of those streams is still the same state in the view, deciding
 * the same command again gives the same answer.
 */
interface Decision<S, X, Ev = DomainEvent> {
  readonly category: object
  readonly command: unknown
  readonly env: unknown
  /** The command's own stream. */
  readonly stream: string
  readonly reads: ReadonlyArray<readonly [string, Loaded<unknown>]>
  readonly loaded: Loaded<S>
  readonly context: X
  readonly decided: E.Either<DomainError, ReadonlyArray<Ev>>
}

/** Runs `commands` as one group commit; their outcomes in order. */
export const transactMany = async <R>(deps: BatchDeps, commands: ReadonlyArray<BatchCommand<R>>): Promise<ReadonlyArray<E.Either<DomainError, R>>> => {
  const done: Array<Done<R> | undefined> = commands.map(() => undefined)
  const refused = new Map<number, DomainError>()
  const fresh = new Set<string>()
  let dirty: ReadonlySet<string> = new Set()
  for (let n = 1; ; n++) {
    const view = new Map<string, Loaded<unknown>>()
    const changed = new Set(dirty)
    for (let i = 0; i < commands.length; i++) {
      const command = commands[i]!
      const before = done[i]
      if (before !== undefined && ![...before.reads].some((s) => changed.has(s))) {
        // untouched by what changed: its decision stands, its events stay in the view
        for (const s of before.staged) view.set(s.streamId, s.after)
        continue
      }
      const forced = refused.get(i)
      const now = forced !== undefined ? { reads: new Set<string>(), staged: [], result: E.left(forced) } : await run(deps, view, fresh, command)
      done[i] = now
      if (before !== undefined) for (const s of [...before.staged, ...now.staged]) changed.add(s.streamId)
    }
    const requests: StreamAppend[] = []
    const afters: Array<Loaded<unknown>> = []
    for (const d of done)
      for (const { streamId, events, expected, outbox, after } of d!.staged) {
        requests.push(outbox === undefined ? { streamId, events, expected } : { streamId, events, expected, outbox })
        afters.push(after)
      }
    if (requests.length === 0) return done.map((d) => d!.result)
    const outcome = await deps.store.appendMany(requests)
    if (outcome.ok) {
      // the streams as committed, kept folded so the next batch does not read back what this one decided
      outcome.results.forEach((r, k) => deps.appended(r, afters[k]!))
      return done.map((d) => d!.result)
    }
    // another writer moved these streams: decide again what read them, on fresh reads
    const moved = new Set(outcome.conflicts.map((c) => c.streamId))
    for (const s of moved) fresh.add(s)
    dirty = moved
    if (await deps.wait(n + 1)) continue
    let newlyRefused = 0
    for (const [i, d] of done.entries()) {
      const stream = d!.staged.find((s) => moved.has(s.streamId))?.streamId
      if (stream !== undefined) {
        refused.set(i, deps.conflict(stream, n))
        newlyRefused++
      }
    }
    // each round past the bound refuses at least one command, so the batch ends; a store that
    // names conflicts on streams the batch did not write would otherwise keep it going
    if (newlyRefused === 0) throw new Error(`appendMany reported conflicts on ${[...moved].join(', ')}, which the batch did not write`)
  }
}

/** True when every stream a decision read is still the very state it read in the view. */
const unchanged = (view: ReadonlyMap<string, Loaded<unknown>>, reads: ReadonlyArray<readonly [string, Loaded<unknown>]>): boolean => {
  for (let i = 0; i < reads.length; i++) if (view.get(reads[i]![0]) !== reads[i]![1]) return false
  return true
}

/** Runs one command on the view, recording what it read and staged. */
const run = async <R>(deps: BatchDeps, view: Map<string, Loaded<unknown>>, fresh: ReadonlySet<string>, command: BatchCommand<R>): Promise<Done<R>> => {
  const reads = new Set<string>()
  const staged: Array<StreamAppend & { before: Loaded<unknown>; after: Loaded<unknown> }> = []
  /** A stream as the view holds it, read from the store on first sight; counted among this command's reads and `seen`. */
  const readInto = <Ev extends DomainEvent, S>(seen: Array<readonly [string, Loaded<unknown>]>, category: Foldable<Ev, S>, streamId: string, id: string): Loaded<S> | Promise<Loaded<S>> => {
    reads.add(streamId)
    const inView = view.get(streamId) as Loaded<S> | undefined
    if (inView !== undefined) {
      seen.push([streamId, inView])
      return inView
    }
    return deps.load(category, id, fresh.has(streamId)).then((loaded) => {
      view.set(streamId, loaded)
      seen.push([streamId, loaded])
      return loaded
    })
  }
  // a command's steps often decide the same command twice (a dry run, then for real): the second
  // takes the first's decision while every stream it read is still the very state it read
  const decisions: Array<Decision<unknown, unknown>> = []
  const decideOn = async <C, Ev extends DomainEvent, S, X, Env>(category: Category<C, Ev, S, X, Env>, c: C, env: Env): Promise<Decision<S, X, Ev>> => {
    for (const d of decisions) if (d.category === category && d.command === c && d.env === env && unchanged(view, d.reads)) return d as Decision<S, X, Ev>
    const seen: Array<readonly [string, Loaded<unknown>]> = []
    // WHY no async wrapper per read: a stream the view holds (most reads of a batch) is handed back
    // at once, and each stream id is made once (a new string: hashed again by every map it meets)
    const tracked: StreamReader = (cat, id) => {
      const l = readInto(seen, cat, cat.streamOf(id), id)
      return l instanceof Promise ? l : Promise.resolve(l)
    }
    const id = category.idOf(c)
    const stream = category.streamOf(id)
    const own = readInto(seen, category, stream, id)
    const loaded = own instanceof Promise ? await own : own
    const context = await category.context(c, loaded.state, env, tracked)
    const made: Decision<S, X, Ev> = { category, command: c, env, stream, reads: seen, loaded, context, decided: category.decide(c, loaded.state, context) }
    decisions.push(made as Decision<unknown, unknown>)
    return made
  }
  const on: Transactor = {
    decide: async (category, c, env) => (await decideOn(category, c, env)).decided,
    transact: async (category, c, env, transaction) => {
      const { stream, loaded, context, decided } = await decideOn(category, c, env)
      if (E.isLeft(decided)) return decided
      if (decided.right.length === 0) return E.right({ stream, version: loaded.version, events: [] })
      // a place held on another stream (Category.linked) is staged first, expecting the version the context read
      const link = category.linked?.(c, loaded.state, context, decided.right) ?? null
      const base = link === null ? undefined : view.get(link.streamId)
      if (link !== null && link.events.length > 0) {
        if (base === undefined || base.version !== link.expectedVersion) throw new Error(`${link.streamId}: a linked stream must be read by the decision's context`)
        const linkedAfter = { version: base.version + link.events.length, state: link.fold(base.state) }
        view.set(link.streamId, linkedAfter)
        staged.push({ streamId: link.streamId, events: transaction.stamp(link.events), expected: base.version === 0 ? 'no-stream' : base.version, before: base, after: linkedAfter })
      }
      const envelopes = transaction.stamp(decided.right)
      const outbox = transaction.outbox?.(envelopes.map((envelope, i) => ({ envelope, event: decided.right[i]! })), loaded.state) ?? []
      // folded as decided: a reader decodes the same values back from the stored rows
      const after = { version: loaded.version + envelopes.length, state: foldEvents(category, decided.right, loaded.state) }
      view.set(stream, after)
      const expected: ExpectedVersion = loaded.version === 0 ? 'no-stream' : loaded.version
      staged.push(outbox.length === 0 ? { streamId: stream, events: envelopes, expected, before: loaded, after } : { streamId: stream, events: envelopes, expected, outbox, before: loaded, after })
      return E.right({ stream, version: after.version, events: decided.right })
    },
  }
  const result = await command(on)
  // a refused command stages nothing, even what it staged before a later step refused it
  if (E.isLeft(result)) {
    for (const s of [...staged].reverse()) view.set(s.streamId, s.before)
    return { reads, staged: [], result }
  }
  return { reads, staged, result }
}
