/** The organisation aggregate (stream `org-<id>`): what other aggregates and the ledger may use of it. */
export { organizationCategory, organizationStream, type OrganizationState, type OrganizationContext } from './organization.js'
export { Authorization, OrganizationCommandData, OrganizationEventData, type OrganizationCommand, type OrganizationEvent, type OrganizationEventOf } from './messages.js'
export { heldPost, postInForce, quotaExceeded, quotaOn, type OrgPost, type OrgQuota, type SeniorPosts } from './senior-posts.js'
export { designationInForce, designationsOn, type Designation } from './designations.js'
