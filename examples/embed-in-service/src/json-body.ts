/**
 * The request body is a trust boundary: whatever arrives is parsed as JSON text here (whatever the
 * Content-Type says), and text that is not JSON becomes the same `Malformed` refusal the ledger
 * gives for a JSON command of the wrong shape — so a client has one error format to handle.
 */
import type { FastifyError, FastifyInstance } from 'fastify'
import { malformed } from './http-status.js'

/** Marks a body-parse failure so the error handler can answer it as a `Malformed` refusal. */
const BODY_NOT_JSON = 'BODY_NOT_JSON'

/** Replaces Fastify's body parsers with one strict JSON parser and answers its failures as refusals. */
export const acceptJsonBodies = (app: FastifyInstance): void => {
  app.removeAllContentTypeParsers()
  // secure-json-parse (Fastify's default) would also strip __proto__ keys; the ledger decodes the
  // command with exact codecs and never merges it into an object, so plain JSON.parse is enough
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string))
    } catch (e) {
      const error = new Error(`request body is not JSON: ${(e as Error).message}`) as FastifyError
      error.statusCode = 400
      Object.assign(error, { code: BODY_NOT_JSON })
      done(error, undefined)
    }
  })
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === BODY_NOT_JSON) return reply.code(400).send(malformed(error.message, 'body'))
    const status = error.statusCode ?? 500
    // other client errors from Fastify itself (body too large, …) keep their status, in the same shape
    if (status < 500) return reply.code(status).send(malformed(error.message))
    request.log.error(error)
    return reply.code(500).send({ ok: false, error: { code: 'Internal', message: 'internal error', details: [] } })
  })
}
