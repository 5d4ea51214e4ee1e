/**
 * RegisterTalent as the talent decider takes it: name, national id and birth date replaced by the
 * sealed personal data. The ledger seals with the talent's key (after a dry-run decide on
 * `registrationPlaceholder`, so a refused registration never creates a key); specs and benches seal
 * with a stand-in. Either way the command is built here, the same way.
 */
import type { PersonalData, SealedPersonalData } from '../personal-data.js'
import type { CommandOf } from './commands.js'
import type { SealedRegisterTalent } from './context.js'

/** The personal data a RegisterTalent carries in the clear: what gets sealed. */
export const personalDataOf = (c: CommandOf<'RegisterTalent'>): PersonalData => {
  const { name, nationalId, birthDate } = c.data
  return { name, nationalId, birthDate }
}

/** The command with its personal data replaced by `personal`. */
export const sealedRegistration = (c: CommandOf<'RegisterTalent'>, personal: SealedPersonalData): SealedRegisterTalent => {
  const { name: _name, nationalId: _nationalId, birthDate: _birthDate, ...rest } = c.data
  return { type: c.type, actor: c.actor, data: { ...rest, personal } }
}

/** The command sealed with an empty ciphertext: to decide it before any key exists. */
export const registrationPlaceholder = (c: CommandOf<'RegisterTalent'>): SealedRegisterTalent =>
  sealedRegistration(c, { alg: 'xchacha20poly1305', keyId: c.data.talentId, ciphertext: '' })
