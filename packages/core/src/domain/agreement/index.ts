/** The agreement aggregate (stream `agreement-<id>`, DOMAIN.md §11): what other aggregates and the ledger may use of it. */
export { agreementCategory, agreementCovers, agreementStream, type AgreementContext, type AgreementState } from './agreement.js'
export { AgreementCommandData, AgreementEventData, type AgreementCommand, type AgreementEvent } from './messages.js'
