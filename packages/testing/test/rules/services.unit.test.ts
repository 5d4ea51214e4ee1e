// DOMAIN.md §15: services (一站式服务, 子女入学, 医疗, 体检, 疗休养) as entitlements derived from the
// policy's `services` block (level ≥ minLevel), with a delivery record per service delivered
// (example 15-a), and how often each may be delivered.
import { describe, expect, it } from 'vitest'
import type { LedgerEvent, PolicyDocument } from '@talent-ledger/core'
import { aPolicyAdopted, aPolicyDocument, bureau, command, employerActor, given, TALENT_ID } from '../../src/spec/index.js'
import { hired, holding, ruleOf } from './fixtures.js'

const ON = '2026-04-01'
const deliver = (service: string, deliveryId = 'sd-1', on = ON, actor = bureau) => command('RecordServiceDelivery', actor, { talentId: TALENT_ID, deliveryId, service, on } as never)
const delivered = (service: string, deliveryId = 'sd-1', on = ON, policyId = 'national-2018'): LedgerEvent => ({
  type: 'ServiceDelivered',
  data: { talentId: TALENT_ID, deliveryId, service: service as 'one-stop-service', on, providerId: null, policyId, ruleId: ruleOf('service.entitled', policyId) },
})
const senior = [...hired(), ...holding('senior', '2025-01-01')]
/** A policy from 2020 with the services block set by `services`. */
const withServices = (services: PolicyDocument['services']) => aPolicyAdopted('lyg-t', '2020-01-01', (d) => ({ ...d, services }))

describe('15-a services under the default policy', () => {
  it('a senior talent gets the one-stop service (一站式服务), recorded with the rule', async () => {
    await given(senior).when(deliver('one-stop-service')).then([delivered('one-stop-service')])
  })

  it('a health check (体检): its entitlement is unset in the default → PolicyValueUnset service.values-set', async () => {
    await given(senior).when(deliver('health-check')).then({ code: 'PolicyValueUnset', rules: [ruleOf('service.values-set')] })
  })

  it('an intermediate talent → NotEligible national-2018.service.entitled', async () => {
    await given([...hired(), ...holding('intermediate', '2020-01-01')]).when(deliver('one-stop-service')).then({ code: 'NotEligible', rules: [ruleOf('service.entitled')] })
  })

  it('on request: delivered again under a new delivery id; the same id again is Duplicate', async () => {
    await given([...senior, delivered('one-stop-service')]).when(deliver('one-stop-service', 'sd-2')).then([delivered('one-stop-service', 'sd-2')])
    await given([...senior, delivered('one-stop-service')]).when(deliver('one-stop-service')).then({ code: 'Duplicate', rules: [ruleOf('service.frequency')] })
  })

  it('only the bureau records deliveries; a talent not registered is NotFound', async () => {
    await given(senior).when(deliver('one-stop-service', 'sd-1', ON, employerActor())).then({ code: 'Unauthorized' })
    await given([]).when(deliver('one-stop-service')).then({ code: 'NotFound' })
  })
})

describe('§15 service.frequency and service.entitled under a city policy', () => {
  const policy = withServices([
    { service: 'one-stop-service', minLevel: 'senior', frequency: 'on-request' },
    { service: 'health-check', minLevel: 'technician', frequency: 'yearly' },
    { service: 'recuperation', minLevel: 'senior', frequency: 'once' },
    { service: 'medical-care', minLevel: 'senior', frequency: null },
  ])

  it('yearly: once a calendar year', async () => {
    const technician = [policy, ...hired(), ...holding('technician', '2024-01-01')]
    await given(technician).when(deliver('health-check')).then([delivered('health-check', 'sd-1', ON, 'lyg-t')])
    await given([...technician, delivered('health-check', 'sd-0', '2026-01-10', 'lyg-t')]).when(deliver('health-check')).then({ code: 'Duplicate', rules: [ruleOf('service.frequency', 'lyg-t')] })
    await given([...technician, delivered('health-check', 'sd-0', '2025-12-10', 'lyg-t')]).when(deliver('health-check')).thenEventTypes(['ServiceDelivered'])
  })

  it('once: never again', async () => {
    await given([policy, ...senior, delivered('recuperation', 'sd-0', '2021-05-01', 'lyg-t')]).when(deliver('recuperation')).then({ code: 'Duplicate', rules: [ruleOf('service.frequency', 'lyg-t')] })
  })

  it('minLevel above the talent: NotEligible; a frequency unset or a service the block does not list: PolicyValueUnset', async () => {
    await given([policy, ...senior]).when(deliver('health-check')).then({ code: 'NotEligible', rules: [ruleOf('service.entitled', 'lyg-t')] })
    await given([policy, ...senior]).when(deliver('medical-care')).then({ code: 'PolicyValueUnset', rules: [ruleOf('service.values-set', 'lyg-t')] })
    await given([policy, ...senior]).when(deliver('children-education')).then({ code: 'PolicyValueUnset', rules: [ruleOf('service.values-set', 'lyg-t')] })
  })

  it('the pool entry lists exactly the services whose minLevel the new level reaches (a frequency unset does not matter)', async () => {
    const events = await given([policy, ...hired(), ...holding('intermediate', '2012-01-01')])
      .when(command('RecordCompetitionResult', bureau, { talentId: TALENT_ID, competitionId: 'c-1', tier: 'municipal', rank: 4, on: ON }))
      .thenEventTypes(['CompetitionResultRecorded', 'LevelCertified', 'TalentPoolEntered'])
    expect(events[2]?.data).toMatchObject({ services: ['one-stop-service', 'recuperation', 'medical-care'] })
  })

  it('a policy without a services block has no entitlement to deliver against: PolicyValueUnset', async () => {
    const { services: _none, ...older } = aPolicyDocument()
    await given([aPolicyAdopted('lyg-old', '2020-01-01', () => older), ...senior]).when(deliver('one-stop-service')).then({ code: 'PolicyValueUnset', rules: [ruleOf('service.values-set', 'lyg-old')] })
  })
})
