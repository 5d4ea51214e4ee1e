// Personal data (个人信息保护法): sealed in every stored event, erased by ForgetTalent, audit trail intact.
import { describe, expect, it } from 'vitest'
import { verifyStream } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore } from '@talent-ledger/store-memory'
import { NAME, NATIONAL_ID, bureau, registerEmployer, registerTalent, setup } from './fixtures.js'

describe('personal data', () => {
  it('never appears in clear in a stored event', async () => {
    const store = createMemoryEventStore()
    const { ledger } = setup({ store })
    await ledger.execute(registerEmployer)
    expect((await ledger.execute(registerTalent())).ok).toBe(true)
    const stored = JSON.stringify(store.all())
    expect(stored).not.toContain(NAME)
    expect(stored).not.toContain(NATIONAL_ID)
    expect(stored).not.toContain('1991-05-02')
    expect((await ledger.profile('t-1'))?.name).toBe(NAME)
  })

  it('ForgetTalent erases the person, keeps the statistics and the hash chain', async () => {
    const store = createMemoryEventStore()
    const keys = createMemoryKeyStore()
    const { ledger } = setup({ store, keys })
    await ledger.execute(registerEmployer)
    await ledger.execute(registerTalent())
    const result = await ledger.execute({ type: 'ForgetTalent', actor: bureau, data: { talentId: 't-1' } })
    expect(result).toMatchObject({ ok: true, events: ['TalentForgotten'] })
    expect(await keys.find('t-1')).toBeUndefined()
    const profile = await ledger.profile('t-1')
    expect(profile).toMatchObject({ name: null, erased: true, district: '连云区' })
    expect(verifyStream('talent-t-1', await store.readStream('talent-t-1'))).toBeNull()
    const again = await ledger.execute({ type: 'ForgetTalent', actor: bureau, data: { talentId: 't-1' } })
    expect(again).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
  })

  it('a refused registration creates no key and stores nothing', async () => {
    const store = createMemoryEventStore()
    const keys = createMemoryKeyStore()
    const { ledger } = setup({ store, keys })
    // no employer registered: NotFound
    const result = await ledger.execute(registerTalent())
    expect(result).toMatchObject({ ok: false, error: { code: 'NotFound' } })
    expect(keys.size()).toBe(0)
    expect(store.all()).toHaveLength(0)
  })

  it('a repeated ForgetTalent destroys a key that survived a crash after the event was stored', async () => {
    const keys = createMemoryKeyStore()
    const { ledger } = setup({ keys })
    await ledger.execute(registerEmployer)
    await ledger.execute(registerTalent())
    await ledger.execute({ type: 'ForgetTalent', actor: bureau, data: { talentId: 't-1' } })
    await keys.keyFor('t-1') // simulate the key still present (the process died before deleting it)
    await ledger.execute({ type: 'ForgetTalent', actor: bureau, data: { talentId: 't-1' } })
    expect(await keys.find('t-1')).toBeUndefined()
  })
})
