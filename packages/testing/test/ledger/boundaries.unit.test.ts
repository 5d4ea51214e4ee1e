// Bad input gets a clear error and loses nothing; store rows are decoded before they are trusted;
// old event versions are upcast on read.
import { describe, expect, it } from 'vitest'
import { CorruptEventError, eventHash, type RecordedEvent } from '@talent-ledger/core'
import { createMemoryEventStore } from '@talent-ledger/store-memory'
import { bureau, registerEmployer, registerTalent, setup } from './fixtures.js'

describe('command boundary', () => {
  it('a malformed command names the field and stores nothing', async () => {
    const store = createMemoryEventStore()
    const { ledger } = setup({ store })
    const bad = { ...registerTalent(), data: { ...registerTalent().data, birthDate: '2023-02-29', education: 'phd' } }
    const result = await ledger.execute(bad)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('Malformed')
    expect(result.error.details.map((d) => d.field).sort()).toEqual(['data.birthDate', 'data.education'])
    expect(store.all()).toHaveLength(0)
  })

  it('an unknown command type is Malformed, naming the type field', async () => {
    const { ledger } = setup()
    const result = await ledger.execute({ type: 'PromoteEveryone', actor: bureau, data: {} })
    expect(result).toMatchObject({ ok: false, error: { code: 'Malformed', details: [{ field: 'type' }] } })
  })

  it('commands around a refused one are still processed', async () => {
    const store = createMemoryEventStore()
    const { ledger } = setup({ store })
    const results = [await ledger.execute(registerEmployer), await ledger.execute({ nonsense: true }), await ledger.execute(registerTalent())]
    expect(results.map((r) => r.ok)).toEqual([true, false, true])
    expect(store.all().map((e) => e.type)).toEqual(['OrganizationRegistered', 'TalentRegistered'])
  })
})

const rawEvent = (streamId: string, version: number, prevHash: string, type: string, schemaVersion: number, data: unknown): RecordedEvent => {
  const fields = {
    eventId: `e-${streamId}-${version}`,
    streamId,
    version,
    type,
    schemaVersion,
    data,
    metadata: { actor: bureau, correlationId: 'c', causationId: null, occurredOn: '2026-04-01', recordedAt: '2026-04-01T00:00:00.000Z' },
  }
  return { ...fields, globalPosition: 0, prevHash, hash: eventHash(prevHash, fields) }
}

describe('store boundary', () => {
  it('a row of an unknown type is reported as corruption, naming stream and version', async () => {
    const store = createMemoryEventStore()
    const { ledger } = setup({ store })
    await ledger.execute(registerEmployer)
    await ledger.execute(registerTalent())
    const [head] = (await store.readStream('talent-t-1')).slice(-1)
    const foreign = rawEvent('talent-t-1', 2, head!.hash, 'SomethingElse', 1, { x: 1 })
    await store.append('talent-t-1', [foreign], 1)
    await expect(ledger.talentState('t-1')).rejects.toThrow(CorruptEventError)
    await expect(ledger.talentState('t-1')).rejects.toThrow(/talent-t-1 at version 2/)
  })

  it('an event of an older schema version is upcast on read', async () => {
    const store = createMemoryEventStore()
    const upcasters = [{ type: 'HonorConferred', fromVersion: 0, upcast: (d: unknown) => ({ ...(d as object), grade: 'municipal' }) }]
    const { ledger } = setup({ store, upcasters })
    await ledger.execute(registerEmployer)
    await ledger.execute(registerTalent())
    const [head] = await store.readStream('talent-t-1')
    // version 0 of HonorConferred had no grade
    await store.append('talent-t-1', [rawEvent('talent-t-1', 2, head!.hash, 'HonorConferred', 0, { talentId: 't-1', title: '江苏工匠', on: '2026-04-01' })], 1)
    expect((await ledger.profile('t-1'))?.honours).toEqual([{ title: '江苏工匠', grade: 'municipal', on: '2026-04-01' }])
  })
})
