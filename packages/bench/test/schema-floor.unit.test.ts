import { describe, expect, it } from 'vitest'
import { commandRowsOf, inOnboardChunks, inTransactionsOf, type CommandRows, type StoredEvent, type StoredOutbox } from '../src/sqlite/command-rows.js'
import { asSchemaFloor, schemaFloorNotes } from '../src/summary/schema-floor-notes.js'
import { recordFault, type PhaseRecord } from '../src/summary/record.js'

const event = (position: number, streamId: string, version: number, correlationId: string, type = 'X', talentId?: string): StoredEvent => ({
  values: [position, streamId, version, `e${position}`, type, 1, '{}', '{}', 'p', `h${position}`],
  streamId,
  version,
  eventId: `e${position}`,
  hash: `h${position}`,
  type,
  correlationId,
  ...(talentId === undefined ? {} : { talentId }),
})
const notice = (seq: number, eventId: string, payloadRef: number | null): StoredOutbox => ({ values: [seq, `o${seq}`, eventId], eventId, payloadRef })

describe('the rows a ledger wrote, by command', () => {
  it('cuts commands at a change of correlation id, streams into appends with their last head', () => {
    const commands = commandRowsOf(
      [event(1, 'talent-a', 1, 'c1', 'TalentRegistered', 'a'), event(2, 'cert-9', 1, 'c2', 'CertificateNumberClaimed'), event(3, 'talent-a', 2, 'c2', 'PriorCertificateRecorded'), event(4, 'talent-a', 3, 'c2')],
      [],
      new Map(),
      new Map([['a', new Uint8Array([7])]]),
    )
    expect(commands).toHaveLength(2)
    expect(commands[0]!.keys).toEqual([['a', new Uint8Array([7])]])
    expect(commands[0]!.registers).toBe(true)
    expect(commands[1]!.appends.map((a) => a.head)).toEqual([
      ['cert-9', 1, 'h2'],
      ['talent-a', 3, 'h4'],
    ])
    expect(commands[1]!.appends[1]!.events.map((e) => e[0])).toEqual([3, 4])
    expect(commands[1]!.certificates).toBe(1)
    expect(commands[1]!.registers).toBe(false)
  })

  it("puts outbox rows after their append's events, a shared payload once before its first reader", () => {
    const [command] = commandRowsOf([event(1, 's', 1, 'c'), event(2, 's', 2, 'c')], [notice(1, 'e1', 5), notice(2, 'e1', 5), notice(3, 'e2', null)], new Map([[5, 'P']]), new Map())
    expect(command!.appends).toHaveLength(1)
    expect(command!.appends[0]!.outbox).toEqual([{ payload: [5, 'P'] }, { outbox: [1, 'o1', 'e1'] }, { outbox: [2, 'o2', 'e1'] }, { outbox: [3, 'o3', 'e2'] }])
  })

  it('gives an erased talent a stand-in key and records the forget', () => {
    const [registered, forgot] = commandRowsOf([event(1, 'talent-b', 1, 'c1', 'TalentRegistered', 'b'), event(2, 'talent-b', 2, 'c2', 'TalentForgotten', 'b')], [], new Map(), new Map())
    expect(registered!.keys[0]![1]).toHaveLength(32)
    expect(forgot!.forgets).toEqual(['b'])
  })

  it('cuts transactions by count, and onboarding chunks only between people, within the row bound', () => {
    expect(inTransactionsOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    const person = (rows: number): CommandRows[] => [
      { keys: [], appends: [], forgets: [], certificates: 0, registers: true },
      ...Array.from({ length: rows }, () => ({ keys: [], appends: [], forgets: [], certificates: 1, registers: false })),
    ]
    const chunks = inOnboardChunks([...person(2), ...person(2), ...person(1), ...person(5)], 4)
    expect(chunks.map((c) => c.reduce((n, x) => n + x.certificates, 0))).toEqual([4, 1, 5])
    expect(chunks.every((c) => c[0]!.registers)).toBe(true)
  })
})

describe("the summary's schema floor lines", () => {
  const record = (over: Partial<PhaseRecord>): PhaseRecord => ({ phase: 'command-path', label: 'command path', unit: 'events/s', ours: 60, floor: 100, events: 10, bench: 't', load: [1], ...over })

  it('shows the ratios and judges the aims on the schema floor, not on ours', () => {
    const [line] = schemaFloorNotes([record({ schemaFloor: 80 })])
    expect(line).toContain('schema floor ÷ floor 0.80×')
    expect(line).toContain('ours ÷ schema floor 0.75×')
    expect(line).toContain("the aim on the schema floor's own figures: met (0.80× floor)")
    expect(schemaFloorNotes([record({ schemaFloor: 60 })])[0]).toContain('not met (0.60× floor)')
    expect(schemaFloorNotes([record({})])).toEqual([])
  })

  it('judges group commit on the schema floor in batches against ours one at a time', () => {
    const r = record({ phase: 'group-commit', unit: 'commands/s', floor: undefined, ours: 900, baseline: 100, schemaFloor: 1200, schemaFloorBaseline: 150 })
    const [line] = schemaFloorNotes([r])
    expect(line).toContain('schema floor ÷ ours one at a time 12.00×')
    expect(line).toContain('÷ schema floor one at a time 8.00×')
    expect(line).toContain('met (12.00× one at a time)')
  })

  it("judges onboarding's rate on the schema floor's CPU rate", () => {
    const r = record({ phase: 'onboard', unit: 'rows/s', ours: 1000, floor: 20_000, schemaFloor: 6000, cpu: { ours: 2000, floor: 30_000, schemaFloor: 9000 } })
    expect(asSchemaFloor(r)?.cpu).toEqual({ ours: 9000, floor: 30_000 })
    expect(schemaFloorNotes([r])[0]).toContain('not met (9 k/s per CPU s, 0.30× floor)')
  })

  it('accepts the schema floor fields in a record line and refuses them malformed', () => {
    expect(recordFault(record({ schemaFloor: 1, schemaFloorBaseline: 2, cpu: { ours: 1, schemaFloor: 3 } }))).toBeNull()
    expect(recordFault({ ...record({}), schemaFloor: '1' })).toBe('schemaFloor')
    expect(recordFault({ ...record({}), schemaFloorBaseline: null })).toBe('schemaFloorBaseline')
    expect(recordFault({ ...record({}), cpu: { ours: 1, schemaFloor: 'x' } })).toBe('cpu')
  })
})
