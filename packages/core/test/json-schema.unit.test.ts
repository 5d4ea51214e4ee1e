import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { commandCatalogue, commandSchema, LocalDate } from '../src/index.js'
import { strictFields } from '../src/kernel/strict.js'
import { toJsonSchema } from '../src/schema/json-schema.js'

describe('toJsonSchema', () => {
  it('closes a strict codec and lists its required fields only', () => {
    const codec = strictFields({ a: t.string }, { b: t.array(t.number) }, 'X')
    expect(toJsonSchema(codec)).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'array', items: { type: 'number' } } },
      required: ['a'],
      additionalProperties: false,
    })
  })

  it('leaves a lenient codec open', () => {
    expect(toJsonSchema(t.type({ a: t.null }))).toEqual({ type: 'object', properties: { a: { type: 'null' } }, required: ['a'] })
  })

  it('writes a date as format date with its pattern', () => {
    expect(toJsonSchema(LocalDate)).toMatchObject({ type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
  })

  it('merges enums and constants of a union into one enum', () => {
    expect(toJsonSchema(t.union([t.keyof({ a: null, b: null }), t.literal('c')]))).toEqual({ enum: ['a', 'b', 'c'] })
    expect(toJsonSchema(t.union([t.string, t.null]))).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }] })
  })

  it('keeps the base of a refinement it does not know, named', () => {
    expect(toJsonSchema(t.refinement(t.number, (n) => n > 2, 'MoreThanTwo'))).toEqual({ type: 'number', description: 'MoreThanTwo' })
  })

  it('refuses a codec it cannot describe instead of guessing', () => {
    expect(() => toJsonSchema(t.record(t.string, t.string))).toThrow(/no schema for codec/)
  })

  it('describes every command', () => {
    expect(commandSchema('ForgetTalent')).toMatchObject({ properties: { type: { const: 'ForgetTalent' } }, additionalProperties: false })
    expect((commandCatalogue()['oneOf'] as unknown[]).length).toBe(20)
  })
})
