// Services through the CLI (DOMAIN.md §15, §16): under the default policy a senior talent gets the
// one-stop service, an unset service is refused PolicyValueUnset and an intermediate talent
// NotEligible (15-a); `report` counts deliveries and the talents entitled on the report date, the
// same in `--json`, text and HTML.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assess, bureau, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
const store = `sqlite:${join(dir.path, 'services.db')}`
const cli = (...args: string[]) => runCli(['--store', store, ...args], { cwd: dir.path })

interface Result { readonly ok: boolean; readonly events?: string[]; readonly error?: { code: string; details: { rule?: string }[] } }
const deliver = (talentId: string, deliveryId: string, service: string, on = '2026-04-01') => ({ type: 'RecordServiceDelivery', actor: bureau, data: { talentId, deliveryId, service, on } })

let results: Result[] = []
beforeAll(() => {
  const input = jsonl(
    registerEmployer,
    registerTalent('s-1'),
    registerTalent('s-2', '李强'),
    assess('s-1', 'a-1', 'intermediate', '2026-01-10'),
    { type: 'RecordCompetitionResult', actor: bureau, data: { talentId: 's-1', competitionId: 'c-1', tier: 'municipal', rank: 5, on: '2026-02-01' } },
    assess('s-2', 'a-2', 'intermediate', '2026-01-10'),
    deliver('s-1', 'sd-1', 'one-stop-service'),
    deliver('s-1', 'sd-2', 'health-check'),
    deliver('s-2', 'sd-3', 'one-stop-service'),
  )
  results = runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input }).json() as Result[]
})
afterAll(() => dir.remove())

describe('talent-ledger apply and report: services (15-a)', () => {
  it('the pool entry lists the one-stop service; a senior gets it; health-check is unset; an intermediate is not entitled', () => {
    expect(results[4]).toMatchObject({ ok: true, events: ['CompetitionResultRecorded', 'LevelCertified', 'TalentPoolEntered'] })
    expect(results[6]).toMatchObject({ ok: true, events: ['ServiceDelivered'] })
    expect(results[7]).toMatchObject({ ok: false, error: { code: 'PolicyValueUnset', details: [{ rule: 'national-2018.service.values-set' }] } })
    expect(results[8]).toMatchObject({ ok: false, error: { code: 'NotEligible', details: [{ rule: 'national-2018.service.entitled' }] } })
    const profile = cli('show', 's-1').json()[0] as { services: unknown[] }
    expect(profile.services).toEqual([{ deliveryId: 'sd-1', service: 'one-stop-service', on: '2026-04-01', providerId: null, policyId: 'national-2018', ruleId: 'national-2018.service.entitled' }])
    expect(cli('show', 's-2').json()[0]).not.toHaveProperty('services')
  })

  it('report: deliveries by service and year, and who is entitled on the report date, in JSON, text and HTML', () => {
    const { services } = cli('report', '--json', '--as-of', '2026-12-31').json()[0] as { services: unknown[] }
    expect(services).toEqual([
      { service: 'children-education', year: 2026, delivered: 0, entitledNow: null },
      { service: 'health-check', year: 2026, delivered: 0, entitledNow: null },
      { service: 'medical-care', year: 2026, delivered: 0, entitledNow: null },
      { service: 'one-stop-service', year: 2026, delivered: 1, entitledNow: 1 },
      { service: 'recuperation', year: 2026, delivered: 0, entitledNow: null },
    ])
    expect(cli('report', '--as-of', '2026-12-31').stdout).toMatch(/one-stop-service +2026 +1 +1/)
    const file = join(dir.path, 'page.html')
    expect(cli('report', '--html', file, '--as-of', '2026-12-31').code).toBe(0)
    expect(readFileSync(file, 'utf8')).toMatch(/<tr class="service" data-service="one-stop-service" data-year="2026">.*data-delivered="1".*data-entitled="1"/)
  })
})
