/** The certificate-number aggregate (stream `certificate-<number>`): what the ledger may use of it. */
export { certificateNumberCategory, certificateNumberStream, type CertificateNumberState, type ClaimCertificateNumber } from './category.js'
export { CertificateCommandData, CertificateEventData, type CertificateEvent } from './messages.js'
