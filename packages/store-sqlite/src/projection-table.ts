/**
 * The `projections` table: one row per projection with its state (plain JSON) and the position of
 * the last event folded into it. Inline projections and async ones keep their state here; for an
 * async one the row's position is its checkpoint, written in the same statement as the state.
 */
import type { ProjectionSnapshot } from '@talent-ledger/core'
import type Database from 'better-sqlite3'

/** A projection's state as of a position in the log (core's type, exported from here too). */
export type { ProjectionSnapshot }

/** Reads and writes rows of the `projections` table. */
export interface ProjectionTable {
  /** The stored row of `name`, its state parsed into a fresh object; undefined when there is none. */
  readonly load: <S>(name: string) => ProjectionSnapshot<S> | undefined
  /** The stored position of `name`, without parsing its state. */
  readonly position: (name: string) => number | undefined
  /** Stores state and position of `name` (one row, so they cannot disagree). */
  readonly save: (name: string, position: number, state: unknown) => void
  /** The global position of the newest event in the log (0 when empty). */
  readonly top: () => number
}

/** Prepared statements on the `projections` table of `db`. */
export const projectionTable = (db: Database.Database): ProjectionTable => {
  const sql = {
    load: db.prepare('SELECT position, state FROM projections WHERE name = ?'),
    position: db.prepare('SELECT position FROM projections WHERE name = ?').pluck(),
    save: db.prepare(
      'INSERT INTO projections (name, position, state) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position, state = excluded.state',
    ),
    top: db.prepare('SELECT COALESCE(MAX(global_position), 0) FROM events').pluck(),
  }
  return {
    load: <S>(name: string) => {
      const row = sql.load.get(name) as { position: number; state: string } | undefined
      return row === undefined ? undefined : { position: row.position, state: JSON.parse(row.state) as S }
    },
    position: (name) => sql.position.get(name) as number | undefined,
    save: (name, position, state) => void sql.save.run(name, position, JSON.stringify(state)),
    top: () => sql.top.get() as number,
  }
}
