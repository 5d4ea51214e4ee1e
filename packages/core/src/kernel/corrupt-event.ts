/**
 * A stored row that is not a valid event: the log is corrupt or was written by a foreign system.
 * Readers throw it (it is not a refusal: nothing a caller did can fix it); it names where.
 */
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
