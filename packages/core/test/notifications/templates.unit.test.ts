/**
 * Templates in zh-CN and en, rendered through the renderer from outbox rows as the ledger writes
 * them (with the talent's sealed personal data): the talent's name when its key is known (masked),
 * only the id once erased, money in yuan, and a row that can never render refused with the field at fault.
 */
import { describe, expect, it } from 'vitest'
import { defaultNotificationPolicy, noticeRenderer, outboxEntriesFor, UnrenderableNotice, type Locale, type NotificationPolicy, type OutboxEntry, type OutboxRecord } from '../../src/index.js'
import { formatFen } from '../../src/notifications/money.js'
import { assessmentFailed, benefitGranted, certificateRevoked, levelCertified, poolEntered, withIds } from './events.js'
import { keyStore, sealedTalent } from './keys.js'

const NAME = '王芳'
const NATIONAL_ID = '320703199105020028'
const keys = keyStore()
const talent = await sealedTalent(keys, NAME, NATIONAL_ID)
/** Keys with none for t-1: the renderer's view once the talent was erased (ForgetTalent). */
const erased = keyStore()
/** The renderer over the keys that still hold the talent's (`name` given) or over none (`null`: erased). */
const rendererFor = (name: string | null) => noticeRenderer({ keys: name === null ? erased : keys })
const inLocale = (locale: Locale): NotificationPolicy => ({ ...defaultNotificationPolicy, locale })
const record = (e: OutboxEntry): OutboxRecord => ({ ...e, status: 'pending', attempts: 0, nextAttemptAt: null, lastError: null, createdAt: '2026-04-01T08:00:00.000Z', deliveredAt: null })
const rows = (locale: Locale, event: { type: string; data: unknown }) => outboxEntriesFor(inLocale(locale), withIds(event), talent).map(record)
const render = async (locale: Locale, event: { type: string; data: unknown }, name: string | null, recipient = 'talent:t-1') => {
  const row = rows(locale, event).find((r) => r.recipient === recipient)
  if (row === undefined) throw new Error(`no row for ${recipient}`)
  return rendererFor(name)(row)
}

describe('formatFen', () => {
  it.each([
    [300_000, '¥3,000.00', '3000.00元'],
    [1, '¥0.01', '0.01元'],
    [0, '¥0.00', '0.00元'],
    [123_456_789, '¥1,234,567.89', '1234567.89元'],
    [-50, '-¥0.50', '-0.50元'],
  ])('%i fen is %s / %s', (fen, en, zh) => {
    expect(formatFen(fen, 'en')).toBe(en)
    expect(formatFen(fen, 'zh-CN')).toBe(zh)
  })
  it('refuses a fraction of a fen', () => expect(() => formatFen(1.5, 'en')).toThrow(/whole number of fen/))
})

describe('templates', () => {
  it('promotion, to the talent, in zh-CN and en', async () => {
    const zh = await render('zh-CN', levelCertified(), NAME)
    expect(zh.subject).toBe('技能等级晋升通知：高级工（三级）')
    expect(zh.body).toBe('王*，您好：\n您已于2026-04-01取得高级工（三级）证书（职业 6-18-02-04，职业技能等级认定）。依据：政策 national-2018，规则 national-2018.senior.technician-college。')
    const en = await render('en', levelCertified(), NAME)
    expect(en.subject).toBe('Promotion: senior worker (grade 3)')
    expect(en.body).toBe('Dear 王*,\nYou have been certified as senior worker (grade 3) on 2026-04-01 (occupation 6-18-02-04, skill level recognition). Basis: policy national-2018, rule national-2018.senior.technician-college.')
  })

  it('promotion, to the employer and the bureau, names the talent and its id', async () => {
    expect((await render('zh-CN', levelCertified(), NAME, 'employer:port-co')).body).toMatch(/^贵单位：\n人才 王\*（编号 t-1）已于2026-04-01取得/)
    expect((await render('en', levelCertified(), NAME, 'bureau')).body).toMatch(/^To the human resources and social security bureau,\nTalent 王\* \(t-1\) has been certified/)
    expect((await render('en', levelCertified(), NAME, 'bureau')).subject).toBe('Promotion: senior worker (grade 3) (t-1)')
  })

  it('failed assessment', async () => {
    expect((await render('zh-CN', assessmentFailed(), NAME)).body).toContain('您于2026-05-01参加的技师（二级）评价（职业 6-18-02-04，职业技能等级认定，评价编号 a-9）未通过')
    expect((await render('en', assessmentFailed({ level: null, route: 'special-ability' }), NAME)).subject).toBe('Assessment not passed: special ability assessment')
  })

  it('benefit granted, with the amount in yuan', async () => {
    const zh = await render('zh-CN', benefitGranted(), NAME)
    expect(zh.subject).toBe('技能提升补贴发放通知：3000.00元')
    expect(zh.body).toContain('已于2026-04-10为您核发技能提升补贴 3000.00元，发放给本人（发放编号 g-1）')
    const en = await render('en', benefitGranted({ benefit: 'apprenticeship-subsidy', recipientId: 'port-co', amount: 500_000 }), NAME, 'employer:port-co')
    expect(en.subject).toBe('Benefit granted: new apprenticeship subsidy ¥5,000.00 (t-1)')
    expect(en.body).toContain('A new apprenticeship subsidy of ¥5,000.00 was granted for talent 王* (t-1) on 2026-04-10, paid to organisation port-co (grant g-1).')
  })

  it('release and change of employer, to the employers, in zh-CN and en', async () => {
    const released = { type: 'TalentReleased', data: { talentId: 't-1', from: 'port-co', on: '2026-02-20', reason: null } }
    const changed = { type: 'EmployerChanged', data: { talentId: 't-1', from: 'port-co', employerId: '港口集团', on: '2026-03-01' } }
    expect(await render('zh-CN', released, NAME, 'employer:port-co')).toMatchObject({
      subject: '人才解除劳动关系登记通知（t-1）',
      body: '贵单位：\n人才 王*（编号 t-1）已于2026-02-20由单位 port-co 登记解除劳动关系，在新单位登记前无在册用人单位。',
    })
    expect((await render('en', changed, NAME, 'employer:港口集团')).body).toBe('Dear employer,\nTalent 王* (t-1) moved from employer port-co to employer 港口集团 on 2026-03-01.')
    expect((await render('zh-CN', changed, null, 'employer:port-co')).body).toBe('贵单位：\n人才（编号 t-1）已于2026-03-01由单位 port-co 变更至单位 港口集团。')
  })

  it('talent pool entry lists the one-stop services', async () => {
    expect((await render('zh-CN', poolEntered(), NAME)).body).toBe('王*，您好：\n您已于2026-04-01入选高技能人才库，可享受以下服务：子女教育、医疗保障、高层次人才一站式服务。')
    expect((await render('en', poolEntered(), NAME)).body).toContain("may now use: children's education; medical care; one-stop service for high-level talents.")
  })

  it('certificate revoked, with the grants flagged for review', async () => {
    expect((await render('zh-CN', certificateRevoked(), NAME)).body).toBe('王*，您好：\n您的高级工（三级）证书已于2026-06-01撤销，原因：forged training record。依赖该证书的 1 笔补贴待复核（g-1）。')
    expect((await render('en', certificateRevoked({ flaggedGrants: [] }), NAME, 'bureau')).body).toBe(
      'To the human resources and social security bureau,\nThe senior worker (grade 3) certificate of talent 王* (t-1) was revoked on 2026-06-01. Reason: forged training record.',
    )
  })

  describe.each(['zh-CN', 'en'] as const)('an erased talent (%s)', (locale) => {
    it.each([levelCertified(), assessmentFailed(), benefitGranted(), poolEntered(), certificateRevoked()])('is named by id alone in $type (and a known one only masked)', async (event) => {
      for (const recipient of ['talent:t-1', 'employer:port-co', 'bureau']) {
        const row = rows(locale, event).find((r) => r.recipient === recipient)
        if (row === undefined) continue
        const notice = await rendererFor(null)(row)
        const text = JSON.stringify(notice)
        expect(text).not.toContain(NAME)
        expect(text).not.toContain(NATIONAL_ID)
        if (recipient !== 'talent:t-1') expect(notice.body).toContain('t-1')
        const known = await rendererFor(NAME)(row)
        // a known name is shown masked, never in clear: the notice leaves the ledger for good
        expect(known.body).toContain('王*')
        expect(JSON.stringify(known)).not.toContain(NAME)
      }
    })
  })
})

describe('noticeRenderer', () => {
  const row = rows('en', levelCertified())[0]!
  const renderer = rendererFor(NAME)

  it('keeps the row id as the idempotency key and puts the facts in data', async () => {
    const notice = await renderer(row)
    expect(notice).toMatchObject({ idempotencyKey: 'e-1:email:talent:t-1', channel: 'email', recipient: 'talent:t-1', locale: 'en', template: 'level-certified' })
    expect(notice.data).toMatchObject({ eventType: 'LevelCertified', talentId: 't-1', level: 'senior', eventId: 'e-1', streamId: 'talent-t-1', notificationRuleId: 'promotion' })
    // the sealed personal data stays in the outbox: receivers get the facts only
    expect(row.payload).toHaveProperty('personal')
    expect(notice.data).not.toHaveProperty('personal')
  })

  it.each([
    [{ ...row, template: 'nope' }, /template: expected TemplateName/],
    [{ ...row, payload: { ...row.payload, level: 'wizard' } }, /payload/],
    [{ ...row, recipient: 'mayor' }, /recipient "mayor"/],
    [{ ...row, template: 'benefit-granted' }, /written for BenefitGranted, not LevelCertified/],
    [{ ...row, payload: { ...row.payload, personal: { ...(row.payload['personal'] as object), ciphertext: '00'.repeat(48) } } }, /payload.personal does not open/],
    [{ ...row, payload: { ...row.payload, personal: { name: NAME } } }, /payload/],
  ])('refuses a row that never will render (%#)', async (bad, message) => {
    await expect(renderer(bad as OutboxRecord)).rejects.toThrow(UnrenderableNotice)
    await expect(renderer(bad as OutboxRecord)).rejects.toThrow(message)
  })
})
