/**
 * Notices from the decision, not from a re-read: an outbox row carries the talent's personal data
 * sealed as it stood when the event was decided, and the renderer opens it with the KeyStore alone
 * (no ledger): the masked name while the key exists, the id alone once it is forgotten, and the id
 * alone for a row written before rows carried the sealed data.
 */
import { describe, expect, it } from 'vitest'
import { defaultNotificationPolicy, noticeRenderer, outboxEntriesFor, type LedgerEvent, type OutboxEntry, type OutboxRecord } from '../../src/index.js'
import { EMPLOYER, levelCertified, withIds } from './events.js'
import { keyStore, sealedTalent } from './keys.js'

const NAME = '王芳'
const NATIONAL_ID = '320703199105020028'
const record = (e: OutboxEntry): OutboxRecord => ({ ...e, status: 'pending', attempts: 0, nextAttemptAt: null, lastError: null, createdAt: '2026-04-01T08:00:00.000Z', deliveredAt: null })
const talentRow = (rows: ReadonlyArray<OutboxEntry>): OutboxRecord => record(rows.find((r) => r.recipient === 'talent:t-1')!)

describe('notices rendered from the sealed data their rows carry', () => {
  it('name the talent masked with only the KeyStore at hand, and by id alone once the key is forgotten', async () => {
    const keys = keyStore()
    const talent = await sealedTalent(keys, NAME, NATIONAL_ID)
    const row = talentRow(outboxEntriesFor(defaultNotificationPolicy, withIds(levelCertified()), talent))
    // the row holds the sealed form only: nothing in clear
    expect(row.payload['personal']).toEqual(talent.personal)
    expect(JSON.stringify(row)).not.toContain(NAME)
    expect(JSON.stringify(row)).not.toContain(NATIONAL_ID)

    const render = noticeRenderer({ keys })
    expect((await render(row)).body).toMatch(/^王\*，您好：/)

    await keys.forget('t-1')
    const erased = await render(row)
    expect(erased.body).toMatch(/^您好：/)
    expect(JSON.stringify(erased)).not.toContain('王')
    const bureau = await render(record(outboxEntriesFor(defaultNotificationPolicy, withIds(levelCertified()), talent).find((r) => r.recipient === 'bureau')!))
    expect(bureau.body).toContain('人才（编号 t-1）')
  })

  it("take the personal data of a registration decided in the same batch", async () => {
    const keys = keyStore()
    const { personal } = await sealedTalent(keys, NAME, NATIONAL_ID)
    const registered = { type: 'TalentRegistered', data: { talentId: 't-1', personal } } as LedgerEvent
    const rows = outboxEntriesFor(defaultNotificationPolicy, withIds(registered, levelCertified()), EMPLOYER)
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) expect(r.payload['personal']).toEqual(personal)
    expect((await noticeRenderer({ keys })(talentRow(rows))).body).toMatch(/^王\*，您好：/)
  })

  it('render a row written before rows carried the sealed data by id alone, even while the key exists', async () => {
    const keys = keyStore()
    const talent = await sealedTalent(keys, NAME, NATIONAL_ID)
    const { personal: _sealed, ...legacy } = talentRow(outboxEntriesFor(defaultNotificationPolicy, withIds(levelCertified()), talent)).payload
    const notice = await noticeRenderer({ keys })({ ...talentRow(outboxEntriesFor(defaultNotificationPolicy, withIds(levelCertified()), talent)), payload: legacy })
    expect(notice.body).toMatch(/^您好：/)
    expect(notice.data).toMatchObject({ eventType: 'LevelCertified', talentId: 't-1' })
  })
})
