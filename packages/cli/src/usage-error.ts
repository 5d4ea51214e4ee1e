/**
 * Unusable arguments: a missing file, an unknown store URL, a date that does not exist. The CLI
 * contract gives them exit code 2 and one line on stderr, distinct from a refused command (exit 1).
 */

/** An argument the CLI cannot work with; `main` prints the message and exits 2. */
export class UsageError extends Error {
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options)
    this.name = 'UsageError'
  }
}
