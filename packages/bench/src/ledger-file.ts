/**
 * A demo-sized ledger file for the benches that need one (verify, storage), made the way a user
 * makes one: the built CLI's `demo` on a fresh SQLite file, and its `export`. The CLI is run as a
 * child process from its build (`pnpm build` makes it; `pnpm bench` builds first), so the file is
 * exactly what `talent-ledger demo` writes.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The built CLI's entry point, beside this package in the workspace. */
export const CLI = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url))

/** Runs the CLI on the SQLite file `db` with `args`, its output to `stdout` ('ignore' or 'inherit'); throws when it fails. */
const cli = (db: string, args: ReadonlyArray<string>, stdout: 'ignore' | 'inherit'): void => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the workspace first (pnpm build)`)
  const r = spawnSync(process.execPath, [CLI, '--store', `sqlite:${db}`, ...args], { stdio: ['ignore', stdout, 'inherit'] })
  if (r.status !== 0) throw new Error(`talent-ledger ${args.join(' ')} on ${db} exited with ${r.status ?? r.signal}`)
}

/** Writes the default demo (`talent-ledger demo`) into the new file `db`; returns the seconds it took. */
export const makeDemoFile = (db: string): number => {
  const t0 = performance.now()
  cli(db, ['demo'], 'ignore')
  return (performance.now() - t0) / 1000
}

/** Writes the whole log of `db` as canonical JSON Lines to `out` (`talent-ledger export`). */
export const exportLedger = (db: string, out: string): void => cli(db, ['export', out], 'inherit')
