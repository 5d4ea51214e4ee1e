import { describe, expect, it } from 'vitest'
import { AIMS, judge, judgeAll, type Aim } from '../src/summary/aims.js'
import type { PhaseRecord } from '../src/summary/record.js'
import { recordFault } from '../src/summary/record.js'
import { summaryTable } from '../src/summary/table.js'

const record = (over: Partial<PhaseRecord>): PhaseRecord => ({ phase: 'sqlite-append-full', label: 'SQLite append', unit: 'events/s', ours: 100, events: 3000, bench: 'test', load: [1, 1, 1], ...over })

describe('the summary of pnpm bench', () => {
  it('meets a share of the floor exactly at the bound and not below it', () => {
    const aim: Aim = { kind: 'floor-share', atLeast: 0.8 }
    expect(judge(aim, record({ ours: 80, floor: 100 }))).toBe('met')
    expect(judge(aim, record({ ours: 79.9, floor: 100 }))).toBe('not met')
  })

  it('judges a size aim the other way: at most the bound', () => {
    const aim: Aim = { kind: 'size-multiple', atMost: 2 }
    expect(judge(aim, record({ unit: 'bytes/event', ours: 200, floor: 100 }))).toBe('met')
    expect(judge(aim, record({ unit: 'bytes/event', ours: 201, floor: 100 }))).toBe('not met')
  })

  it('judges an absolute rate on the CPU rate when the bench measured one', () => {
    const aim: Aim = { kind: 'rate', atLeast: 300_000 }
    expect(judge(aim, record({ ours: 50_000, cpu: { ours: 310_000 } }))).toBe('met')
    expect(judge(aim, record({ ours: 310_000, cpu: { ours: 50_000 } }))).toBe('not met')
    expect(judge(aim, record({ ours: 310_000 }))).toBe('met')
  })

  it('never calls an aim met without its figure', () => {
    expect(judge({ kind: 'emmett-multiple', atLeast: 1.6 }, record({ ours: 100, floor: 100 }))).toBe('no figure')
    expect(judgeAll(AIMS['postgres-append-1'], record({ phase: 'postgres-append-1', ours: 100, floor: 100 }))).toBe('no figure')
    expect(judgeAll(AIMS['postgres-append-1'], record({ phase: 'postgres-append-1', ours: 100, floor: 100, emmett: 50 }))).toBe('met')
    expect(judgeAll(AIMS['postgres-append-1'], record({ phase: 'postgres-append-1', ours: 100, floor: 200, emmett: 50 }))).toBe('not met')
  })

  it('lists every phase, a missing one as not measured', () => {
    const table = summaryTable([record({ ours: 90, floor: 100 })])
    const rows = table.split('\n').slice(2)
    expect(rows).toHaveLength(Object.keys(AIMS).length)
    expect(rows.find((r) => r.startsWith('| SQLite append |'))).toContain('**met** (0.90× floor)')
    expect(rows.filter((r) => r.includes('not measured'))).toHaveLength(rows.length - 1)
  })

  it('judges a scaling aim on ours against its own baseline, not the floor', () => {
    const aims = AIMS['postgres-processes']
    const processes = (ours: number, baseline?: number): PhaseRecord => record({ phase: 'postgres-processes', ours, floor: 1, ...(baseline === undefined ? {} : { baseline }) })
    expect(judgeAll(aims, processes(400, 100))).toBe('met')
    expect(judgeAll(aims, processes(399, 100))).toBe('not met')
    expect(judgeAll(aims, processes(400))).toBe('no figure')
    expect(summaryTable([processes(390, 100)])).toContain('| ≥ 4× one writer | not met (3.90× one writer) |')
  })

  it('judges onboarding on both its rate and its share of the floor', () => {
    const onboard = (ours: number, cpu: number, floor: number): PhaseRecord => record({ phase: 'onboard', unit: 'rows/s', ours, floor, cpu: { ours: cpu } })
    expect(judgeAll(AIMS.onboard, onboard(10_000, 10_000, 40_000))).toBe('met')
    expect(judgeAll(AIMS.onboard, onboard(10_000, 9_999, 40_000))).toBe('not met')
    expect(judgeAll(AIMS.onboard, onboard(10_000, 10_000, 40_001))).toBe('not met')
  })

  it('shows a phase without an aim of its own as context, never as met', () => {
    const row = summaryTable([record({ phase: 'postgres-append-many', ours: 100, floor: 100 })])
      .split('\n')
      .find((r) => r.includes('1.00×'))
    expect(judgeAll(AIMS['postgres-append-many'], record({ phase: 'postgres-append-many' }))).toBe('no aim')
    expect(row).toContain('| — (context) | — |')
    expect(row).not.toContain('met')
  })

  it('refuses a record line that does not fit, naming the field', () => {
    expect(recordFault(record({}))).toBeNull()
    expect(recordFault({ ...record({}), phase: 'nope' })).toBe('phase')
    expect(recordFault({ ...record({}), ours: '12' })).toBe('ours')
    expect(recordFault({ ...record({}), cpu: { floor: 1 } })).toBe('cpu')
    expect(recordFault({ ...record({}), unit: 'rows/s', baseline: 5 })).toBeNull()
    expect(recordFault({ ...record({}), baseline: 'x' })).toBe('baseline')
    expect(recordFault({ ...record({}), unit: 'furlongs' })).toBe('unit')
  })
})
