/**
 * Onboarding a registry export: rows are read in chunks (in person order, person-order.ts, so a
 * person's rows are adjacent and never split by a chunk's end), each chunk folded by person into commands
 * (RegisterTalent when new, RecordPriorCertificate per row), handed to the ledger through one
 * `ExecuteChunk`, and each row's outcome tallied: loaded, already in the ledger (a rerun), or
 * refused with its line and reason. Every command is a transaction of its own kind (the ledger's),
 * so a run killed at any moment leaves whole commands only, and a rerun completes the file: the talent
 * id comes from the ID number (keyed) and a certificate is known by its number, so what is in
 * already is answered `Duplicate` and stored again never.
 */
import { maskIdNumbers, type CommandResult, type DomainError, type TalentLedger, type TalentState } from '@talent-ledger/core'
import { certificateProblem } from './certificate-check.js'
import type { Layout } from './columns.js'
import type { ExecuteChunk } from './execute-chunk.js'
import { certificateCommand, personCommands, type IssueAs } from './person-commands.js'
import { planRow, type Refusal, type RowContext, type RowPlan } from './row-plan.js'
import type { SourceRow } from './row-source.js'

/** Rows handed to the ledger per chunk. */
export const CHUNK_ROWS = 500

/** What a run did. */
export interface OnboardSummary {
  rowsRead: number
  talentsCreated: number
  certificatesRecorded: number
  /** Rows whose certificate the ledger held already (a rerun, or a row repeated in the file). */
  alreadyLoaded: number
  refused: number
  refusedByReason: Record<string, number>
}

/** Where a run reports as it goes. */
export interface OnboardSinks {
  readonly refused: (row: SourceRow, refusal: Refusal) => Promise<void>
  readonly chunkDone: (summary: Readonly<OnboardSummary>) => void
}

/** The ledger's refusal as a row's reason: code and rule (or field), message with ID numbers masked. */
const refusalOf = (e: DomainError): Refusal => {
  const first = e.details[0] as { rule?: string; field?: string } | undefined
  const what = first?.rule ?? (e.code === 'Malformed' ? first?.field : undefined)
  return { reason: what === undefined ? e.code : `${e.code} ${what}`, message: maskIdNumbers(e.message) }
}

/**
 * True when the talent holds this certificate number already: a rerun's Duplicate, not a refusal.
 * `states` keeps each talent's state read for one chunk: a rerun meets Duplicate on every row, and
 * a person's rows (adjacent, one chunk) then read the stream once, not once a row; the chunk is
 * committed by then, so every row of it would have read the same state.
 */
const alreadyHeld = async (ledger: TalentLedger, plan: RowPlan, states: Map<string, Promise<TalentState>>): Promise<boolean> => {
  let state = states.get(plan.talentId)
  if (state === undefined) states.set(plan.talentId, (state = ledger.talentState(plan.talentId)))
  return (await state).certificates.some((c) => c.prior === true && c.certificateNumber === plan.certificate.certificateNumber)
}

/** Runs the whole file through `execute`; `rows` are the data rows (header already read). */
export const onboardRows = async (
  rows: AsyncIterable<SourceRow>,
  deps: { readonly layout: Layout; readonly context: RowContext; readonly issueAs: IssueAs; readonly recordDate: string; readonly execute: ExecuteChunk; readonly ledger: TalentLedger; readonly sinks: OnboardSinks; readonly chunkRows?: number },
): Promise<OnboardSummary> => {
  const summary: OnboardSummary = { rowsRead: 0, talentsCreated: 0, certificatesRecorded: 0, alreadyLoaded: 0, refused: 0, refusedByReason: {} }
  // a chunk's refusals are reported in line order once the chunk is done
  let refusals: Array<{ row: SourceRow; refusal: Refusal }> = []
  const refuse = (row: SourceRow, refusal: Refusal): void => {
    summary.refused++
    summary.refusedByReason[refusal.reason] = (summary.refusedByReason[refusal.reason] ?? 0) + 1
    refusals.push({ row, refusal })
  }

  const runChunk = async (chunk: ReadonlyArray<SourceRow>): Promise<void> => {
    const sources = new Map<number, SourceRow>()
    const plans: RowPlan[] = []
    for (const row of chunk) {
      const read = planRow(row.line, row.cells, deps.context)
      if ('refusal' in read) refuse(row, read.refusal)
      else {
        sources.set(row.line, row)
        plans.push(read.plan)
      }
    }
    // a certificate the ledger would refuse on any talent is refused here, before its person is registered
    const sendable: RowPlan[] = []
    for (const plan of plans) {
      const problem = certificateProblem(certificateCommand(plan, deps.issueAs), deps.recordDate)
      if (problem === null) sendable.push(plan)
      else refuse(sources.get(plan.line)!, refusalOf(problem))
    }
    const people = personCommands(sendable, deps.issueAs)
    const results = await deps.execute(people.flatMap((p) => [p.register, ...p.certificates]))
    let i = 0
    const states = new Map<string, Promise<TalentState>>()
    for (const person of people) {
      const registered = results[i++] as CommandResult
      if (registered.ok) summary.talentsCreated++
      // a refused registration (not "already registered") is the reason for every row of the person
      const registration = !registered.ok && registered.error.code !== 'Duplicate' ? refusalOf(registered.error) : null
      for (const plan of person.rows) {
        const result = results[i++] as CommandResult
        const source = sources.get(plan.line)!
        if (registration !== null) refuse(source, registration)
        else if (result.ok) summary.certificatesRecorded++
        else if (result.error.code === 'Duplicate' && (await alreadyHeld(deps.ledger, plan, states))) summary.alreadyLoaded++
        else refuse(source, refusalOf(result.error))
      }
    }
    for (const r of refusals.sort((a, b) => a.row.line - b.row.line)) await deps.sinks.refused(r.row, r.refusal)
    refusals = []
    deps.sinks.chunkDone(summary)
  }

  const size = deps.chunkRows ?? CHUNK_ROWS
  const idColumn = deps.layout.nationalId
  const personOf = (row: SourceRow): string => (idColumn === undefined ? '' : (row.cells[idColumn] ?? '').trim().toUpperCase())
  let chunk: SourceRow[] = []
  for await (const row of rows) {
    summary.rowsRead++
    chunk.push(row)
    if (chunk.length >= size) {
      // a person's adjacent rows stay in one chunk, so they fold (highest level last) even at a cut
      const last = personOf(chunk[chunk.length - 1]!)
      let cut = chunk.length
      while (cut > 0 && personOf(chunk[cut - 1]!) === last) cut--
      // a chunk of one person's rows only grows until another person's row comes (a person has few)
      if (cut > 0) {
        await runChunk(chunk.slice(0, cut))
        chunk = chunk.slice(cut)
      }
    }
  }
  if (chunk.length > 0) await runChunk(chunk)
  return summary
}
