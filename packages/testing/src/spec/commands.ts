/**
 * Raw commands for specs, typed by command type so a typo in a field is a compile error, yet left
 * raw (not decoded) so `when` still decodes them like a caller's input.
 */
import type { Actor, CommandData, CommandType } from '@talent-ledger/core'
import type * as t from 'io-ts'
import { bureau, OCCUPATION, PERSONAL, TALENT_ID, EMPLOYER_ID } from './builders.js'

/** The `data` a caller writes for a command type (before decoding). */
export type RawData<K extends CommandType> = t.OutputOf<(typeof CommandData)[K]>

/** A raw command as a caller would send it. */
export interface RawCommand<K extends CommandType = CommandType> {
  readonly type: K
  readonly actor: Actor
  readonly data: RawData<K>
}

/** A raw command of type `type`, issued by `actor`. */
export const command = <K extends CommandType>(type: K, actor: Actor, data: RawData<K>): RawCommand<K> => ({ type, actor, data })

/** RegisterTalent for the default talent (by the bureau unless another actor is given). */
export const registerTalent = (overrides: Partial<RawData<'RegisterTalent'>> = {}, actor: Actor = bureau): RawCommand<'RegisterTalent'> =>
  command('RegisterTalent', actor, {
    talentId: TALENT_ID,
    ...PERSONAL,
    occupation: OCCUPATION,
    occupationSince: '2010-03-01',
    education: 'none',
    employerId: EMPLOYER_ID,
    district: '海州区',
    registeredOn: '2020-01-01',
    ...overrides,
  })

/** A passed RecordAssessment of the default talent in the default occupation. */
export const recordAssessment = (
  assessorId: string,
  overrides: Partial<RawData<'RecordAssessment'>> = {},
  actor: Actor = { id: assessorId, role: 'assessment-body' },
): RawCommand<'RecordAssessment'> =>
  command('RecordAssessment', actor, {
    talentId: TALENT_ID,
    assessmentId: 'as-1',
    route: 'skill-level-recognition',
    occupation: OCCUPATION,
    passed: true,
    assessorId,
    on: '2024-06-01',
    ...overrides,
  })

/** GrantBenefit for the default talent, by the bureau. */
export const grantBenefit = (
  benefit: RawData<'GrantBenefit'>['benefit'],
  on: string,
  overrides: Partial<RawData<'GrantBenefit'>> = {},
  actor: Actor = bureau,
): RawCommand<'GrantBenefit'> => command('GrantBenefit', actor, { talentId: TALENT_ID, benefit, on, ...overrides })
