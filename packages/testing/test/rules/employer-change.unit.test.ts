// DOMAIN.md §17 change of employer: the current employer releases (ReleaseTalent), a new employer
// then claims (ChangeEmployer); the hr-bureau may move a talent directly. Worked example 17-c and
// one passing and one refused spec per rule id.
import { describe, expect, it } from 'vitest'
import type { LedgerEvent } from '@talent-ledger/core'
import { aTalentRegistered, anEmployer, bureau, command, employerActor, given, recordAssessment, TALENT_ID } from '../../src/spec/index.js'
import { hired } from './fixtures.js'

const t2 = 't-2'
const org1 = employerActor('org-1')
const org2 = employerActor('org-2')
const world: LedgerEvent[] = [anEmployer('org-1'), anEmployer('org-2'), aTalentRegistered({ talentId: t2, employerId: 'org-1' })]
const released = (on = '2027-01-10', from = 'org-1'): LedgerEvent => ({ type: 'TalentReleased', data: { talentId: t2, from, on, reason: null } })
const claim = (on: string, actor = org2) => command('ChangeEmployer', actor, { talentId: t2, employerId: 'org-2', on })
const release = (on: string, actor = org1) => command('ReleaseTalent', actor, { talentId: t2, on })

describe('17-c change of employer', () => {
  it('org-2 claims t-2 of org-1 without a release: Unauthorized employer-change.release-required', async () => {
    await given(world).when(claim('2027-01-15')).then({ code: 'Unauthorized', rules: ['employer-change.release-required'] })
  })

  it('org-1 releases t-2 on 2027-01-10: TalentReleased {from: org-1}', async () => {
    await given(world).when(release('2027-01-10')).then([released()])
  })

  it('then org-2 claims on 2027-01-15: EmployerChanged {from: org-1}', async () => {
    await given([...world, released()]).when(claim('2027-01-15')).then([{ type: 'EmployerChanged', data: { talentId: t2, from: 'org-1', employerId: 'org-2', on: '2027-01-15' } }])
  })

  it('a claim dated 2027-01-05, before the release: NotEligible employer-change.after-release', async () => {
    await given([...world, released()]).when(claim('2027-01-05')).then({ code: 'NotEligible', rules: ['employer-change.after-release'] })
  })
})

describe('§17 ReleaseTalent', () => {
  it('release.current-employer: another employer, or the bureau: Unauthorized', async () => {
    await given(world).when(release('2027-01-10', org2)).then({ code: 'Unauthorized', rules: ['release.current-employer'] })
    await given(world).when(release('2027-01-10', bureau)).then({ code: 'Unauthorized', rules: ['release.current-employer'] })
  })

  it('release.once: the same employer again: Duplicate', async () => {
    await given([...world, released()]).when(release('2027-01-12')).then({ code: 'Duplicate', rules: ['release.once'] })
  })

  it('a talent the employer does not employ (here: unknown): Unauthorized, which §8 checks before what exists', async () => {
    await given(world).when(command('ReleaseTalent', org1, { talentId: 'nobody', on: '2027-01-10' })).then({ code: 'Unauthorized' })
  })

  it('the talent has no employer until claimed: the old employer can no longer assess or reward it', async () => {
    const after = await given(world).when(release('2027-01-10')).talentAfter(t2)
    expect({ employerId: after.employerId, release: after.release }).toEqual({ employerId: '', release: { from: 'org-1', on: '2027-01-10' } })
    await given([...world, released()]).when(command('RecordIncentive', org1, { talentId: t2, kind: 'wage-increase', on: '2027-01-11' })).then({ code: 'Unauthorized' })
  })

  it('after a claim the talent can be released again by its new employer, and the old one cannot take it back alone', async () => {
    const claimed: LedgerEvent = { type: 'EmployerChanged', data: { talentId: t2, from: 'org-1', employerId: 'org-2', on: '2027-01-15' } }
    await given([...world, released(), claimed]).when(release('2027-02-01', org2)).thenEventTypes(['TalentReleased'])
    await given([...world, released(), claimed]).when(command('ChangeEmployer', org1, { talentId: t2, employerId: 'org-1', on: '2027-02-01' })).then({ code: 'Unauthorized', rules: ['employer-change.release-required'] })
  })
})

describe('§17 employer-change rules', () => {
  it('employer-change.release-required: the hr-bureau needs no release', async () => {
    await given(world).when(claim('2027-01-15', bureau)).thenEventTypes(['EmployerChanged'])
  })

  it('employer-change.after-release: on the release date itself: accepted', async () => {
    await given([...world, released()]).when(claim('2027-01-10')).thenEventTypes(['EmployerChanged'])
  })

  it('employer-change.after-release holds for the bureau too', async () => {
    await given([...world, released()]).when(claim('2027-01-09', bureau)).then({ code: 'NotEligible', rules: ['employer-change.after-release'] })
  })

  it('the new employer certifies the talent only once it has claimed them', async () => {
    await given([...hired(), anEmployer('emp-2')]).when(recordAssessment('emp-2', { talentId: TALENT_ID, on: '2024-06-01' }, employerActor('emp-2'))).then({ code: 'Unauthorized' })
  })
})
