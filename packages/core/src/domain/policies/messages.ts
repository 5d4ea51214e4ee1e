/**
 * The policy stream's command and event (the city adopts a policy document), as io-ts codecs of
 * their `data`. NOTE: the event shape is the storage format (see talent/events.ts).
 */
import * as t from 'io-ts'
import { LocalDate } from '../../kernel/dates.js'
import { strictFields } from '../../kernel/strict.js'
import { PolicyDocument, PolicyDocumentInput } from '../../policy/document.js'
import { NonEmptyString } from '../../vocabulary/terms.js'
import type { CommandsOf, EventsOf } from '../messages.js'

const fields = strictFields
const Id = NonEmptyString

/** `data` codec of the policy stream's command. */
export const PolicyCommandData = {
  AdoptPolicy: fields({ policyId: Id, effectiveFrom: LocalDate, document: PolicyDocumentInput }, {}, 'AdoptPolicy'),
} as const

/** `data` codec of the policy stream's event (schemaVersion 1). */
export const PolicyEventData = {
  PolicyAdopted: t.type({ policyId: t.string, effectiveFrom: LocalDate, document: PolicyDocument }),
} as const

export type PolicyCommand = CommandsOf<typeof PolicyCommandData>
export type PolicyEvent = EventsOf<typeof PolicyEventData>
