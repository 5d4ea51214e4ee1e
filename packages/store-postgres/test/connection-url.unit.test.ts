// Connection URLs with libpq's meaning: hosts lists in the URL or as host=/port= parameters, IPv6
// hosts, default ports, target_session_attrs, and a clear message naming what is wrong otherwise.
// Each host's one-host URL for the driver keeps user, password, database and the other parameters.
import { describe, expect, it } from 'vitest'
import { describeTargets, hostUrl, needsHostSelection, parseConnectionUrl, type ConnectionTargets } from '../src/connection-url.js'
import { roleFits } from '../src/primary-resolver.js'

const targets = (url: string): ConnectionTargets => {
  const parsed = parseConnectionUrl(url)
  if (!parsed.ok) throw new Error(parsed.problem)
  return parsed.targets
}

const problem = (url: string): string => {
  const parsed = parseConnectionUrl(url)
  if (parsed.ok) throw new Error(`expected ${url} to be refused`)
  return parsed.problem
}

describe('a PostgreSQL connection URL', () => {
  it('takes a list of hosts, each with its port or the default', () => {
    const t = targets('postgres://app:s%40cret@db1:5433,db2,[::1]:6000/ledger?target_session_attrs=read-write&application_name=tl')
    expect(t.hosts).toEqual([
      { host: 'db1', port: 5433 },
      { host: 'db2', port: 5432 },
      { host: '::1', port: 6000 },
    ])
    expect(t).toMatchObject({ user: 'app', password: 's@cret', database: 'ledger', targetSessionAttrs: 'read-write' })
    expect(t.params).toEqual([['application_name', 'tl']])
    expect(needsHostSelection(t)).toBe(true)
    expect(describeTargets(t)).toBe('db1:5433,db2:5432,[::1]:6000/ledger')
  })

  it('gives the driver one URL per host with the same user, password, database and parameters', () => {
    const t = targets('postgresql://app:p%2Fw@a:1,[::1]:2/my%20db?sslmode=disable&target_session_attrs=primary')
    expect(t.hosts.map((h) => hostUrl(t, h))).toEqual(['postgres://app:p%2Fw@a:1/my%20db?sslmode=disable', 'postgres://app:p%2Fw@[::1]:2/my%20db?sslmode=disable'])
    expect(new URL(hostUrl(t, t.hosts[1]!)).hostname).toBe('[::1]')
  })

  it('takes hosts and ports as libpq parameters: one port for all, or one per host', () => {
    expect(targets('postgres:///ledger?host=a,b&port=7000').hosts).toEqual([
      { host: 'a', port: 7000 },
      { host: 'b', port: 7000 },
    ])
    expect(targets('postgres:///ledger?host=a,b&port=7000,7001').hosts).toEqual([
      { host: 'a', port: 7000 },
      { host: 'b', port: 7001 },
    ])
    expect(problem('postgres:///ledger?host=a,b,c&port=1,2')).toBe('port= lists 2 ports for 3 hosts: give one port, or one for every host')
  })

  it('keeps a one-host URL without a session requirement for the driver as it is', () => {
    const t = targets('postgres://postgres@127.0.0.1:5432/test')
    expect(needsHostSelection(t)).toBe(false)
    expect(t).toMatchObject({ hosts: [{ host: '127.0.0.1', port: 5432 }], targetSessionAttrs: 'any' })
    expect(targets('postgres://localhost/test?target_session_attrs=read-write').targetSessionAttrs).toBe('read-write')
    expect(needsHostSelection(targets('postgres://localhost/test?target_session_attrs=read-write'))).toBe(true)
  })

  it('names what is wrong with a URL it cannot use', () => {
    expect(problem('postgres://a,b/db?target_session_attrs=writable')).toBe(
      'target_session_attrs: expected one of any, read-write, read-only, primary, standby, prefer-standby, not "writable"',
    )
    expect(problem('postgres://a:5432,b:99999/db')).toBe('port "99999" of host "b" is not a port number (1–65535)')
    expect(problem('postgres://a:x/db')).toBe('port "x" of host "a" is not a port number (1–65535)')
    expect(problem('postgres://a/db?connect_timeout=soon')).toBe('connect_timeout: expected a whole number of seconds, not "soon"')
    expect(problem('postgres://a,b/db?host=c')).toBe('hosts given twice: in the URL and as host=')
    expect(problem('mysql://a/db')).toBe('a PostgreSQL URL starts with postgres:// or postgresql://')
    expect(problem('postgres://a/db/x')).toBe('database name "db/x" contains "/"')
    expect(targets('postgres://a/db?connect_timeout=3').connectTimeoutS).toBe(3)
  })
})

describe('target_session_attrs', () => {
  const primary = { inRecovery: false, readOnly: false }
  const standby = { inRecovery: true, readOnly: true }
  const readOnlyPrimary = { inRecovery: false, readOnly: true }
  it('keeps the server of the role asked for, as libpq does', () => {
    expect([primary, standby, readOnlyPrimary].map((r) => roleFits('read-write', r))).toEqual([true, false, false])
    expect([primary, standby, readOnlyPrimary].map((r) => roleFits('primary', r))).toEqual([true, false, true])
    expect([primary, standby, readOnlyPrimary].map((r) => roleFits('read-only', r))).toEqual([false, true, true])
    expect([primary, standby, readOnlyPrimary].map((r) => roleFits('standby', r))).toEqual([false, true, false])
    expect([primary, standby, readOnlyPrimary].map((r) => roleFits('any', r))).toEqual([true, true, true])
  })
})
