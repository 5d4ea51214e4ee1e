// `notify`: the relay run by the binary against real receivers — an HTTP server checking Standard
// Webhooks signatures, an SMTP server parsing the mail, the NATS JetStream server at 127.0.0.1:4222.
// A notice with no address is parked, requeued after the address book is fixed, then delivered;
// nothing is delivered twice across runs; a talent erased before delivery gets a notice without
// a name. A run that parks a notice says so (ok false, exit 1). An employer and a talent with Chinese
// ids get their notices on every channel: header values are the ids' ASCII header form. No webhook
// body, mail or NATS message carries the sealed personal data its outbox row holds for the relay.
// Bad arguments and configuration files exit 2 naming the problem.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idempotencyHeaderOf } from '@talent-ledger/core'
import { createSqliteEventStore } from '@talent-ledger/store-sqlite'
import { verifyWebhook } from '@talent-ledger/notify-webhook'
import { assess, bureau, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { CLI, runCli, runCliAsync, tempDir } from './run-cli.js'

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const dir = tempDir()
const store = `sqlite:${join(dir.path, 'notify.db')}`
const id = `${process.pid}_${globalThis.crypto.randomUUID().slice(0, 8)}`
const stream = `TL_CLI_NOTIFY_${id}`
const prefix = `tl-cli-notify.${id}`

const hooks: Array<{ readonly headers: IncomingHttpHeaders; readonly body: string; readonly verified: boolean }> = []
const http = createServer((req, res) => {
  let body = ''
  req.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => {
    hooks.push({ headers: req.headers, body, verified: verifyWebhook(req.headers, body, [SECRET])._tag === 'Right' })
    res.writeHead(204).end()
  })
})
const mails: ParsedMail[] = []
const smtp = new SMTPServer({
  authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, disableReverseLookup: true,
  onData: (data, _session, callback) => void simpleParser(data).then((m) => (mails.push(m), callback()), callback),
})
const natsMessages = async () => {
  const nc = await connect({ servers: 'nats://127.0.0.1:4222' })
  try {
    const jsm = await jetstreamManager(nc)
    const { messages } = (await jsm.streams.info(stream)).state
    const out = []
    for (let seq = 1; seq <= messages; seq++) {
      const m = await jsm.streams.getMessage(stream, { seq })
      out.push({ msgId: m?.header.get('Nats-Msg-Id') ?? '', subject: m?.subject ?? '' })
    }
    return out
  } finally {
    await nc.close()
  }
}

/** The JSON of every message in the test's stream, as a NATS consumer reads it. */
const natsBodies = async (): Promise<string[]> => {
  const nc = await connect({ servers: 'nats://127.0.0.1:4222' })
  try {
    const jsm = await jetstreamManager(nc)
    const { messages } = (await jsm.streams.info(stream)).state
    const out: string[] = []
    for (let seq = 1; seq <= messages; seq++) out.push((await jsm.streams.getMessage(stream, { seq }))?.string() ?? '')
    return out
  } finally {
    await nc.close()
  }
}

/** The sealed `personal` of every outbox row of the ledger at `file`, as the store holds it. */
const sealedOf = async (file: string): Promise<string[]> => {
  const s = createSqliteEventStore({ path: join(dir.path, file) })
  try {
    return (await s.outbox.list()).flatMap((r) => (r.payload['personal'] === undefined ? [] : [JSON.stringify(r.payload['personal'])]))
  } finally {
    await s.close()
  }
}

let config = (_addressed: boolean): string => ''
const notify = (...args: string[]) => runCliAsync(['--store', store, 'notify', ...args], { cwd: dir.path })
const listing = () => runCli(['--store', store, 'notifications', '--json'], { cwd: dir.path }).json()[0] as { notices: Array<{ id: string; channel: string; recipient: string; status: string; lastError: string | null; payload: Record<string, unknown> }> }

beforeAll(async () => {
  http.listen(0, '127.0.0.1')
  smtp.listen(0, '127.0.0.1')
  await Promise.all([once(http, 'listening'), once(smtp.server, 'listening')])
  const hookUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/hooks`
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
  config = (addressed) => {
    const file = join(dir.path, addressed ? 'addressed.json' : 'unaddressed.json')
    writeFileSync(file, JSON.stringify({
      webhook: { endpoints: { 'employer:port-co': hookUrl }, secrets: [SECRET] },
      email: { smtpUrl, from: '人社局 <notices@hr.example.gov.cn>', addressBook: addressed ? { 'talent:t-1': 'wang.fang@example.cn' } : {} },
      nats: { servers: ['nats://127.0.0.1:4222'], subjectPrefix: prefix, stream },
      relay: { backoffBaseMs: 10, backoffCapMs: 50, idleMs: 20 },
    }))
    return file
  }
  expect(runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: jsonl(registerEmployer, registerTalent('t-1'), assess('t-1', 'a-1', 'intermediate', '2026-03-01')) }).code).toBe(0)
})
afterAll(async () => {
  http.close()
  await new Promise<void>((resolve) => smtp.close(resolve))
  const nc = await connect({ servers: 'nats://127.0.0.1:4222' })
  await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false)
  await nc.close()
  dir.remove()
})

describe('talent-ledger notify', () => {
  it('delivers what it can address, parks the rest; requeued after the fix, it is delivered once', async () => {
    const first = await notify('--config', config(false), '--until-idle')
    // a run that parked a notice says so: ok false, a message, exit 1
    expect([first.code, first.stderr]).toEqual([1, ''])
    expect(first.json()).toEqual([
      expect.objectContaining({
        ok: false, channels: ['webhook', 'email', 'nats'], delivered: 2, parked: 1, outbox: { pending: 0, delivered: 2, parked: 1 },
        message: expect.stringContaining('1 notice was parked in this run'),
      }),
    ])
    const parked = listing().notices.filter((n) => n.status === 'parked')
    expect(parked).toEqual([expect.objectContaining({ channel: 'email', recipient: 'talent:t-1', lastError: expect.stringContaining('no e-mail address for recipient talent:t-1') })])

    expect(runCli(['--store', store, 'notifications', '--requeue'], { cwd: dir.path }).json()).toEqual([{ requeued: 1 }])
    const second = await notify('--config', config(true), '--once')
    expect([second.code, second.stderr]).toEqual([0, ''])
    expect(second.json()[0]).toMatchObject({ rounds: 1, claimed: 1, delivered: 1, parked: 0, outbox: { pending: 0, delivered: 3, parked: 0 } })
    expect((await notify('--config', config(true), '--until-idle')).json()[0]).toMatchObject({ claimed: 0, delivered: 0 })

    const rows = listing().notices
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('技能等级晋升通知：中级工（四级）')
    expect(mails[0]!.text).toContain('王*，您好：')
    expect(mails[0]!.text, 'a delivered notice never names the talent in clear').not.toContain('王芳')
    expect(mails[0]!.headers.get('x-idempotency-key')).toBe(parked[0]!.id)
    expect(hooks).toHaveLength(1)
    expect(hooks[0]).toMatchObject({ verified: true, headers: { 'webhook-id': rows.find((r) => r.channel === 'webhook')!.id } })
    expect(JSON.parse(hooks[0]!.body)).toMatchObject({ type: 'level-certified', recipient: 'employer:port-co', data: { eventType: 'LevelCertified', level: 'intermediate' } })
    expect(await natsMessages()).toEqual([{ msgId: rows.find((r) => r.channel === 'nats')!.id, subject: expect.stringMatching(new RegExp(`^${prefix.replace('.', '\\.')}\\.`)) }])
  })

  it('sends a talent erased before delivery a notice without the name', async () => {
    const input = jsonl(assess('t-1', 'a-2', 'senior', '2026-04-01'), { type: 'ForgetTalent', actor: bureau, data: { talentId: 't-1' } })
    expect(runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input }).code).toBe(0)
    const run = await notify('--config', config(true), '--until-idle')
    expect(run.json()[0]).toMatchObject({ delivered: 6, parked: 0, outbox: { pending: 0, delivered: 9, parked: 0 } })
    expect(mails).toHaveLength(3)
    expect(mails.slice(1).map((m) => m.subject).sort()).toEqual(['入选高技能人才库通知', '技能等级晋升通知：高级工（三级）'])
    for (const m of mails.slice(1)) {
      expect(m.text).toMatch(/^您好：/)
      expect(m.text).not.toContain('王芳')
    }
    for (const h of hooks) expect(h.body).not.toContain('王芳')
  })

  it('without --once or --until-idle runs until SIGTERM, then prints what it did', async () => {
    expect(runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: jsonl(registerTalent('t-2', '李强'), assess('t-2', 'a-3', 'intermediate', '2026-03-01')) }).code).toBe(0)
    const child = spawn(process.execPath, [CLI, '--store', store, 'notify', '--config', config(true)], { cwd: dir.path })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
    const before = hooks.length
    while (hooks.length === before) await new Promise((resolve) => setTimeout(resolve, 50))
    while (listing().notices.some((n) => n.status === 'pending' && n.channel !== 'email')) await new Promise((resolve) => setTimeout(resolve, 50))
    child.kill('SIGTERM')
    const [code] = (await once(child, 'close')) as [number | null]
    expect(code).toBe(1)
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, delivered: 2, parked: 1, outbox: { pending: 0, delivered: 11, parked: 1 } })
    expect(listing().notices.find((n) => n.status === 'parked')).toMatchObject({ recipient: 'talent:t-2', lastError: expect.stringContaining('no e-mail address for recipient talent:t-2') })
  })

  it('delivers to an employer and a talent whose ids are Chinese on every channel, with ASCII header values', async () => {
    const zhStore = `sqlite:${join(dir.path, 'notify-zh.db')}`
    const employer = { id: '港口集团', role: 'employer' }
    const commands = jsonl(
      { ...registerEmployer, data: { ...registerEmployer.data, organizationId: '港口集团' } },
      { ...registerTalent('工匠一号'), actor: employer, data: { ...registerTalent('工匠一号').data, employerId: '港口集团' } },
      { ...assess('工匠一号', 'a-zh', 'intermediate', '2026-03-01'), actor: employer, data: { ...assess('工匠一号', 'a-zh', 'intermediate', '2026-03-01').data, assessorId: '港口集团' } },
    )
    const applied = runCli(['--store', zhStore, 'apply', '-'], { cwd: dir.path, input: commands })
    expect(applied.code, applied.stdout).toBe(0)
    const file = join(dir.path, 'zh.json')
    const base = JSON.parse(readFileSync(config(true), 'utf8')) as { webhook: { endpoints: Record<string, string>; secrets: string[] }; email: Record<string, unknown> }
    writeFileSync(file, JSON.stringify({
      ...base,
      webhook: { ...base.webhook, endpoints: { 'employer:港口集团': Object.values(base.webhook.endpoints)[0] } },
      email: { ...base.email, addressBook: { 'talent:工匠一号': 'gongjiang@example.cn' } },
    }))
    const [hooksBefore, mailsBefore, natsBefore] = [hooks.length, mails.length, (await natsMessages()).length]

    const run = await runCliAsync(['--store', zhStore, 'notify', '--config', file, '--until-idle'], { cwd: dir.path })
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(run.json()[0]).toMatchObject({ ok: true, delivered: 3, parked: 0, outbox: { pending: 0, delivered: 3, parked: 0 } })
    const rows = (runCli(['--store', zhStore, 'notifications', '--json'], { cwd: dir.path }).json()[0] as { notices: Array<{ id: string; channel: string }> }).notices
    const rowId = (channel: string): string => rows.find((r) => r.channel === channel)!.id
    const ascii = /^[\x21-\x7e]+$/

    const hook = hooks.slice(hooksBefore)
    expect(hook).toHaveLength(1)
    expect(rowId('webhook')).toContain('employer:港口集团')
    expect(hook[0]!.headers['webhook-id']).toBe(idempotencyHeaderOf(rowId('webhook')))
    expect(hook[0]!.headers['webhook-id']).toMatch(ascii)
    expect(verifyWebhook(hook[0]!.headers, hook[0]!.body, [SECRET])).toMatchObject({ _tag: 'Right', right: { key: rowId('webhook') } })
    expect(JSON.parse(hook[0]!.body)).toMatchObject({ recipient: 'employer:港口集团', data: { talentId: '工匠一号' } })

    const mail = mails.slice(mailsBefore)
    expect(mail).toHaveLength(1)
    expect(mail[0]!.headers.get('x-idempotency-key')).toBe(idempotencyHeaderOf(rowId('email')))
    expect(mail[0]!.headers.get('x-idempotency-key')).toMatch(ascii)
    expect(mail[0]!.messageId).toMatch(/^<[0-9a-f]{32}@hr\.example\.gov\.cn>$/)

    const published = (await natsMessages()).slice(natsBefore)
    expect(published).toEqual([{ msgId: idempotencyHeaderOf(rowId('nats')), subject: expect.stringMatching(new RegExp(`^${prefix.replace('.', '\\.')}\\.`)) }])
    expect(published[0]!.msgId).toMatch(ascii)
  })

  it('delivers no webhook body, mail or NATS message carrying the sealed personal data of its row', async () => {
    const sealed = [...(await sealedOf('notify.db')), ...(await sealedOf('notify-zh.db'))]
    // the rows do carry it: without it this test would prove nothing
    expect(sealed.length).toBeGreaterThan(10)
    const ciphertexts = sealed.map((p) => (JSON.parse(p) as { ciphertext: string }).ciphertext)
    const sent = [
      ...hooks.map((h) => h.body),
      ...(await natsBodies()),
      ...mails.map((m) => JSON.stringify({ subject: m.subject, text: m.text, html: m.html, headers: [...m.headers] })),
    ]
    expect(sent.length).toBe(hooks.length + mails.length + (await natsMessages()).length)
    expect(sent.length).toBeGreaterThan(10)
    for (const body of sent) {
      expect(body).not.toContain('personal')
      expect(body).not.toContain('xchacha20poly1305')
      for (const c of ciphertexts) expect(body).not.toContain(c)
    }
    for (const body of [...hooks.map((h) => h.body), ...(await natsBodies())]) expect(JSON.parse(body)).not.toHaveProperty('data.personal')
  })

  it.each([
    [['--once', '--until-idle'], /notify takes --once or --until-idle, not both/],
    [[], /required option '--config <file>' not specified/],
    [['--config', 'nothing.json'], /cannot read --config nothing\.json: no such file/],
  ])('exits 2 for %j', async (args, message) => {
    const run = await notify(...(args[0] === '--once' ? ['--config', config(true), ...args] : args))
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(message)
  })

  it('exits 2 naming the field of a bad configuration', async () => {
    const file = join(dir.path, 'bad.json')
    writeFileSync(file, JSON.stringify({ nats: { servers: ['nats://127.0.0.1:4222'], subjectPrefix: 'a b' }, webook: {} }))
    const run = await notify('--config', file, '--once')
    expect(run.code).toBe(2)
    expect(run.stderr.trim()).toBe(`talent-ledger: --config ${file}: nats.subjectPrefix: expected NATS subject prefix (tokens of letters, digits, - and _, separated by dots), got "a b"; webook: unknown field (expected webhook, email, nats, relay)`)
  })
})
