/**
 * A PostgreSQL connection URL with libpq's meaning, hosts lists included:
 * `postgres://user:pw@h1:p1,h2:p2,[::1]:p3/db?target_session_attrs=read-write&…`. The `pg` driver
 * takes one host only (a list is "Invalid URL"), so the list is parsed here and each host gets a
 * one-host URL of its own for the driver, with the same user, password, database and parameters.
 * Hosts and ports may also come as `host=` / `port=` parameters (comma lists), as in libpq; a port
 * list has one entry for every host, or one for all. `target_session_attrs` says which server of
 * the list a connection keeps (libpq: the first, in order, that fits); the parameters this module
 * reads are decoded with io-ts and a bad one is named in the error.
 */
import * as t from 'io-ts'

/** libpq's `target_session_attrs`: which server of a list a session keeps. */
export const TargetSessionAttrs = t.keyof({
  any: null,
  'read-write': null,
  'read-only': null,
  primary: null,
  standby: null,
  'prefer-standby': null,
})
/** One of libpq's `target_session_attrs` values. */
export type TargetSessionAttrs = t.TypeOf<typeof TargetSessionAttrs>

/** One server of a list. */
export interface HostPort {
  readonly host: string
  readonly port: number
}

/** A parsed connection URL: the servers in the order given, what a session needs, and the rest for the driver. */
export interface ConnectionTargets {
  readonly hosts: ReadonlyArray<HostPort>
  readonly targetSessionAttrs: TargetSessionAttrs
  /** `connect_timeout` in seconds, when given (libpq's per-host connection timeout). */
  readonly connectTimeoutS: number | undefined
  readonly user: string | undefined
  readonly password: string | undefined
  readonly database: string | undefined
  /** The other query parameters, passed to the driver with every host unchanged. */
  readonly params: ReadonlyArray<readonly [string, string]>
}

/** The outcome of parsing: the targets, or what is wrong with the URL. */
export type ParsedConnectionUrl = { readonly ok: true; readonly targets: ConnectionTargets } | { readonly ok: false; readonly problem: string }

const Port = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 1 && n <= 65_535, 'Port')

/** The parameters read here (everything else goes to the driver as it is). */
const OurParams = t.partial({
  target_session_attrs: TargetSessionAttrs,
  connect_timeout: t.refinement(t.string, (s) => /^\d+$/.test(s), 'Seconds'),
})

const fail = (problem: string): ParsedConnectionUrl => ({ ok: false, problem })

const decoded = (s: string, what: string): string => {
  try {
    return decodeURIComponent(s)
  } catch {
    throw new SyntaxError(`${what} ${JSON.stringify(s)} is not valid percent-encoding`)
  }
}

/** Splits `h1:p1,[::1]:p2,h3` into hosts and their ports (undefined when a host has none). */
const splitHostList = (list: string): Array<{ host: string; port: string | undefined }> =>
  list.split(',').map((item) => {
    const v6 = /^\[([^\]]*)\](?::(.*))?$/.exec(item)
    if (v6 !== null) return { host: v6[1]!, port: v6[2] }
    const colon = item.lastIndexOf(':')
    return colon < 0 ? { host: decoded(item, 'host'), port: undefined } : { host: decoded(item.slice(0, colon), 'host'), port: item.slice(colon + 1) }
  })

const toPort = (s: string | undefined, host: string): number | string => {
  if (s === undefined || s === '') return 5432
  const n = /^\d+$/.test(s) ? Number(s) : Number.NaN
  return Port.is(n) ? n : `port ${JSON.stringify(s)} of host ${JSON.stringify(host)} is not a port number (1–65535)`
}

/** Parses a `postgres://` or `postgresql://` URL with libpq's meaning; never throws. */
export const parseConnectionUrl = (url: string): ParsedConnectionUrl => {
  try {
    return parse(url)
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }
}

const parse = (url: string): ParsedConnectionUrl => {
  const scheme = /^postgres(?:ql)?:\/\//.exec(url)
  if (scheme === null) return fail('a PostgreSQL URL starts with postgres:// or postgresql://')
  const rest = url.slice(scheme[0].length)
  const hashAt = rest.indexOf('#')
  const body = hashAt < 0 ? rest : rest.slice(0, hashAt)
  const queryAt = body.indexOf('?')
  const beforeQuery = queryAt < 0 ? body : body.slice(0, queryAt)
  const query = new URLSearchParams(queryAt < 0 ? '' : body.slice(queryAt + 1))
  const slash = beforeQuery.indexOf('/')
  const authority = slash < 0 ? beforeQuery : beforeQuery.slice(0, slash)
  const path = slash < 0 ? '' : beforeQuery.slice(slash + 1)
  const at = authority.lastIndexOf('@')
  const userinfo = at < 0 ? undefined : authority.slice(0, at)
  const hostList = at < 0 ? authority : authority.slice(at + 1)
  const colon = userinfo?.indexOf(':') ?? -1
  const user = userinfo === undefined ? undefined : decoded(colon < 0 ? userinfo : userinfo.slice(0, colon), 'user')
  const password = userinfo === undefined || colon < 0 ? undefined : decoded(userinfo.slice(colon + 1), 'password')
  if (path.includes('/')) return fail(`database name ${JSON.stringify(path)} contains "/"`)
  const database = path === '' ? (query.get('dbname') ?? undefined) : decoded(path, 'database name')

  // hosts in the URL, or as libpq's host= and port= parameters (comma lists)
  if (hostList !== '' && query.has('host')) return fail('hosts given twice: in the URL and as host=')
  const listed = hostList !== '' ? splitHostList(hostList) : (query.get('host') ?? '').split(',').map((host) => ({ host, port: undefined as string | undefined }))
  const portParam = query.get('port')
  if (portParam !== null) {
    if (listed.some((h) => h.port !== undefined)) return fail('ports given twice: in the URL and as port=')
    const ports = portParam.split(',')
    if (ports.length !== 1 && ports.length !== listed.length) return fail(`port= lists ${ports.length} ports for ${listed.length} hosts: give one port, or one for every host`)
    listed.forEach((h, i) => (h.port = ports.length === 1 ? ports[0] : ports[i]))
  }
  const hosts: HostPort[] = []
  for (const { host, port } of listed) {
    const p = toPort(port, host)
    if (typeof p === 'string') return fail(p)
    hosts.push({ host: host === '' ? 'localhost' : host, port: p })
  }

  const ours = OurParams.decode(Object.fromEntries(['target_session_attrs', 'connect_timeout'].flatMap((k) => (query.has(k) ? [[k, query.get(k)]] : []))))
  if (ours._tag === 'Left') {
    const [first] = ours.left
    const key = first?.context[1]?.key ?? 'a parameter'
    const expected = key === 'target_session_attrs' ? `one of ${Object.keys(TargetSessionAttrs.keys).join(', ')}` : 'a whole number of seconds'
    return fail(`${key}: expected ${expected}, not ${JSON.stringify(first?.value)}`)
  }
  const params = [...query].filter(([k]) => !['host', 'port', 'dbname', 'target_session_attrs'].includes(k))
  return {
    ok: true,
    targets: {
      hosts,
      targetSessionAttrs: ours.right.target_session_attrs ?? 'any',
      connectTimeoutS: ours.right.connect_timeout === undefined ? undefined : Number(ours.right.connect_timeout),
      user,
      password,
      database,
      params,
    },
  }
}

/** Whether the driver cannot take the URL as it is: several hosts, or a session requirement. */
export const needsHostSelection = (targets: ConnectionTargets): boolean => targets.hosts.length > 1 || targets.targetSessionAttrs !== 'any'

const hostText = ({ host, port }: HostPort): string => `${host.includes(':') ? `[${host}]` : host.startsWith('/') ? encodeURIComponent(host) : host}:${port}`

/** The one-host URL the driver gets for `host` (same user, password, database and parameters). */
export const hostUrl = (targets: ConnectionTargets, host: HostPort): string => {
  const { user, password, database, params } = targets
  const auth = user === undefined ? '' : `${encodeURIComponent(user)}${password === undefined ? '' : `:${encodeURIComponent(password)}`}@`
  const query = new URLSearchParams(params as Array<[string, string]>).toString()
  return `postgres://${auth}${hostText(host)}/${encodeURIComponent(database ?? '')}${query === '' ? '' : `?${query}`}`
}

/** `h1:p1,h2:p2/db`: the servers for messages, never the password. */
export const describeTargets = (targets: ConnectionTargets): string =>
  `${targets.hosts.map(hostText).join(',')}/${targets.database ?? targets.user ?? 'postgres'}`
