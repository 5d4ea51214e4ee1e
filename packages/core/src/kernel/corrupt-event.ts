/**
 * The one error a read throws for a stored row that is not a valid event. It lives in the kernel
 * because both sides raise it: the store adapters' row codecs (`@talent-ledger/core/store-kit`)
 * when a row's columns do not decode as an envelope, and the domain's decoder when an envelope's
 * data is not an event of ours. Embedders and verifiers catch it by class.
 */

/** A store row that is not a valid event: the log is corrupt or from a foreign system. */
export class CorruptEventError extends Error {
  constructor(
    readonly streamId: string,
    readonly version: number | null,
    detail: string,
  ) {
    super(`corrupt event in ${streamId}${version === null ? '' : ` at version ${version}`}: ${detail}`)
    this.name = 'CorruptEventError'
  }
}
