/**
 * Running work in one transaction on one pooled connection: BEGIN, the body, COMMIT — or ROLLBACK
 * when the body throws, after which the error goes on. A connection that failed is destroyed rather
 * than handed back to the pool in an unknown state.
 */
import type pg from 'pg'

/** Runs `body` in a transaction on a connection of `pool`. */
export const withTransaction = async <T>(pool: pg.Pool, body: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    try {
      const result = await body(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch((e: unknown) => void (broken = e instanceof Error ? e : new Error(String(e))))
      throw error
    }
  } finally {
    client.release(broken)
  }
}
