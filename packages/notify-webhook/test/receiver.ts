/**
 * A real webhook receiver for the tests: a `node:http` server on an ephemeral port that checks every
 * delivery with our `verifyWebhook` and, independently, with the `standardwebhooks` package, records
 * what arrived, and answers as the test's `answer` says (status, headers, delay). It can be taken
 * down and brought back on the same port to play a receiver that was away.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as E from 'fp-ts/lib/Either.js'
import { Webhook } from 'standardwebhooks'
import { decodeWebhookBody, verifyWebhook } from '../src/index.js'

/** One delivery as the receiver saw it. */
export interface Arrival {
  readonly id: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
  /** Our verifier and standardwebhooks, each with each secret of the receiver. */
  readonly oursOk: boolean
  readonly standardOk: boolean
  readonly bodyOk: boolean
  /** The status the receiver answered (2xx = it accepted the notice). */
  readonly status: number
}

/** How to answer the n-th request (0-based) overall. */
export type Answer = (n: number, id: string) => { readonly status: number; readonly headers?: Record<string, string>; readonly delayMs?: number }

const standardVerifies = (secret: string, body: string, headers: IncomingHttpHeaders): boolean => {
  try {
    new Webhook(secret).verify(body, {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    })
    return true
  } catch {
    return false
  }
}

/** Starts a receiver holding `secrets` (each must verify on its own). */
export const startReceiver = async (secrets: ReadonlyArray<string>, answer: Answer = () => ({ status: 204 })) => {
  const arrivals: Arrival[] = []
  let requests = 0
  let current: Answer = answer
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const id = String(req.headers['webhook-id'])
      const a = current(requests++, id)
      arrivals.push({
        status: a.status,
        id,
        headers: req.headers,
        body,
        oursOk: secrets.every((s) => E.isRight(verifyWebhook(req.headers, body, [s]))),
        standardOk: secrets.every((s) => standardVerifies(s, body, req.headers)),
        bodyOk: E.isRight(decodeWebhookBody(body)),
      })
      const reply = (): void => void res.writeHead(a.status, a.headers).end()
      if (a.delayMs === undefined) reply()
      else setTimeout(reply, a.delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    arrivals,
    /** Keys of the deliveries it accepted (answered 2xx), in arrival order. */
    accepted: () => arrivals.filter((a) => a.status >= 200 && a.status < 300).map((a) => a.id),
    requests: () => requests,
    setAnswer: (a: Answer) => void (current = a),
    /** Stops listening and drops open connections (the receiver is away). */
    down: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
    /** Listens again on the same port. */
    up: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: async () => {
      server.closeAllConnections()
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** A receiver as `startReceiver` returns it. */
export type Receiver = Awaited<ReturnType<typeof startReceiver>>
