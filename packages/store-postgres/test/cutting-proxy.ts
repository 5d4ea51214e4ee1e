// A TCP proxy in front of the test server that can break its connections at chosen moments: all
// of them at once (a server that died), or the one that sends a statement whose bytes hold a
// marker — before the statement reaches the server (nothing committed) or after the server's
// answer is complete, ReadyForQuery included, but before the client reads it (committed, answer
// lost: an in-doubt commit). A closed proxy refuses connections, as a dead host does.
import { connect, createServer, type Server, type Socket } from 'node:net'

/** When to break the connection carrying a marked statement. */
export type Cut = 'before-send' | 'after-commit'

/** A proxy and its switches. */
export interface CuttingProxy {
  readonly port: number
  /** Breaks the next connection that sends `marker`, at the moment `when`; with `thenGone`, stops listening then too. */
  readonly arm: (marker: string, when: Cut, thenGone?: boolean) => void
  /** How many connections it broke on an armed marker. */
  readonly cuts: () => number
  /** Breaks every open connection (the server died); new ones still pass. */
  readonly breakAll: () => void
  /** Breaks every connection and stops listening: the host is gone. */
  readonly close: () => Promise<void>
}

// ReadyForQuery: 'Z', length 5, then the status byte — the server's last word on a statement
const READY = Buffer.from([0x5a, 0, 0, 0, 5])

/** Starts a proxy on a free loopback port to `target`. */
export const startCuttingProxy = async (target: { readonly host: string; readonly port: number }): Promise<CuttingProxy> => {
  const open = new Set<Socket>()
  let armed: { marker: Buffer; when: Cut; thenGone: boolean } | null = null
  let cuts = 0
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host)
    open.add(client).add(upstream)
    let cutAfterReply = false
    let gone = false
    const cut = (): void => {
      client.destroy()
      upstream.destroy()
      if (gone) server.close()
    }
    client.on('data', (chunk: Buffer) => {
      if (armed !== null && chunk.includes(armed.marker)) {
        const { when, thenGone } = armed
        gone = thenGone
        armed = null
        cuts++
        if (when === 'before-send') return cut()
        cutAfterReply = true
      }
      upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => {
      if (cutAfterReply && chunk.includes(READY)) return cut()
      client.write(chunk)
    })
    for (const s of [client, upstream]) {
      s.on('error', cut)
      s.on('close', () => {
        open.delete(s)
        cut()
      })
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const breakAll = (): void => {
    for (const s of open) s.destroy()
  }
  return {
    port: (server.address() as { port: number }).port,
    arm: (marker, when, thenGone = false) => void (armed = { marker: Buffer.from(marker), when, thenGone }),
    cuts: () => cuts,
    breakAll,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        breakAll()
      }),
  }
}
