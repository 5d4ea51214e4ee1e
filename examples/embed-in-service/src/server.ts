/**
 * A small HTTP service that embeds talent-ledger on one SQLite file: commands go in as JSON (the
 * same `{ type, actor, data }` shape as a CLI command line), talent profiles come out, optionally
 * as of a business date or a record time. The ledger does all deciding; this file only translates
 * between HTTP and the ledger's plain-JSON results.
 *
 * NOT FOR DEPLOYMENT AS IS: the command's `actor` is taken from the request body, so any caller
 * can claim to be the HR bureau. A real service must derive the actor from authentication (a
 * verified token or client certificate) and overwrite whatever the body says — see `commandFrom`.
 */
import { fastify, type FastifyInstance } from 'fastify'
import { createTalentLedger } from '@talent-ledger/core'
import { systemClock } from '@talent-ledger/node'
import { createSqliteEventStore, createSqliteKeyStore } from '@talent-ledger/store-sqlite'
import { refusal, statusOf } from './http-status.js'
import { acceptJsonBodies } from './json-body.js'
import { readOptions, type RawQuery } from './read-options.js'

/** Options of `buildServer`. */
export interface ServerOptions {
  /** The SQLite store file (created when missing). */
  readonly path: string
  /** Log requests with Fastify's logger (pino) — off by default, so tests stay quiet. */
  readonly logger?: boolean
}

/**
 * The command to run, with its actor. This example trusts the `actor` in the body (see the header
 * comment); a real service sets it from the authenticated principal before exposing this to anyone.
 */
const commandFrom = (body: unknown): unknown => body

/** Builds the service on the store at `path`; the store is closed when the server closes. */
export const buildServer = (options: ServerOptions): FastifyInstance => {
  const store = createSqliteEventStore({ path: options.path })
  // keys for crypto-shredding live in the same file, so one file is the whole ledger
  const ledger = createTalentLedger({ store, keys: createSqliteKeyStore(store.database), clock: systemClock })
  const app = fastify({ logger: options.logger ?? false })
  app.addHook('onClose', async () => store.close())
  acceptJsonBodies(app)

  app.get('/health', async () => ({ ok: true }))

  // One command per request. The ledger decodes the body itself (a wrong shape is `Malformed`) and
  // never throws for a refusal, so only infrastructure failures reach the error handler as 500s.
  app.post('/commands', async (request, reply) => {
    const result = await ledger.execute(commandFrom(request.body))
    return result.ok ? reply.code(200).send(result) : reply.code(statusOf(result.error.code)).send(result)
  })

  app.get<{ Params: { id: string } }>('/talents/:id', async (request, reply) => {
    const read = readOptions(request.query as RawQuery)
    if (!read.ok) return reply.code(400).send(read)
    const profile = await ledger.profile(request.params.id, read.at)
    if (profile === null) return reply.code(404).send(refusal('NotFound', `talent ${request.params.id} is not registered`))
    return reply.code(200).send(profile)
  })

  return app
}
