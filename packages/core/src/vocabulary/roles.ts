/**
 * Who may issue commands (DOMAIN.md §8): the roles of the ledger's actors. The kernel stores any
 * actor as `{id, role}` text; which roles exist is the domain's word, checked here on every command
 * and again on every stored event the domain decodes.
 */
import * as t from 'io-ts'

/** The roles of DOMAIN.md §8. */
export const ActorRole = t.keyof({
  'hr-bureau': null,
  employer: null,
  'training-provider': null,
  'vocational-school': null,
  'assessment-body': null,
  'appraisal-body': null,
  auditor: null,
})
export type ActorRole = t.TypeOf<typeof ActorRole>

/** Who issued a command: an id and one of the roles. */
export const Actor = t.type({ id: t.string, role: ActorRole })
export type Actor = t.TypeOf<typeof Actor>
