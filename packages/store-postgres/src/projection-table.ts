/**
 * The `projections` table: one row per projection with its state (plain JSON) and the position of
 * the last event folded into it. Inline projections and async ones keep their state here; for an
 * async one the row's position is its checkpoint, written in the same statement as the state.
 */
import type { ProjectionSnapshot } from '@talent-ledger/core'
import type pg from 'pg'
import type { Schema } from './schema-name.js'
import { toPosition } from './rows.js'

/** A projection's state as of a position in the log (core's type, exported from here too). */
export type { ProjectionSnapshot }

/** Something that runs a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>

/** Reads and writes rows of the `projections` table. */
export interface ProjectionTable {
  /** The stored row of `name`, its state parsed into a fresh object; undefined when there is none. */
  readonly load: <S>(q: Queryable, name: string) => Promise<ProjectionSnapshot<S> | undefined>
  /** The stored positions of `names` (absent names are left out), without reading their states. */
  readonly positions: (q: Queryable, names: ReadonlyArray<string>) => Promise<Map<string, number>>
  /** Stores the states and positions of several projections in one statement. */
  readonly save: (q: Queryable, rows: ReadonlyArray<{ readonly name: string; readonly position: number; readonly state: unknown }>) => Promise<void>
  /** The position of the newest committed event (0 when empty). */
  readonly top: (q: Queryable) => Promise<number>
}

/** The `projections` table of schema `s`. */
export const projectionTable = (s: Schema): ProjectionTable => ({
  load: async <S>(q: Queryable, name: string) => {
    const { rows } = await q.query<{ position: string; state: string }>(`SELECT position, state::text AS state FROM ${s.sql}.projections WHERE name = $1`, [name])
    const row = rows[0]
    return row === undefined ? undefined : { position: toPosition(row.position), state: JSON.parse(row.state) as S }
  },
  positions: async (q, names) => {
    const { rows } = await q.query<{ name: string; position: string }>(`SELECT name, position FROM ${s.sql}.projections WHERE name = ANY($1)`, [names])
    return new Map(rows.map((r) => [r.name, toPosition(r.position)]))
  },
  save: async (q, rows) => {
    if (rows.length === 0) return
    await q.query(
      `INSERT INTO ${s.sql}.projections (name, position, state) SELECT * FROM unnest($1::text[], $2::bigint[], $3::jsonb[])
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, state = excluded.state`,
      [rows.map((r) => r.name), rows.map((r) => String(r.position)), rows.map((r) => JSON.stringify(r.state))],
    )
  },
  top: async (q) => {
    const { rows } = await q.query<{ top: string | null }>(`SELECT max(global_position) AS top FROM ${s.sql}.events`)
    return toPosition(rows[0]?.top)
  },
})
