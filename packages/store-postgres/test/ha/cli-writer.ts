// A writer of the failover suite: one `talent-ledger apply -` process fed one command at a time, so
// every result line is the acknowledgement of exactly one command. It registers talents and records
// a failed assessment for each (AssessmentFailed implies outbox rows for the relay). A process that
// dies leaves its command in doubt (resolved later by reading the log) and is started again.
import { spawn, type ChildProcess } from 'node:child_process'

/** A command line of the CLI contract. */
export type Command = { readonly type: string; readonly actor: { readonly id: string; readonly role: string }; readonly data: Record<string, unknown> }

/** A result line of the CLI contract. */
export interface ResultLine {
  readonly ok: boolean
  readonly stream?: string
  readonly version?: number
  readonly events?: ReadonlyArray<string>
  readonly error?: { readonly code: string; readonly message: string }
}

/** A command and what became of it. */
export interface Sent {
  readonly command: Command
  readonly talentId: string
  readonly sentAt: number
  /** When its result line arrived; undefined while in flight or when the process died first (in doubt). */
  at?: number
  result?: ResultLine
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** A valid 18-digit national ID (GB 11643 check digit) for a birth date and a sequence number. */
export const nationalIdOf = (birthDate: string, seq: number): string => {
  const body = `320703${birthDate.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`
  const sum = [...body].reduce((a, c, i) => a + Number(c) * WEIGHTS[i]!, 0)
  return `${body}${'10X98765432'[sum % 11]!}`
}

/** The employer every talent of the suite works for. */
export const EMPLOYER: Command = {
  type: 'RegisterOrganization',
  actor: { id: 'hr-bureau', role: 'hr-bureau' },
  data: { organizationId: 'port-co', kind: 'employer', name: '连云港港口集团', canAppoint: true, authorizations: [{ route: 'skill-level-recognition', occupations: ['*'], maxLevel: 'technician' }] },
}

const birthOf = (n: number): string => new Date(Date.UTC(1970, 0, 1) + (n % 10_000) * 86_400_000).toISOString().slice(0, 10)

const registration = (talentId: string, writer: number, n: number): Command => ({
  type: 'RegisterTalent',
  actor: { id: 'port-co', role: 'employer' },
  data: {
    talentId, name: '王芳', nationalId: nationalIdOf(birthOf(n), writer * 10 + Math.floor(n / 10_000)), birthDate: birthOf(n),
    occupation: '6-18-02-04', occupationSince: '2016-07-01', education: 'technician-college', employerId: 'port-co', district: '连云区', frontLine: true, registeredOn: '2026-01-05',
  },
})

const assessment = (talentId: string): Command => ({
  type: 'RecordAssessment',
  actor: { id: 'port-co', role: 'employer' },
  data: { talentId, assessmentId: `a-${talentId}`, route: 'skill-level-recognition', occupation: '6-18-02-04', level: 'intermediate', passed: false, assessorId: 'port-co', on: '2026-03-01' },
})

/** One CLI process applying commands one at a time, restarted when it dies. */
export class CliWriter {
  readonly sent: Sent[] = []
  /** How many times its process died (a crash is an in-doubt command, not a lost one). */
  restarts = 0
  lastError = ''
  /** The end of its stderr each time its process died while running. */
  readonly crashes: string[] = []
  private child: ChildProcess | undefined
  private pending: { sent: Sent; done: () => void } | undefined
  private buffer = ''
  private running = false
  private paused: Promise<void> | undefined
  private resume: (() => void) | undefined
  private loop: Promise<void> | undefined
  private idle: (() => void) | undefined

  constructor(
    readonly id: number,
    private readonly argv: ReadonlyArray<string>,
  ) {}

  /** Sends one command and waits for its result (or the death of the process). */
  send(command: Command, talentId: string): Promise<Sent> {
    const child = this.child ?? this.spawn()
    const sent: Sent = { command, talentId, sentAt: Date.now() }
    this.sent.push(sent)
    return new Promise((resolve) => {
      this.pending = { sent, done: () => resolve(sent) }
      child.stdin!.write(`${JSON.stringify(command)}\n`)
    })
  }

  private spawn(): ChildProcess {
    const child = spawn(process.execPath, [...this.argv, 'apply', '-'], { stdio: ['pipe', 'pipe', 'pipe'] })
    this.child = child
    this.buffer = ''
    child.stdin!.on('error', () => undefined)
    child.stderr!.on('data', (d: Buffer) => void (this.lastError = `${this.lastError}${d.toString()}`.slice(-2_000)))
    child.stdout!.on('data', (d: Buffer) => {
      this.buffer += d.toString()
      for (let i = this.buffer.indexOf('\n'); i >= 0; i = this.buffer.indexOf('\n')) {
        const line = this.buffer.slice(0, i)
        this.buffer = this.buffer.slice(i + 1)
        const p = this.pending
        if (p === undefined || line.trim() === '') continue
        this.pending = undefined
        p.sent.result = JSON.parse(line) as ResultLine
        p.sent.at = Date.now()
        p.done()
      }
    })
    child.on('exit', () => {
      if (this.child === child) this.child = undefined
      const p = this.pending
      this.pending = undefined
      if (this.running) {
        this.restarts++
        this.crashes.push(this.lastError.trim().split('\n').slice(-3).join(' | ').slice(0, 400))
        this.lastError = ''
      }
      p?.done()
    })
    return child
  }

  /** Starts registering talents `t-<id>-<n>` with an assessment each, until `stop`. */
  start(): void {
    this.running = true
    this.loop = (async () => {
      for (let n = 1; this.running; n++) {
        if (this.paused !== undefined) {
          this.idle?.()
          await this.paused
          if (!this.running) break
        }
        const talentId = `t-${this.id}-${n}`
        const registered = await this.send(registration(talentId, this.id, n), talentId)
        if (registered.result?.ok === true) await this.send(assessment(talentId), talentId)
      }
    })()
  }

  /** Stops sending after the command in flight; resolves once nothing is in flight. */
  pause(): Promise<void> {
    if (this.paused !== undefined) return Promise.resolve()
    this.paused = new Promise((r) => (this.resume = r))
    return new Promise((r) => (this.idle = r))
  }

  unpause(): void {
    const r = this.resume
    this.paused = undefined
    this.resume = undefined
    this.idle = undefined
    r?.()
  }

  /** Stops the loop and ends the process (by its PID). */
  async stop(): Promise<void> {
    this.running = false
    this.unpause()
    const child = this.child
    child?.stdin!.end()
    await this.loop
    if (child?.pid !== undefined && child.exitCode === null) child.kill('SIGKILL')
  }

  /** Acknowledged commands (a result line arrived). */
  acked(): Sent[] {
    return this.sent.filter((s) => s.result !== undefined)
  }

  /** Commands whose process died before answering. */
  inDoubt(): Sent[] {
    return this.sent.filter((s) => s.result === undefined && s !== this.pending?.sent)
  }
}
