/**
 * Actors (DOMAIN.md §8): who issues a command. The ids of organisations come from a small pool so
 * generated commands meet the organisations a history registered.
 */
import * as fc from 'fast-check'
import type { Actor, ActorRole } from '@talent-ledger/core'
import { actorRole } from './vocabulary.js'

/** The human-resources bureau (人社局): the actor of most administrative commands. */
export const BUREAU: Actor = { id: 'hrb-lianyungang', role: 'hr-bureau' }

/** Organisation ids the generated histories register, by kind. */
export const ORGANIZATION_IDS = {
  employers: ['emp-1', 'emp-2'],
  assessmentBody: 'body-1',
  appraisalBody: 'appraisal-1',
  trainingProvider: 'trainer-1',
  vocationalSchool: 'school-1',
} as const

/** Every organisation id of the pool, plus one nobody registers. */
export const ACTOR_IDS = [
  ...ORGANIZATION_IDS.employers,
  ORGANIZATION_IDS.assessmentBody,
  ORGANIZATION_IDS.appraisalBody,
  ORGANIZATION_IDS.trainingProvider,
  ORGANIZATION_IDS.vocationalSchool,
  'org-unknown',
] as const

/** An actor of the given role with an id from the pool (the bureau keeps its own id). */
export const actorOf = (role: ActorRole): fc.Arbitrary<Actor> =>
  role === 'hr-bureau' ? fc.constant(BUREAU) : fc.constantFrom(...ACTOR_IDS).map((id) => ({ id, role }))

/** Any actor of any role, auditors included: most of them may not issue most commands. */
export const actor: fc.Arbitrary<Actor> = actorRole.chain(actorOf)

/** Mostly the bureau, sometimes anyone: for commands only the bureau may issue. */
export const mostlyBureau: fc.Arbitrary<Actor> = fc.oneof({ arbitrary: fc.constant(BUREAU), weight: 4 }, { arbitrary: actor, weight: 1 })
