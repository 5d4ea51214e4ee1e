// A Patroni cluster for the failover suite: three etcd members and three Patroni-managed PostgreSQL
// instances on free loopback ports under one temporary directory, small enough for a shared 2-core
// machine (16 MB shared_buffers, few connections). Every process is started here and stopped by
// its PID (never by name); the machine's own PostgreSQL is left alone. Patroni and the servers run
// as the `postgres` user when we are root (the server refuses root).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/** Debian keeps the server binaries under /usr/lib/postgresql/<major>/bin. */
export const pgBinDir = (): string => {
  const root = '/usr/lib/postgresql'
  const majors = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  if (majors.length === 0) throw new Error(`no PostgreSQL server binaries under ${root}`)
  return join(root, majors[0]!, 'bin')
}

/** A free loopback port (asked of the kernel, then released). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** The uid/gid of the postgres user when we are root (undefined otherwise: run as ourselves). */
const serverUser = (): { uid: number; gid: number } | undefined => {
  if (process.getuid?.() !== 0) return undefined
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim())
  return { uid: id('-u'), gid: id('-g') }
}

/** Replication mode of the cluster. */
export type ReplicationMode = 'synchronous' | 'asynchronous'

/** One Patroni-managed PostgreSQL node. */
export interface PatroniNode {
  readonly name: string
  readonly pgPort: number
  readonly restPort: number
  readonly dataDir: string
}

/** A running cluster. */
export interface PatroniCluster {
  readonly dir: string
  readonly nodes: ReadonlyArray<PatroniNode>
  /** `postgres://postgres@h1:p1,h2:p2,h3:p3/postgres?target_session_attrs=read-write`. */
  readonly url: string
  /** The one-host URL of a node. */
  readonly nodeUrl: (node: PatroniNode) => string
  /** The node that is primary now (asked of each node's REST API), waiting up to `timeoutMs` for one. */
  readonly primary: (timeoutMs?: number) => Promise<PatroniNode>
  /** SIGKILLs the postmaster of `node` (Patroni stays up and brings it back as a standby). */
  readonly killPostmaster: (node: PatroniNode) => number
  /** SIGKILLs the postmaster and every server process of `node` (walsenders too: nothing more leaves it); Patroni stays up. */
  readonly killServer: (node: PatroniNode) => void
  /** SIGKILLs Patroni, the postmaster and every server process of `node`: the whole machine is gone. */
  readonly killNode: (node: PatroniNode) => void
  /** Starts the Patroni of `node` again (after `killNode`). */
  readonly restartNode: (node: PatroniNode) => void
  /** Waits until every node runs and streams from the primary (`streaming` in the REST API). */
  readonly healthy: (timeoutMs?: number) => Promise<void>
  /** Changes the dynamic configuration (PATCH /config on the primary). */
  readonly patchConfig: (change: Record<string, unknown>) => Promise<void>
  /** The PIDs of the walreceiver processes of the standbys (to stall replication with SIGSTOP). */
  readonly walReceivers: () => number[]
  /** How many times a Patroni process had exited on its own and was started again (test infrastructure, reported). */
  readonly patroniRestarts: () => number
  /** Stops everything by PID and removes the data; the logs stay in `dir` for a look after a failure. */
  readonly stop: () => void
}

const restGet = async (port: number, path: string): Promise<Record<string, unknown> | undefined> => {
  try {
    // generous: on a loaded 2-core machine Patroni's API can take a while to answer
    const r = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(5_000) })
    return (await r.json()) as Record<string, unknown>
  } catch {
    return undefined
  }
}

/** Starts 3 etcd members and 3 Patroni nodes; resolves when a primary takes writes and both standbys stream. */
export const startPatroniCluster = async (mode: ReplicationMode = 'synchronous'): Promise<PatroniCluster> => {
  const dir = mkdtempSync(join(tmpdir(), 'talent-ledger-ha-'))
  const user = serverUser()
  if (user !== undefined) chownSync(dir, user.uid, user.gid)
  const children: ChildProcess[] = []
  const patronis = new Map<string, ChildProcess>()
  const ports = async (n: number) => {
    const out: number[] = []
    while (out.length < n) {
      const p = await freePort()
      if (!out.includes(p)) out.push(p)
    }
    return out
  }
  const [c1, c2, c3, p1, p2, p3, g1, g2, g3, r1, r2, r3] = await ports(12)
  const etcdClient = [c1!, c2!, c3!]
  const etcdPeer = [p1!, p2!, p3!]
  const initialCluster = etcdPeer.map((p, i) => `e${i + 1}=http://127.0.0.1:${p}`).join(',')

  const stop = (): void => {
    for (const c of [...children, ...patronis.values()]) if (c.pid !== undefined && c.exitCode === null) {
      try {
        process.kill(c.pid, 'SIGKILL')
      } catch {
        // gone already
      }
    }
    for (const node of nodes) killServerProcesses(node)
    for (const entry of readdirSync(dir)) if (!entry.endsWith('.log')) rmSync(join(dir, entry), { recursive: true, force: true })
  }
  let patroniRestarts = 0
  const killed = new Set<string>()

  // etcd: three members, fast elections (loopback)
  for (let i = 0; i < 3; i++) {
    const log = openSync(join(dir, `etcd${i + 1}.log`), 'a')
    const child = spawn(
      'etcd',
      [
        '--name', `e${i + 1}`, '--data-dir', join(dir, `etcd${i + 1}`),
        '--listen-client-urls', `http://127.0.0.1:${etcdClient[i]}`, '--advertise-client-urls', `http://127.0.0.1:${etcdClient[i]}`,
        '--listen-peer-urls', `http://127.0.0.1:${etcdPeer[i]}`, '--initial-advertise-peer-urls', `http://127.0.0.1:${etcdPeer[i]}`,
        '--initial-cluster', initialCluster, '--initial-cluster-state', 'new', '--initial-cluster-token', `tl-ha-${process.pid}`,
        '--heartbeat-interval', '100', '--election-timeout', '1000', '--quota-backend-bytes', String(256 * 1024 * 1024),
      ],
      { stdio: ['ignore', log, log], env: { ...process.env, ETCD_UNSUPPORTED_ARCH: '' } },
    )
    children.push(child)
  }

  const nodes: PatroniNode[] = [g1!, g2!, g3!].map((pgPort, i) => ({
    name: `pg${i + 1}`,
    pgPort,
    restPort: [r1!, r2!, r3!][i]!,
    dataDir: join(dir, `pg${i + 1}`),
  }))
  const bin = pgBinDir()
  const configOf = (node: PatroniNode): string => `scope: tl-ha-${process.pid}
name: ${node.name}
log:
  level: WARNING
restapi:
  listen: 127.0.0.1:${node.restPort}
  connect_address: 127.0.0.1:${node.restPort}
etcd3:
  hosts: ${etcdClient.map((p) => `127.0.0.1:${p}`).join(',')}
bootstrap:
  dcs:
    ttl: 12
    loop_wait: 2
    retry_timeout: 5
    maximum_lag_on_failover: 1048576
    primary_start_timeout: 0
    synchronous_mode: ${mode === 'synchronous'}
    synchronous_mode_strict: ${mode === 'synchronous'}
    synchronous_node_count: 1
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_level: replica
        hot_standby: 'on'
        wal_log_hints: 'on'
        max_wal_senders: 10
        max_replication_slots: 10
        max_connections: 60
        shared_buffers: 16MB
        wal_retrieve_retry_interval: 500ms
        wal_keep_size: 64MB
  initdb:
    - encoding: UTF8
    - data-checksums
    - auth: trust
  pg_hba:
    - local all all trust
    - host replication all 127.0.0.1/32 trust
    - host all all 127.0.0.1/32 trust
postgresql:
  listen: 127.0.0.1:${node.pgPort}
  connect_address: 127.0.0.1:${node.pgPort}
  data_dir: ${node.dataDir}
  bin_dir: ${bin}
  pgpass: ${join(dir, `${node.name}.pgpass`)}
  authentication:
    replication:
      username: postgres
    superuser:
      username: postgres
    rewind:
      username: postgres
  parameters:
    unix_socket_directories: '${dir}'
    max_connections: 60
    shared_buffers: 16MB
    work_mem: 1MB
    maintenance_work_mem: 8MB
    max_worker_processes: 4
    autovacuum_max_workers: 1
`
  const startPatroni = (node: PatroniNode): void => {
    const config = join(dir, `${node.name}.yml`)
    writeFileSync(config, configOf(node))
    const log = openSync(join(dir, `${node.name}.log`), 'a')
    if (user !== undefined) chownSync(config, user.uid, user.gid)
    const child = spawn('patroni', [config], {
      stdio: ['ignore', log, log],
      cwd: dir,
      env: { ...process.env, HOME: dir, PGUSER: 'postgres' },
      ...(user === undefined ? {} : { uid: user.uid, gid: user.gid }),
    })
    patronis.set(node.name, child)
  }

  const postmasterPid = (node: PatroniNode): number | undefined => {
    try {
      return Number(readFileSync(join(node.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
    } catch {
      return undefined
    }
  }
  /** SIGKILLs the postmaster of `node` and its children (found through /proc: the servers' own processes only). */
  function killServerProcesses(node: PatroniNode): void {
    const pm = postmasterPid(node)
    if (pm === undefined || !Number.isInteger(pm) || pm <= 0) return
    for (const pid of [...childrenOf(pm), pm]) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // gone already
      }
    }
  }

  try {
    // etcd takes a moment to elect a leader; Patroni retries on its own, so just start it
    await sleep(1_000)
    for (const node of nodes) {
      startPatroni(node)
      // the first one bootstraps; the others clone from it (starting them together races for the lock harmlessly)
      await sleep(300)
    }
    const cluster: PatroniCluster = {
      dir,
      nodes,
      url: `postgres://postgres@${nodes.map((n) => `127.0.0.1:${n.pgPort}`).join(',')}/postgres?target_session_attrs=read-write`,
      nodeUrl: (node) => `postgres://postgres@127.0.0.1:${node.pgPort}/postgres`,
      primary: async (timeoutMs = 60_000) => {
        const deadline = Date.now() + timeoutMs
        for (;;) {
          for (const node of nodes) {
            const state = await restGet(node.restPort, '/patroni')
            if (state?.['role'] === 'master' || state?.['role'] === 'primary') {
              if (state['state'] === 'running') return node
            }
          }
          if (Date.now() > deadline) throw new Error(`no primary within ${timeoutMs} ms (logs in ${dir})`)
          await sleep(200)
        }
      },
      killPostmaster: (node) => {
        const pm = postmasterPid(node)
        if (pm === undefined) throw new Error(`${node.name} has no postmaster.pid`)
        process.kill(pm, 'SIGKILL')
        return pm
      },
      killServer: (node) => killServerProcesses(node),
      killNode: (node) => {
        killed.add(node.name)
        const child = patronis.get(node.name)
        if (child?.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL')
        killServerProcesses(node)
      },
      restartNode: (node) => {
        // a killed server leaves postmaster.pid behind; Patroni and pg_ctl see the PID is gone and start anew
        killed.delete(node.name)
        startPatroni(node)
      },
      healthy: async (timeoutMs = 90_000) => {
        const deadline = Date.now() + timeoutMs
        for (;;) {
          // a Patroni that exited by itself (not killed here) is started again, and counted
          for (const node of nodes) {
            const child = patronis.get(node.name)
            if (!killed.has(node.name) && child !== undefined && child.exitCode !== null) {
              patroniRestarts++
              startPatroni(node)
            }
          }
          const states = await Promise.all(nodes.map((n) => restGet(n.restPort, '/patroni')))
          const primaries = states.filter((s) => (s?.['role'] === 'master' || s?.['role'] === 'primary') && s['state'] === 'running')
          const streaming = states.filter((s) => s?.['role'] === 'replica' && s['state'] === 'running' && (s['replication_state'] === undefined || s['replication_state'] === 'streaming'))
          if (primaries.length === 1 && streaming.length === nodes.length - 1) {
            const cluster = await restGet(nodes[0]!.restPort, '/cluster')
            const members = (cluster?.['members'] as Array<Record<string, unknown>> | undefined) ?? []
            const sync = members.some((m) => m['role'] === 'sync_standby')
            if (mode === 'asynchronous' || sync) return
          }
          if (Date.now() > deadline) throw new Error(`cluster not healthy within ${timeoutMs} ms: ${JSON.stringify(states.map((s) => [s?.['role'], s?.['state'], s?.['replication_state']]))} (logs in ${dir})`)
          await sleep(300)
        }
      },
      patchConfig: async (change) => {
        const primary = await cluster.primary()
        const r = await fetch(`http://127.0.0.1:${primary.restPort}/config`, { method: 'PATCH', body: JSON.stringify(change), headers: { 'content-type': 'application/json' } })
        if (!r.ok) throw new Error(`PATCH /config: ${r.status} ${await r.text()}`)
      },
      walReceivers: () => {
        const out: number[] = []
        for (const node of nodes) {
          const pm = postmasterPid(node)
          if (pm === undefined) continue
          for (const pid of childrenOf(pm)) if (commandOf(pid).includes('walreceiver')) out.push(pid)
        }
        return out
      },
      patroniRestarts: () => patroniRestarts,
      stop,
    }
    await cluster.primary(120_000)
    await cluster.healthy(120_000)
    return cluster
  } catch (error) {
    stop()
    throw error
  }
}

/** The PIDs whose parent is `pid` (from /proc). */
export const childrenOf = (pid: number): number[] => {
  const out: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === pid) out.push(Number(entry))
    } catch {
      // gone
    }
  }
  return out
}

const commandOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
  } catch {
    return ''
  }
}

/** A query on a one-host URL (a fresh connection). */
export const queryOn = async <R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R[]> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 })
  client.on('error', () => undefined)
  await client.connect()
  try {
    return (await client.query<R>(text, values)).rows
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Creates `dir` owned by the server user (for a standalone server beside the cluster). */
export const serverDir = (dir: string): void => {
  mkdirSync(dir, { recursive: true })
  const user = serverUser()
  if (user !== undefined) chownSync(dir, user.uid, user.gid)
}

/** A standalone server with the nodes' settings (the single-server baseline), stopped by its PID. */
export const startStandalone = async (dir: string): Promise<{ readonly url: string; readonly stop: () => void }> => {
  serverDir(dir)
  const user = serverUser()
  const port = await freePort()
  const run = (tool: string, args: string[]) => {
    const r = spawnSync(join(pgBinDir(), tool), args, { encoding: 'utf8', ...(user === undefined ? {} : { uid: user.uid, gid: user.gid }) })
    if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr}${r.stdout}`)
  }
  const data = join(dir, 'data')
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--data-checksums', '-E', 'UTF8'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=16MB -c max_connections=60 -c wal_level=replica -c wal_log_hints=on -c work_mem=1MB -c max_worker_processes=4 -c autovacuum_max_workers=1`
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start'])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        const pm = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
        process.kill(pm, 'SIGQUIT')
      } catch {
        // gone already
      }
    },
  }
}
