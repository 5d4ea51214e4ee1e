// A real PostgreSQL primary and hot standby for the read-replica tests: a throwaway cluster made
// with initdb in a temporary directory (its own ports, trust auth, replication allowed), and a
// streaming standby cloned from it with pg_basebackup. The machine's own server is left alone.
import { spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/** Debian keeps the server binaries under /usr/lib/postgresql/<major>/bin. */
const binDir = (): string => {
  const root = '/usr/lib/postgresql'
  const majors = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  if (majors.length === 0) throw new Error(`no PostgreSQL server binaries under ${root}`)
  return join(root, majors[0]!, 'bin')
}

/** The command line of a server binary, as the postgres user when we are root (the server refuses to run as root). */
const asServerUser = (tool: string, args: ReadonlyArray<string>): [string, string[]] => {
  const path = join(binDir(), tool)
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, [...args]]
}

/** Runs a server binary; throws with its output when it fails. */
const run = (tool: string, args: ReadonlyArray<string>): void => {
  const r = spawnSync(...asServerUser(tool, args), { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`)
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const query = async <R extends pg.QueryResultRow>(url: string, text: string): Promise<R[]> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<R>(text)).rows
  } finally {
    await client.end()
  }
}

/** A running primary/standby pair. */
export interface StandbyPair {
  readonly primary: string
  readonly standby: string
  /** Resolves once the standby has replayed everything the primary has written so far. */
  readonly caughtUp: () => Promise<void>
  /** Pauses or resumes WAL replay on the standby: a standby that lags, on demand. */
  readonly pauseReplay: () => Promise<void>
  readonly resumeReplay: () => Promise<void>
  readonly stop: () => void
}

/** Starts a primary and a hot standby in a temporary directory. */
export const startStandbyPair = async (): Promise<StandbyPair> => {
  const dir = mkdtempSync(join(tmpdir(), 'talent-ledger-pg-'))
  if (process.getuid?.() === 0) {
    const { uid, gid } = (() => {
      const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim())
      return { uid: id('-u'), gid: id('-g') }
    })()
    chownSync(dir, uid, gid)
  }
  const [primaryPort, standbyPort] = [await freePort(), await freePort()]
  const data = join(dir, 'primary')
  const replica = join(dir, 'standby')
  const serverOptions = (port: number) => `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  spawnSync('sh', ['-c', `echo "host replication all 127.0.0.1/32 trust" >> ${data}/pg_hba.conf`])
  const stop = (): void => {
    for (const d of [replica, data]) if (existsSync(join(d, 'postmaster.pid'))) spawnSync(...asServerUser('pg_ctl', ['-D', d, '-m', 'immediate', 'stop']))
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    run('pg_ctl', ['-D', data, '-o', serverOptions(primaryPort), '-l', join(dir, 'primary.log'), '-w', 'start'])
    run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replica, '-R', '-X', 'stream'])
    run('pg_ctl', ['-D', replica, '-o', `${serverOptions(standbyPort)} -c hot_standby=on`, '-l', join(dir, 'standby.log'), '-w', 'start'])
  } catch (error) {
    stop()
    throw error
  }
  const primary = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`
  const standby = `postgres://postgres@127.0.0.1:${standbyPort}/postgres`
  return {
    primary,
    standby,
    caughtUp: async () => {
      const [{ lsn }] = await query<{ lsn: string }>(primary, 'SELECT pg_current_wal_lsn()::text AS lsn')
      for (let i = 0; i < 400; i++) {
        const [row] = await query<{ done: boolean }>(standby, `SELECT pg_last_wal_replay_lsn() >= '${lsn!}'::pg_lsn AS done`)
        if (row?.done === true) return
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`the standby did not replay up to ${lsn!} within 20 s`)
    },
    pauseReplay: async () => void (await query(standby, 'SELECT pg_wal_replay_pause()')),
    resumeReplay: async () => void (await query(standby, 'SELECT pg_wal_replay_resume()')),
    stop,
  }
}
