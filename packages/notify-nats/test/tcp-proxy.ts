/**
 * A TCP proxy in front of the NATS server for the fault tests: while it is down the channel's server
 * is unreachable (connection refused, as with a wrong port); brought up on the same port it forwards
 * again; with a latency it holds every chunk for a while (a slow server, to kill a relay mid-publish).
 */
import { createServer, connect, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

/** Starts a proxy to `target` (host, port) on an ephemeral local port. */
export const startProxy = async (targetPort: number, targetHost = '127.0.0.1') => {
  let latencyMs = 0
  const sockets = new Set<Socket>()
  const relay = (from: Socket, to: Socket): void => {
    from.on('data', (chunk: Buffer) => {
      if (latencyMs === 0) to.write(chunk)
      else setTimeout(() => to.writable && to.write(chunk), latencyMs)
    })
  }
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, targetHost)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => undefined)
    }
    relay(client, upstream)
    relay(upstream, client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const down = async (): Promise<void> => {
    for (const s of sockets) s.destroy()
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    setLatency: (ms: number) => void (latencyMs = ms),
    down,
    up: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: down,
  }
}
