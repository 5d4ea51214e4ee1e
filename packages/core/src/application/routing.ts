/**
 * Which stream a command belongs to, and which other streams its decision must read.
 */
import type { Command } from '../domain/commands.js'
import { CITY_STREAM } from '../domain/city.js'
import { organizationStream } from '../domain/organization.js'
import { POLICY_STREAM } from '../domain/policy-stream.js'
import { talentStream } from '../domain/talent/talent.js'

/** The aggregate a command is decided by. */
export type Aggregate = 'talent' | 'organization' | 'city' | 'policy'

/** The aggregate and stream of a command. */
export const routeOf = (c: Command): { readonly aggregate: Aggregate; readonly stream: string } => {
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
export const organizationsNamed = (c: Command): string[] => {
  const d = c.data as Record<string, unknown>
  const ids = [c.actor.id, d['employerId'], d['providerId'], d['assessorId']].filter((x): x is string => typeof x === 'string')
  return [...new Set(ids)]
}

/** The business date of a command, when it names one. */
export const businessDateOf = (c: Command): string | null => {
  const d = c.data as Record<string, unknown>
  for (const k of ['on', 'registeredOn', 'startedOn', 'completedOn', 'effectiveFrom']) if (typeof d[k] === 'string') return d[k]
  if (c.type === 'ReportEmploymentStatistics') return `${c.data.year}-12-31`
  return null
}
