/**
 * Local receivers for the relay benchmark: an HTTP server answering 204 and an SMTP server accepting
 * every message, each on an ephemeral loopback port, counting what arrived. (NATS is the server at
 * 127.0.0.1:4222.)
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** A running local receiver. */
export interface Receiver {
  readonly port: number
  readonly received: () => number
  readonly close: () => Promise<void>
}

/** An HTTP receiver that reads each body and answers 204. */
export const httpReceiver = async (): Promise<Receiver> => {
  let received = 0
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      received++
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    received: () => received,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** An SMTP receiver (no TLS, no auth) that reads each message and accepts it. */
export const smtpReceiver = async (): Promise<Receiver> => {
  let received = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 100,
    onData: (stream, _session, callback) => {
      stream.resume()
      stream.on('end', () => {
        received++
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return {
    port: (server.server.address() as AddressInfo).port,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
