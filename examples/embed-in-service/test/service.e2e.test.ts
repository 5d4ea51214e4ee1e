// The service over real HTTP on a real SQLite file: commands in, refusals with their status and
// rule ids, profiles out (also as of a date), and the data still there after a restart.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../src/server.js'

const dir = mkdtempSync(join(tmpdir(), 'embed-in-service-'))
const path = join(dir, 'ledger.db')
let app: FastifyInstance
let base: string

const start = async (): Promise<void> => {
  app = buildServer({ path })
  await app.listen({ port: 0, host: '127.0.0.1' })
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
}

beforeAll(start)
afterAll(async () => {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
})

/** What the tests read from an answer: a command result, a refusal or a profile (all plain JSON). */
interface Answer {
  readonly status: number
  readonly json: {
    readonly ok?: boolean
    readonly level?: string | null
    readonly certificates?: ReadonlyArray<unknown>
    readonly error?: { readonly code: string; readonly details: ReadonlyArray<{ readonly rule?: string; readonly field?: string }> }
  }
}

/** POSTs a raw body (a string is sent as is, anything else as JSON); returns status and parsed body. */
const post = async (body: unknown): Promise<Answer> => {
  const response = await fetch(`${base}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as Answer['json'] }
}
const get = async (url: string): Promise<Answer> => {
  const response = await fetch(`${base}${url}`)
  return { status: response.status, json: (await response.json()) as Answer['json'] }
}

const bureau = { id: 'hr-bureau', role: 'hr-bureau' }
const employer = { id: 'port-co', role: 'employer' }
const assessment = (assessmentId: string, level: string, on: string, actor: unknown = employer) => ({
  type: 'RecordAssessment',
  actor,
  data: { talentId: 't-1', assessmentId, route: 'skill-level-recognition', occupation: '6-18-02-04', level, passed: true, assessorId: 'port-co', on },
})

describe('embed-in-service over HTTP', () => {
  it('answers /health', async () => {
    expect(await get('/health')).toEqual({ status: 200, json: { ok: true } })
  })

  it('registers an employer and a talent', async () => {
    const org = await post({ type: 'RegisterOrganization', actor: bureau, data: {
      organizationId: 'port-co', kind: 'employer', name: '连云港港口集团', canAppoint: true,
      authorizations: [{ route: 'skill-level-recognition', occupations: ['*'], maxLevel: 'technician' }] } })
    expect(org).toEqual({ status: 200, json: { ok: true, stream: 'org-port-co', version: 1, events: ['OrganizationRegistered'] } })
    const talent = await post({ type: 'RegisterTalent', actor: employer, data: {
      talentId: 't-1', name: '王芳', nationalId: '320703199105020028', birthDate: '1991-05-02', occupation: '6-18-02-04',
      occupationSince: '2016-07-01', education: 'technician-college', employerId: 'port-co', district: '连云区',
      frontLine: true, registeredOn: '2026-01-05' } })
    expect(talent).toEqual({ status: 200, json: { ok: true, stream: 'talent-t-1', version: 1, events: ['TalentRegistered'] } })
  })

  it('records a passed assessment: the level is certified', async () => {
    const { status, json } = await post(assessment('a-1', 'intermediate', '2026-03-01'))
    expect(status).toBe(200)
    expect(json).toEqual({ ok: true, stream: 'talent-t-1', version: 3, events: ['AssessmentPassed', 'LevelCertified'] })
  })

  it('refuses an ineligible level with 422, listing every failed rule', async () => {
    const { status, json } = await post(assessment('a-2', 'technician', '2026-04-01'))
    expect(status).toBe(422)
    expect(json.ok).toBe(false)
    expect(json.error?.code).toBe('NotEligible')
    const rules = (json.error?.details ?? []).map((d) => d.rule)
    expect(rules.length).toBeGreaterThan(0)
    expect(rules.every((r) => r?.startsWith('national-2018.technician.'))).toBe(true)
  })

  it('refuses an unregistered organisation with 403', async () => {
    const { status, json } = await post(assessment('a-3', 'senior', '2026-04-01', { id: 'other-co', role: 'employer' }))
    expect(status).toBe(403)
    expect(json).toMatchObject({ ok: false, error: { code: 'Unauthorized' } })
  })

  it('refuses a repeated command with 409', async () => {
    const { status, json } = await post(assessment('a-1', 'intermediate', '2026-03-01'))
    expect(status).toBe(409)
    expect(json).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
  })

  it('refuses a body that is not JSON, or JSON of the wrong shape, with 400 Malformed', async () => {
    const notJson = await post('{"type": "RecordAssessment",')
    expect(notJson.status).toBe(400)
    expect(notJson.json).toMatchObject({ ok: false, error: { code: 'Malformed', details: [{ field: 'body' }] } })
    const wrongShape = await post({ type: 'RecordAssessment', actor: employer, data: {} })
    expect(wrongShape.status).toBe(400)
    expect(wrongShape.json).toMatchObject({ ok: false, error: { code: 'Malformed' } })
    const noContentType = await fetch(`${base}/commands`, { method: 'POST', body: 'hello' })
    expect(noContentType.status).toBe(400)
    expect(await noContentType.json()).toMatchObject({ ok: false, error: { code: 'Malformed' } })
  })

  it('shows the profile with the policy and rule behind each certificate', async () => {
    const { status, json } = await get('/talents/t-1')
    expect(status).toBe(200)
    expect(json).toMatchObject({ talentId: 't-1', name: '王芳', level: 'intermediate' })
    expect(json.certificates).toEqual([
      expect.objectContaining({ level: 'intermediate', on: '2026-03-01', policyId: 'national-2018', ruleId: 'national-2018.intermediate.years-in-occupation' }),
    ])
  })

  it('shows the profile as of a business date or a record time', async () => {
    const before = await get('/talents/t-1?asOf=2026-02-28')
    expect(before.status).toBe(200)
    expect(before.json).toMatchObject({ name: '王芳', level: null, certificates: [] })
    const on = await get('/talents/t-1?asOf=2026-03-01')
    expect(on.json.level).toBe('intermediate')
    const knownEarly = await get('/talents/t-1?knownAt=2000-01-01T00:00:00Z')
    expect(knownEarly.status).toBe(404)
  })

  it('rejects an invalid asOf or knownAt with 400 and an unknown talent with 404', async () => {
    const badDate = await get('/talents/t-1?asOf=2026-02-30')
    expect(badDate.status).toBe(400)
    expect(badDate.json).toMatchObject({ ok: false, error: { code: 'Malformed', details: [{ field: 'asOf' }] } })
    const badTime = await get('/talents/t-1?knownAt=yesterday')
    expect(badTime.status).toBe(400)
    expect(badTime.json).toMatchObject({ ok: false, error: { code: 'Malformed', details: [{ field: 'knownAt' }] } })
    const unknown = await get('/talents/nobody')
    expect(unknown).toMatchObject({ status: 404, json: { ok: false, error: { code: 'NotFound' } } })
  })

  it('keeps everything after the server is closed and reopened on the same file', async () => {
    await app.close()
    await start()
    const { status, json } = await get('/talents/t-1')
    expect(status).toBe(200)
    expect(json).toMatchObject({ name: '王芳', level: 'intermediate', certificates: [{ ruleId: 'national-2018.intermediate.years-in-occupation' }] })
  })
})
