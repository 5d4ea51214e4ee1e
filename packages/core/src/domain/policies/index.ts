/** The policy stream aggregate (stream `policy`): what other aggregates and the ledger may use of it. */
export { policyCategory, POLICY_STREAM, type PolicyStreamState, type PolicyContext } from './policies.js'
export { PolicyCommandData, PolicyEventData, type PolicyCommand, type PolicyEvent } from './messages.js'
