/**
 * A real SMTP server for the tests (smtp-server on an ephemeral port): every message is parsed with
 * mailparser and kept, and the test decides how each DATA is answered (accept, 451 temporary,
 * 554 permanent, slowly). It can go away and come back on the same port.
 */
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import type { AddressInfo } from 'node:net'

/** A message as it arrived, parsed. */
export interface Arrival {
  readonly mail: ParsedMail
  readonly raw: string
  readonly rcptTo: ReadonlyArray<string>
  /** The SMTP code the server answered with (250 = accepted). */
  readonly code: number
  readonly key: string
}

/** How to answer the n-th DATA (0-based) overall. */
export type Answer = (n: number) => { readonly code?: number; readonly delayMs?: number }

/** Starts a receiver; `refuse` lists mailboxes refused at RCPT TO with 550. */
export const startSmtpReceiver = async (answer: Answer = () => ({}), refuse: ReadonlyArray<string> = []) => {
  const arrivals: Arrival[] = []
  let current = answer
  let messages = 0
  let port = 0
  const make = (): SMTPServer =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      closeTimeout: 100,
      logger: false,
      disableReverseLookup: true,
      onRcptTo: (address, _session, callback) => {
        if (!refuse.includes(address.address)) return callback()
        callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }))
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8')
          const a = current(messages++)
          const code = a.code ?? 250
          void simpleParser(raw).then((mail) => {
            const key = String(mail.headers.get('x-idempotency-key') ?? '')
            arrivals.push({ mail, raw, rcptTo: session.envelope.rcptTo.map((r) => r.address), code, key })
            const reply = (): void =>
              code === 250 ? callback() : callback(Object.assign(new Error(code < 500 ? '4.3.0 try again later' : '5.7.1 refused'), { responseCode: code }))
            if (a.delayMs === undefined) reply()
            else setTimeout(reply, a.delayMs)
          })
        })
      },
    })
  let server = make()
  const listen = (): Promise<void> => new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
  await listen()
  port = (server.server.address() as AddressInfo).port
  const close = (): Promise<void> => new Promise((resolve) => (server.server.listening ? server.close(() => resolve()) : resolve()))
  return {
    port,
    arrivals,
    messages: () => messages,
    setAnswer: (a: Answer) => void (current = a),
    /** Keys of the messages it accepted (250), in arrival order. */
    accepted: () => arrivals.filter((a) => a.code === 250).map((a) => a.key),
    down: close,
    up: async () => {
      server = make()
      await listen()
    },
    close,
  }
}

/** A receiver as `startSmtpReceiver` returns it. */
export type SmtpReceiver = Awaited<ReturnType<typeof startSmtpReceiver>>
