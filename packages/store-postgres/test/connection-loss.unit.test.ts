// Which errors mean "the server was lost, try again on the next primary" and which are the request's
// own; the retry helpers repeat only the former, and an append still in doubt when the budget runs
// out is reported as unknown (PostgresInDoubtError), never as the last connection error.
import { describe, expect, it } from 'vitest'
import { isConnectionLoss, retryingPort, retryOnConnectionLoss, WRONG_ROLE } from '../src/connection-loss.js'
import { PostgresInDoubtError } from '../src/errors.js'
import { appendResolvingDoubt } from '../src/in-doubt.js'

const coded = (code: string, message = code): Error => Object.assign(new Error(message), { code })

describe('a connection loss', () => {
  it('is a broken socket, a server going away or a server of the wrong role', () => {
    for (const e of [
      coded('ECONNREFUSED'), coded('ECONNRESET'), coded('EPIPE'), coded(WRONG_ROLE),
      coded('57P01', 'terminating connection due to administrator command'), coded('57P03', 'the database system is starting up'),
      coded('08006'),
      new Error('Connection terminated unexpectedly'), Object.assign(new Error('no server fits'), { transient: true }),
      new AggregateError([coded('ECONNREFUSED'), coded('ETIMEDOUT')]),
    ]) expect(isConnectionLoss(e), String(e)).toBe(true)
  })

  it('is not a refusal of the request itself', () => {
    for (const e of [
      coded('23505', 'duplicate key'), coded('28P01', 'password authentication failed'), coded('3D000', 'database does not exist'),
      coded('42P01', 'relation does not exist'), coded('25006', 'cannot execute INSERT in a read-only transaction'), new Error('boom'), Object.assign(new Error('no server fits'), { transient: false }),
      new AggregateError([coded('ECONNREFUSED'), coded('28P01')]),
    ]) expect(isConnectionLoss(e), String(e)).toBe(false)
  })
})

describe('retrying after a connection loss', () => {
  it('repeats the work until it succeeds, and rethrows any other error at once', async () => {
    let calls = 0
    expect(await retryOnConnectionLoss(async () => (++calls < 3 ? Promise.reject(coded('ECONNRESET')) : 'done'), 5_000)).toBe('done')
    expect(calls).toBe(3)
    calls = 0
    await expect(retryOnConnectionLoss(async () => (++calls, Promise.reject(coded('23505'))), 5_000)).rejects.toThrow('23505')
    expect(calls).toBe(1)
  })

  it('gives up with the last loss once the budget is spent (a budget of 0 tries once)', async () => {
    let calls = 0
    await expect(retryOnConnectionLoss(async () => (++calls, Promise.reject(coded('ECONNREFUSED'))), 0)).rejects.toThrow('ECONNREFUSED')
    expect(calls).toBe(1)
  })

  it('wraps every method of a port', async () => {
    let fails = 1
    const port = { name: 'outbox', claim: async (n: number) => (fails-- > 0 ? Promise.reject(coded('57P01')) : [n]) }
    const retried = retryingPort(port, 5_000)
    expect(await retried.claim(7)).toEqual([7])
    expect(retried.name).toBe('outbox')
  })
})

describe('an append in doubt', () => {
  it('runs again after a loss, forgetting first, and tells how the doubt was settled', async () => {
    const steps: string[] = []
    let attempt = 0
    const settled: string[] = []
    const result = await appendResolvingDoubt(
      'talent-1',
      async () => {
        steps.push(`attempt ${++attempt}`)
        if (attempt === 1) throw new Error('Connection terminated unexpectedly')
        return 'original result'
      },
      () => steps.push('forget head'),
      5_000,
      (v) => settled.push(v),
    )
    expect(result).toBe('original result')
    expect(steps).toEqual(['attempt 1', 'forget head', 'attempt 2'])
    expect(settled).toEqual(['original result'])
  })

  it('is reported as unknown when no server takes the retry in time', async () => {
    const errors = [new Error('Connection terminated unexpectedly'), coded('ECONNREFUSED')]
    const attempt = appendResolvingDoubt('talent-2', () => Promise.reject(errors.shift() ?? coded('ECONNREFUSED')), () => undefined, 0)
    await expect(attempt).rejects.toBeInstanceOf(PostgresInDoubtError)
    await expect(attempt).rejects.toThrow('the append to talent-2 may or may not be stored')
  })

  it('is no doubt when no attempt reached a server: the connection error is reported as it is', async () => {
    const settled: unknown[] = []
    const attempt = appendResolvingDoubt('talent-4', () => Promise.reject(coded('ECONNREFUSED')), () => undefined, 0, (v) => settled.push(v))
    await expect(attempt).rejects.toThrow('ECONNREFUSED')
    await expect(attempt).rejects.not.toBeInstanceOf(PostgresInDoubtError)
    let calls = 0
    expect(await appendResolvingDoubt('talent-5', async () => (++calls === 1 ? Promise.reject(coded('ECONNREFUSED')) : 'stored'), () => undefined, 5_000, (v) => settled.push(v))).toBe('stored')
    expect(settled).toEqual([])
  })

  it('passes a refusal through untouched', async () => {
    await expect(appendResolvingDoubt('talent-3', () => Promise.reject(coded('23505', 'duplicate key')), () => undefined, 5_000)).rejects.toThrow('duplicate key')
  })
})
