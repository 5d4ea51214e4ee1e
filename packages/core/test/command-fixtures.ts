/**
 * Commands and refusal helpers shared by core's decoding tests (strict codecs, input limits,
 * masking, describeErrors): one well-formed registration to vary, and the refusal of a command
 * that must not decode.
 */
import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'
import { decodeCommand, type DomainError } from '../src/index.js'

/** A RegisterTalent by its employer that decodes, with `data` fields added or replaced. */
export const registration = (data: Record<string, unknown> = {}) => ({
  type: 'RegisterTalent',
  actor: { id: 'port-co', role: 'employer' },
  data: {
    talentId: 't-1', name: '王芳', nationalId: '320703199105020028', birthDate: '1991-05-02', occupation: '6-18-02-04',
    occupationSince: '2016-07-01', education: 'technician-college', employerId: 'port-co', district: '连云区', registeredOn: '2026-01-05',
    ...data,
  },
})

/** The error of a command that must be refused by decoding (the test fails if it decodes). */
export const refusal = (raw: unknown): DomainError => {
  const r = decodeCommand(raw)
  if (E.isRight(r)) return expect.fail(`decoded: ${JSON.stringify(r.right)}`)
  return r.left
}

/** The fields a refused command's details name. */
export const refusedFields = (raw: unknown): Array<string | undefined> => refusal(raw).details.map((d) => d.field)
