/**
 * The audit's reads ordered by stream (`events`, `outboxByStream`): a page after a key, within a
 * range of streams (`AuditPage.streams`), each shape of query prepared once. The conditions are
 * plain comparisons on the leading column of the index in that order, so every page is a search
 * of that index; BINARY collation is the code-point order the audit's port asks for.
 */
import type Database from 'better-sqlite3'
import type { AuditPage } from '@talent-ledger/core'

/**
 * A reader of pages: `prepare(where)` prepares the query with its `WHERE …` clause (or none) before
 * `ORDER BY … LIMIT ?`; `key` names the two ordering columns (stream id first).
 */
export const auditReader = (
  prepare: (where: string) => Database.Statement,
  key: readonly [stream: string, second: string],
) => {
  const statements = new Map<string, Database.Statement>()
  return <K>(page: AuditPage<K>, keyValues: (after: K) => readonly [string, unknown]): unknown[] => {
    const { after, limit, streams } = page
    const terms: string[] = []
    const values: unknown[] = []
    if (after !== undefined) {
      terms.push(`(${key[0]}, ${key[1]}) > (?, ?)`)
      values.push(...keyValues(after))
    }
    if (streams?.from !== undefined) {
      terms.push(`${key[0]} >= ?`)
      values.push(streams.from)
    }
    if (streams?.to !== undefined) {
      terms.push(`${key[0]} < ?`)
      values.push(streams.to)
    }
    const where = terms.length === 0 ? '' : `WHERE ${terms.join(' AND ')}`
    let statement = statements.get(where)
    if (statement === undefined) statements.set(where, (statement = prepare(where)))
    return statement.all(...values, limit)
  }
}
