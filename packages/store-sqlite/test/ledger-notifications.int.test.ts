/**
 * The ledger writes its notices (issue 5): a command's notices are in the outbox after `execute`,
 * committed with its events; a refused command leaves none; a repeated or racing command never
 * leaves a notice twice. Run against the memory store and a real SQLite file (reopened, so the rows
 * are durable), and rendered from the rows alone (their sealed personal data opened with the store's
 * KeyStore, never the ledger) — before and after erasure.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createTalentLedger, noticeRenderer, type EventStore, type KeyStore, type NotificationPolicy, type OutboxRecord } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, manualClock } from '@talent-ledger/store-memory'
import { createSqliteEventStore, createSqliteKeyStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const NAME = '王芳'
const NATIONAL_ID = '320703199105020028'
const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
const employer = { id: 'port-co', role: 'employer' } as const
const registerEmployer = {
  type: 'RegisterOrganization', actor: bureau,
  data: { organizationId: 'port-co', kind: 'employer', name: '连云港港口集团', canAppoint: true, authorizations: [{ route: 'skill-level-recognition', occupations: ['*'], maxLevel: 'technician' }] },
}
const registerTalent = {
  type: 'RegisterTalent', actor: employer,
  data: {
    talentId: 't-1', name: NAME, nationalId: NATIONAL_ID, birthDate: '1991-05-02', occupation: '6-18-02-04', occupationSince: '2016-07-01',
    education: 'technician-college', employerId: 'port-co', district: '连云区', frontLine: true, registeredOn: '2026-01-05',
  },
}
const assess = (assessmentId: string, level: string, on: string, passed = true) => ({
  type: 'RecordAssessment', actor: employer,
  data: { talentId: 't-1', assessmentId, route: 'skill-level-recognition', occupation: '6-18-02-04', level, passed, assessorId: 'port-co', on },
})
const grant = { type: 'GrantBenefit', actor: bureau, data: { talentId: 't-1', benefit: 'skill-upgrade-subsidy', on: '2026-04-10', level: 'senior', insuredMonths: 24 } }
const revoke = { type: 'RevokeCertificate', actor: bureau, data: { talentId: 't-1', level: 'senior', reason: 'forged training record', on: '2026-06-01' } }

interface Opened {
  readonly store: EventStore
  readonly keys: KeyStore
  readonly reopen: () => Promise<Opened>
}

const memory = (): Opened => {
  const opened: Opened = { store: createMemoryEventStore(), keys: createMemoryKeyStore(), reopen: async () => opened }
  return opened
}

const sqlite = (): Opened => {
  const { path, cleanup } = tempStorePath()
  const open = (): Opened => {
    const store = createSqliteEventStore({ path })
    cleanups.push(() => store.close())
    return { store, keys: createSqliteKeyStore(store.database), reopen: async () => (await store.close(), open()) }
  }
  cleanups.push(cleanup)
  return open()
}

const ledgerOn = (o: Opened, notifications?: NotificationPolicy | null) =>
  createTalentLedger({ store: o.store, keys: o.keys, clock: manualClock('2026-04-01T08:00:00.000Z'), ...(notifications === undefined ? {} : { notifications }) })
const rowsOf = async (o: Opened): Promise<ReadonlyArray<OutboxRecord>> => o.store.outbox.list()
const summary = (rows: ReadonlyArray<OutboxRecord>) => rows.map((r) => `${r.payload['eventType'] as string} ${r.channel} ${r.recipient}`)

describe.each([
  ['memory', memory],
  ['SQLite file', sqlite],
])('the ledger on the %s store writes notices with their events', (_name, open) => {
  it('one set per accepted command, none for a refused one, none twice', async () => {
    let o = open()
    const ledger = ledgerOn(o)
    for (const c of [registerEmployer, registerTalent]) expect((await ledger.execute(c)).ok).toBe(true)
    expect(await rowsOf(o)).toEqual([])

    expect(await ledger.execute(assess('a-1', 'intermediate', '2026-03-01'))).toMatchObject({ ok: true, events: ['AssessmentPassed', 'LevelCertified'] })
    expect(summary(await rowsOf(o))).toEqual(['LevelCertified email talent:t-1', 'LevelCertified webhook employer:port-co', 'LevelCertified nats bureau'])

    // refused (not eligible for technician yet): nothing stored, no notice
    expect(await ledger.execute(assess('a-x', 'technician', '2026-03-02'))).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    expect(await rowsOf(o)).toHaveLength(3)

    expect(await ledger.execute(assess('a-2', 'senior', '2026-04-01'))).toMatchObject({ ok: true, events: ['AssessmentPassed', 'LevelCertified', 'TalentPoolEntered'] })
    expect(await ledger.execute(assess('a-3', 'technician', '2026-05-01', false))).toMatchObject({ ok: true, events: ['AssessmentFailed'] })
    expect(await ledger.execute(grant)).toMatchObject({ ok: true, events: ['BenefitGranted'] })
    // a client retrying the same commands: Duplicate, and still one notice per (event, channel, recipient)
    expect(await ledger.execute(grant)).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
    expect(await ledger.execute(assess('a-2', 'senior', '2026-04-01'))).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
    expect(await ledger.execute(revoke)).toMatchObject({ ok: true, events: ['CertificateRevoked', 'TalentPoolLeft'] })

    o = await o.reopen()
    const rows = await rowsOf(o)
    expect(summary(rows).slice(3)).toEqual([
      'LevelCertified email talent:t-1', 'LevelCertified webhook employer:port-co', 'LevelCertified nats bureau',
      'TalentPoolEntered email talent:t-1', 'TalentPoolEntered webhook employer:port-co', 'TalentPoolEntered nats bureau',
      'AssessmentFailed email talent:t-1', 'AssessmentFailed webhook employer:port-co',
      'BenefitGranted email talent:t-1', 'BenefitGranted nats bureau',
      'CertificateRevoked email talent:t-1', 'CertificateRevoked webhook employer:port-co', 'CertificateRevoked nats bureau',
    ])
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length)
    const events = await o.store.readStream('talent-t-1')
    for (const r of rows) {
      const source = events.find((e) => e.eventId === r.eventId)
      expect(source?.type).toBe(r.payload['eventType'])
      expect(r).toMatchObject({ id: `${r.eventId}:${r.channel}:${r.recipient}`, streamId: 'talent-t-1', status: 'pending', attempts: 0, locale: 'zh-CN' })
    }
    const grantRow = rows.find((r) => r.payload['eventType'] === 'BenefitGranted')!
    expect(grantRow.payload).toMatchObject({ benefit: 'skill-upgrade-subsidy', amount: 150_000, paidTo: 't-1', notificationRuleId: 'benefit-granted' })
    expect(JSON.stringify(rows)).not.toContain(NAME)
    expect(JSON.stringify(rows)).not.toContain(NATIONAL_ID)
    // the same batch appended again (an idempotent retry of the store call) adds no row
    const before = rows.length
    const again = await o.store.append('talent-t-1', events.slice(-2).map(({ eventId, type, schemaVersion, data, metadata }) => ({ eventId, type, schemaVersion, data, metadata })), events.length - 2, {
      outbox: rows.slice(-3).map(({ id, eventId, streamId, channel, recipient, template, locale, payload }) => ({ id, eventId, streamId, channel, recipient, template, locale, payload })),
    })
    expect(again.ok).toBe(true)
    expect(await rowsOf(o)).toHaveLength(before)
  })

  it('renders pending notices with the name masked while known, and by id alone once the talent is erased', async () => {
    const o = open()
    const ledger = ledgerOn(o)
    for (const c of [registerEmployer, registerTalent, assess('a-1', 'intermediate', '2026-03-01')]) expect((await ledger.execute(c)).ok).toBe(true)
    const render = noticeRenderer({ keys: o.keys })
    const [row] = await rowsOf(o)
    expect(row!.payload['personal']).toMatchObject({ alg: 'xchacha20poly1305', keyId: 't-1' })
    const before = await render(row!)
    expect(before.body).toContain('王*，您好')
    expect(JSON.stringify(before), 'a delivered notice never names the talent in clear').not.toContain(NAME)
    expect((await ledger.execute({ type: 'ForgetTalent', actor: bureau, data: { talentId: 't-1' } })).ok).toBe(true)
    const after = await render(row!)
    expect(after.idempotencyKey).toBe(before.idempotencyKey)
    expect(JSON.stringify(after)).not.toContain(NAME)
    expect(after.body).toContain('您已于2026-03-01取得中级工（四级）证书')
  })

  it('two ledgers racing on the same command leave one set of notices', async () => {
    const o = open()
    const [a, b] = [ledgerOn(o), ledgerOn(o)]
    for (const c of [registerEmployer, registerTalent]) expect((await a.execute(c)).ok).toBe(true)
    const results = await Promise.all([a.execute(assess('a-1', 'intermediate', '2026-03-01')), b.execute(assess('a-1', 'intermediate', '2026-03-01'))])
    expect(results.map((r) => r.ok).sort()).toEqual([false, true])
    expect(summary(await rowsOf(o))).toEqual(['LevelCertified email talent:t-1', 'LevelCertified webhook employer:port-co', 'LevelCertified nats bureau'])
  })

  it('writes no notice when notifications are switched off', async () => {
    for (const off of [null, { policyId: 'none', locale: 'en', rules: [] } as NotificationPolicy]) {
      const o = open()
      const ledger = ledgerOn(o, off)
      for (const c of [registerEmployer, registerTalent, assess('a-1', 'intermediate', '2026-03-01')]) expect((await ledger.execute(c)).ok).toBe(true)
      expect(await rowsOf(o)).toEqual([])
    }
  })
})
