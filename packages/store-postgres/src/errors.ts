/**
 * The errors a PostgreSQL store throws for infrastructure trouble, each naming the server (host,
 * port, database) and the schema, never the password, so a CLI can print one clear line: a server
 * that cannot be reached, a schema written by a newer release, a schema name that is not a plain
 * identifier. Every one is a `PostgresStoreError`, so a caller can catch the family.
 */

/** Base class of the store's own errors. */
export class PostgresStoreError extends Error {
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options)
    this.name = 'PostgresStoreError'
  }
}

/** The server could not be reached or refused the connection (wrong host, port, database, user). */
export class PostgresUnreachableError extends PostgresStoreError {
  constructor(
    /** `host:port/database` as the store tried it. */
    readonly server: string,
    problem: string,
    options?: { readonly cause?: unknown },
  ) {
    super(`cannot connect to PostgreSQL at ${server}: ${problem}`, options)
    this.name = 'PostgresUnreachableError'
  }
}

/** The schema cannot be used: a bad name, or written by a newer release of this package. */
export class PostgresSchemaError extends PostgresStoreError {
  constructor(
    readonly schema: string,
    problem: string,
    options?: { readonly cause?: unknown },
  ) {
    super(`cannot use schema ${JSON.stringify(schema)} as a talent-ledger store: ${problem}`, options)
    this.name = 'PostgresSchemaError'
  }
}

/** The driver's error code: a SQLSTATE (`23505`, …) or a Node.js one (`ECONNREFUSED`, …). */
export const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : undefined

/** The constraint a PostgreSQL error names, if any. */
export const constraintOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { constraint?: unknown }).constraint === 'string'
    ? (error as { constraint: string }).constraint
    : undefined

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'])

/** Whether `error` says the server was not reachable or refused us (network, auth, unknown database). */
export const isConnectFailure = (error: unknown): boolean => {
  const code = errorCode(error) ?? ''
  // 28xxx: invalid authorization; 3D000: no such database; 57P03: the server is starting up
  if (NETWORK_CODES.has(code) || code.startsWith('28') || code === '3D000' || code === '57P03') return true
  if (error instanceof AggregateError) return error.errors.some(isConnectFailure)
  return error instanceof Error && /timeout expired|Connection terminated/i.test(error.message)
}

/** A one-line description of a connection failure. */
export const describeConnectFailure = (error: unknown): string => {
  const code = errorCode(error)
  if (error instanceof AggregateError && error.errors.length > 0) return describeConnectFailure(error.errors[0])
  const message = error instanceof Error && error.message !== '' ? error.message : String(error)
  return code !== undefined && !message.includes(code) ? `${message} (${code})` : message
}

/**
 * An append whose outcome is unknown: the connection was lost while it committed (a failover), and
 * no server answered the retry in time. Its events may be stored; the command is not refused. A
 * retry of the same append (same event ids) is safe: it reports the stored result or stores it once.
 */
export class PostgresInDoubtError extends PostgresStoreError {
  constructor(
    readonly streamId: string,
    waitedMs: number,
    options?: { readonly cause?: unknown },
  ) {
    super(
      `the append to ${streamId} may or may not be stored: the connection was lost while it committed and no server took the retry within ${Math.round(waitedMs / 1000)} s; read the stream (or retry the same append: it is idempotent by event id)`,
      options,
    )
    this.name = 'PostgresInDoubtError'
  }
}
