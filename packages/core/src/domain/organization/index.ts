/** The organisation aggregate (stream `org-<id>`): what other aggregates and the ledger may use of it. */
export { organizationCategory, organizationStream, type OrganizationState, type OrganizationContext } from './organization.js'
export { Authorization, OrganizationCommandData, OrganizationEventData, type OrganizationCommand, type OrganizationEvent } from './messages.js'
