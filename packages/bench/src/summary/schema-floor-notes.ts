/**
 * The schema floor's context lines under the summary table: for each phase whose bench measured
 * one (command path, group commit, onboarding), its rate, schema floor ÷ floor (what our schema and
 * its guarantees cost: the best ours ÷ floor can ever be), ours ÷ schema floor (what our own code
 * costs), and the phase's aims judged as if ours were the schema floor — whether the aims can be
 * reached at all on this schema. Context only: the table's verdicts are not touched.
 */
import { AIMS, judgeAll, judgedFigure } from './aims.js'
import type { PhaseRecord } from './record.js'

const whole = (n: number): string => Math.round(n).toLocaleString('en-US')
const times = (x: number): string => `${x >= 0.1 ? x.toFixed(2) : x.toPrecision(2)}×`

/** The record as if ours were the schema floor: what the aims would say of a ledger costing nothing above it. */
export const asSchemaFloor = (r: PhaseRecord): PhaseRecord | undefined => {
  if (r.schemaFloor === undefined) return undefined
  const { cpu, ...rest } = r
  const schemaCpu = cpu?.schemaFloor
  return { ...rest, ours: r.schemaFloor, ...(schemaCpu === undefined ? {} : { cpu: { ours: schemaCpu, ...(cpu?.floor === undefined ? {} : { floor: cpu.floor }) } }) }
}

/** One line per record with a schema floor; empty when there is none. */
export const schemaFloorNotes = (records: ReadonlyArray<PhaseRecord>): string[] => {
  const byPhase = new Map(records.map((r) => [r.phase, r]))
  const lines: string[] = []
  for (const r of byPhase.values()) {
    const s = asSchemaFloor(r)
    if (s === undefined || r.schemaFloor === undefined || r.schemaFloor <= 0) continue
    const parts = [`schema floor of ${r.label}: ${whole(r.schemaFloor)} ${r.unit}`]
    if (r.schemaFloorBaseline !== undefined) parts.push(`one at a time ${whole(r.schemaFloorBaseline)}`)
    if (r.cpu?.schemaFloor !== undefined) parts.push(`${whole(r.cpu.schemaFloor)} per CPU second`)
    if (r.floor !== undefined && r.floor > 0) parts.push(`schema floor ÷ floor ${times(r.schemaFloor / r.floor)}`)
    if (r.baseline !== undefined && r.baseline > 0) parts.push(`schema floor ÷ ours one at a time ${times(r.schemaFloor / r.baseline)}`)
    if (r.schemaFloorBaseline !== undefined && r.schemaFloorBaseline > 0) parts.push(`÷ schema floor one at a time ${times(r.schemaFloor / r.schemaFloorBaseline)}`)
    parts.push(`ours ÷ schema floor ${times(r.ours / r.schemaFloor)}`)
    const aims = AIMS[r.phase]
    const verdict = judgeAll(aims, s)
    const figures = aims.map((a) => judgedFigure(a, s)).filter((f) => f !== undefined)
    if (verdict !== 'no aim') parts.push(`the aim on the schema floor's own figures: ${verdict}${figures.length === 0 ? '' : ` (${figures.join(', ')})`}`)
    lines.push(parts.join('; '))
  }
  return lines
}
