/**
 * Which stream a command belongs to, which other streams its decision must read, and its business date.
 */
import type { Command } from '../domain/commands.js'
import type { SealedRegisterTalent } from '../domain/talent/context.js'
import { CITY_STREAM } from '../domain/city.js'
import { organizationStream } from '../domain/organization.js'
import { POLICY_STREAM } from '../domain/policy-stream.js'
import { talentStream } from '../domain/talent/talent.js'

/** The aggregate a command is decided by. */
export type Aggregate = 'talent' | 'organization' | 'city' | 'policy'

/** The aggregate and stream of a command (RegisterTalent sealed or not). */
export const routeOf = (c: Command | SealedRegisterTalent): { readonly aggregate: Aggregate; readonly stream: string } => {
  switch (c.type) {
    case 'AdoptPolicy':
      return { aggregate: 'policy', stream: POLICY_STREAM }
    case 'RegisterOrganization':
      return { aggregate: 'organization', stream: organizationStream(c.data.organizationId) }
    case 'DesignateCarrier':
    case 'ReportEmploymentStatistics':
      return { aggregate: 'city', stream: CITY_STREAM }
    default:
      return { aggregate: 'talent', stream: talentStream(c.data.talentId) }
  }
}

/** Organisations a talent command names (the actor included): the context its decision reads. */
export const organizationsNamed = (c: Command | SealedRegisterTalent): string[] => {
  const d = c.data as Record<string, unknown>
  const ids = [c.actor.id, d['employerId'], d['providerId'], d['assessorId']].filter((x): x is string => typeof x === 'string')
  return [...new Set(ids)]
}

export { businessDateOf } from '../domain/commands.js'
