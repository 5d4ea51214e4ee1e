// DOMAIN.md §9 personal data and the registration rules around it: name, national ID and birth
// date never appear in clear in an event; erasure (ForgetTalent) keeps the record; a change of
// employer names a registered employer.
import { describe, expect, it } from 'vitest'
import type { LedgerEvent } from '@talent-ledger/core'
import { aNationalId, anEmployer, bureau, command, employerActor, fakeSeal, given, PERSONAL, registerTalent, TALENT_ID } from '../../src/spec/index.js'
import { hired } from './fixtures.js'

const registered = (overrides: Partial<Extract<LedgerEvent, { type: 'TalentRegistered' }>['data']> = {}): LedgerEvent => ({
  type: 'TalentRegistered',
  data: {
    talentId: TALENT_ID, personal: fakeSeal(TALENT_ID, PERSONAL), occupation: '6-18-02-04', occupationSince: '2010-03-01', education: 'none',
    preparatoryTechnician: false, employerId: 'emp-1', district: '海州区', frontLine: false, registeredOn: '2020-01-01', ...overrides,
  },
})

describe('§9 personal data never in clear', () => {
  it('RegisterTalent records the personal data sealed, never the name, ID number or birth date', async () => {
    const [event] = await given([anEmployer()]).when(registerTalent()).then([registered()])
    const stored = JSON.stringify(event)
    for (const secret of [PERSONAL.name, PERSONAL.nationalId, PERSONAL.birthDate]) expect(stored).not.toContain(secret)
  })

  it('an employer registers its own staff', async () => {
    await given([anEmployer()]).when(registerTalent({ frontLine: true, preparatoryTechnician: true }, employerActor())).then([registered({ frontLine: true, preparatoryTechnician: true })])
  })

  it('a national ID with a wrong check character: Malformed, naming the field', async () => {
    const good = aNationalId('32070319900101123')
    const wrong = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`
    const error = await given([anEmployer()]).when(registerTalent({ nationalId: wrong })).then({ code: 'Malformed' })
    expect(error.details.map((d) => d.field)).toEqual(['data.nationalId'])
  })

  it('ForgetTalent erases the personal data; the record stays', async () => {
    const after = await given(hired()).when(command('ForgetTalent', bureau, { talentId: TALENT_ID })).talentAfter(TALENT_ID)
    expect({ registered: after.registered, forgotten: after.forgotten, personal: after.personal }).toEqual({ registered: true, forgotten: true, personal: null })
  })

  it('ForgetTalent twice: Duplicate; for an unknown talent: NotFound', async () => {
    await given([...hired(), { type: 'TalentForgotten', data: { talentId: TALENT_ID } }]).when(command('ForgetTalent', bureau, { talentId: TALENT_ID })).then({ code: 'Duplicate' })
    await given([]).when(command('ForgetTalent', bureau, { talentId: TALENT_ID })).then({ code: 'NotFound' })
  })
})

describe('registration and change of employer', () => {
  it('an employer that is not registered: NotFound', async () => {
    await given([]).when(registerTalent()).then({ code: 'NotFound' })
  })

  it('the same talent twice: Duplicate', async () => {
    await given(hired()).when(registerTalent()).then({ code: 'Duplicate' })
  })

  it('years in the occupation cannot start after registration: NotEligible', async () => {
    await given([anEmployer()]).when(registerTalent({ occupationSince: '2020-01-02' })).then({ code: 'NotEligible', rules: ['talent.occupation-since'] })
  })

  it('an occupation code outside the national classification format: Malformed', async () => {
    await given([anEmployer()]).when(registerTalent({ occupation: '6-18-2' })).then({ code: 'Malformed' })
  })

  it('a change of employer records the employer left', async () => {
    await given([...hired(), anEmployer('emp-2')])
      .when(command('ChangeEmployer', bureau, { talentId: TALENT_ID, employerId: 'emp-2', on: '2024-03-01' }))
      .then([{ type: 'EmployerChanged', data: { talentId: TALENT_ID, from: 'emp-1', employerId: 'emp-2', on: '2024-03-01' } }])
  })

  it('to the current employer: Duplicate; to an unregistered one: NotFound', async () => {
    await given(hired()).when(command('ChangeEmployer', bureau, { talentId: TALENT_ID, employerId: 'emp-1', on: '2024-03-01' })).then({ code: 'Duplicate' })
    await given(hired()).when(command('ChangeEmployer', bureau, { talentId: TALENT_ID, employerId: 'emp-9', on: '2024-03-01' })).then({ code: 'NotFound' })
  })
})
