/**
 * Which server of a hosts list a store talks to, with libpq's `target_session_attrs` meaning: the
 * hosts are tried in the order given and the first whose role fits is kept (for `prefer-standby`, a
 * standby first, else any). The choice is remembered until a connection to it fails or finds it in
 * the wrong role (after a failover the old primary is down, or back as a standby); the next
 * connection then asks every host again, so the pool, the notify connection and the LISTEN
 * connection all follow the new primary. A probe is a short connection of its own; concurrent
 * connections share one round of probes.
 */
import pg from 'pg'
import { describeTargets, hostUrl, type ConnectionTargets, type HostPort, type TargetSessionAttrs } from './connection-url.js'
import { describeConnectFailure, PostgresUnreachableError } from './errors.js'
import { isConnectionLoss } from './connection-loss.js'

/** What a server is: a standby (in recovery) or not, and whether it takes writes. */
export interface ServerRole {
  readonly inRecovery: boolean
  readonly readOnly: boolean
}

/** One query that tells the role of the server a connection reached. */
export const ROLE_SQL = `SELECT pg_is_in_recovery() AS in_recovery, current_setting('transaction_read_only') = 'on' AS read_only`

/** Reads the role of the server `client` is connected to. */
export const readRole = async (client: pg.ClientBase): Promise<ServerRole> => {
  const row = (await client.query<{ in_recovery: boolean; read_only: boolean }>(ROLE_SQL)).rows[0]!
  return { inRecovery: row.in_recovery, readOnly: row.read_only }
}

/** Whether a server of `role` fits `attrs` (for `prefer-standby`: any server fits, a standby is only preferred). */
export const roleFits = (attrs: TargetSessionAttrs, role: ServerRole): boolean => {
  switch (attrs) {
    case 'read-write':
      return !role.readOnly
    case 'read-only':
      return role.readOnly
    case 'primary':
      return !role.inRecovery
    case 'standby':
      return role.inRecovery
    case 'any':
    case 'prefer-standby':
      return true
  }
}

const WANTS: Record<TargetSessionAttrs, string> = {
  any: 'any server',
  'read-write': 'a server that takes writes',
  'read-only': 'a read-only server',
  primary: 'a primary',
  standby: 'a standby',
  'prefer-standby': 'a standby, else any server',
}

/** No server of the list fits now; `transient` when every host was only down or of the wrong role (a failover may fix it). */
export class NoSuitableServerError extends PostgresUnreachableError {
  constructor(
    server: string,
    problem: string,
    readonly transient: boolean,
    options?: { readonly cause?: unknown },
  ) {
    super(server, problem, options)
    this.name = 'NoSuitableServerError'
  }
}

/** The server choice of one hosts list, shared by every connection made from it. */
export interface PrimaryResolver {
  readonly targets: ConnectionTargets
  /** The server to connect to now: the remembered one, or the first that fits after probing each in turn. */
  readonly current: () => Promise<HostPort>
  /** Forgets `host` if it is the remembered one (a connection to it failed or found it in the wrong role). */
  readonly forget: (host: HostPort) => void
  /** Whether connections must check the role of the server they reach. */
  readonly checksRole: boolean
  readonly fits: (role: ServerRole) => boolean
}

/** A resolver over `targets`; each probe gives up on a host after `probeTimeoutMs`. */
export const createPrimaryResolver = (targets: ConnectionTargets, probeTimeoutMs: number): PrimaryResolver => {
  const attrs = targets.targetSessionAttrs
  let chosen: HostPort | undefined
  let probing: Promise<HostPort> | undefined

  const probe = async (host: HostPort): Promise<ServerRole> => {
    const client = new pg.Client({ connectionString: hostUrl(targets, host), connectionTimeoutMillis: probeTimeoutMs })
    client.on('error', () => undefined)
    try {
      await client.connect()
      return await readRole(client)
    } finally {
      await client.end().catch(() => undefined)
    }
  }

  const probeAll = async (): Promise<HostPort> => {
    const problems: string[] = []
    let transient = true
    const roles = new Map<HostPort, ServerRole>()
    for (const host of targets.hosts) {
      try {
        const role = await probe(host)
        roles.set(host, role)
        if (attrs === 'prefer-standby' ? role.inRecovery : roleFits(attrs, role)) return host
        problems.push(`${host.host}:${host.port} is ${role.inRecovery ? 'a standby' : role.readOnly ? 'read-only' : 'a primary'}`)
      } catch (error) {
        if (!isConnectionLoss(error)) transient = false
        problems.push(`${host.host}:${host.port}: ${describeConnectFailure(error)}`)
      }
    }
    // prefer-standby: no standby answered, so the first server that answered at all
    if (attrs === 'prefer-standby') for (const host of targets.hosts) if (roles.has(host)) return host
    throw new NoSuitableServerError(describeTargets(targets), `no server fits target_session_attrs=${attrs} (${WANTS[attrs]}): ${problems.join('; ')}`, transient)
  }

  return {
    targets,
    current: async () => {
      if (chosen !== undefined) return chosen
      probing ??= probeAll().then(
        (host) => {
          probing = undefined
          chosen = host
          return host
        },
        (error: unknown) => {
          probing = undefined
          throw error
        },
      )
      return probing
    },
    forget: (host) => {
      if (chosen === host) chosen = undefined
    },
    checksRole: attrs !== 'any',
    fits: (role) => (attrs === 'prefer-standby' ? true : roleFits(attrs, role)),
  }
}
