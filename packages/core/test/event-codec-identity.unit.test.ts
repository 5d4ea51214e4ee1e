/**
 * Why `decodeStored` may ask an event codec's `is` before its `decode`: every event codec is built
 * of combinators whose `decode` hands back, unchanged (the very reference), each value their `is`
 * accepts, and none of them accepts `undefined` (so a union's first member that decodes a value is
 * the first whose `is` accepts it). A codec of another kind (a transforming codec, `t.exact`, a
 * prop typed `unknown`) fails the walk here, and the shortcut must be thought through again.
 */
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { EventData, GENESIS_HASH, LocalDate, Timestamp, decodeStored, sealEvents, type NewEvent } from '../src/index.js'
import { StrictType } from '../src/kernel/strict.js'

/** io-ts combinators (by `_tag`) that decode what their `is` accepts to itself, given children that do. */
const IDENTITY_TAGS = new Set([
  'InterfaceType',
  'PartialType',
  'IntersectionType',
  'UnionType',
  'ArrayType',
  'RefinementType',
  'KeyofType',
  'LiteralType',
  'StringType',
  'NumberType',
  'BooleanType',
  'NullType',
])

type Node = t.Mixed & { readonly _tag?: string; readonly props?: t.Props; readonly types?: ReadonlyArray<t.Mixed>; readonly type?: t.Mixed; readonly value?: unknown }

/** The codecs under `codec` that are not of a kind known to decode a value `is` accepts to itself, by path. */
const unknownKinds = (codec: Node, path: string, seen = new Set<unknown>()): string[] => {
  if (seen.has(codec)) return []
  seen.add(codec)
  // the kernel's date codecs: `is` and `decode` both ask one predicate of a string, and return it
  if (codec === LocalDate || codec === Timestamp) return []
  const children: Array<[string, Node]> = [
    ...Object.entries(codec.props ?? {}).map(([k, c]): [string, Node] => [`${path}.${k}`, c as Node]),
    ...(codec.types ?? []).map((c, i): [string, Node] => [`${path}|${i}`, c as Node]),
    ...(codec.type === undefined ? [] : [[`${path}<>`, codec.type as Node] as [string, Node]]),
  ]
  const known = codec instanceof StrictType || (codec._tag !== undefined && IDENTITY_TAGS.has(codec._tag) && !(codec._tag === 'LiteralType' && codec.value === undefined))
  return [...(known ? [] : [`${path} (${codec._tag ?? codec.name})`]), ...children.flatMap(([p, c]) => unknownKinds(c, p, seen))]
}

const sealed = (type: string, data: unknown) => {
  const event: NewEvent = {
    eventId: 'e-1',
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: { id: 'hrb', role: 'hr-bureau' }, correlationId: 'c-1', causationId: null, occurredOn: '2026-01-05', recordedAt: '2026-01-05T09:00:00.000Z' },
  }
  return sealEvents({ streamId: 'talent-42', version: 0, hash: GENESIS_HASH }, [event], () => 1)[0]!
}

describe('event codecs and the `is` shortcut of decodeStored', () => {
  it('are built only of combinators that decode what `is` accepts to that very value', () => {
    expect(Object.entries(EventData as unknown as Record<string, Node>).flatMap(([type, codec]) => unknownKinds(codec, type))).toEqual([])
  })

  it('the walk finds a codec of another kind', () => {
    const exact = { _tag: 'ExactType', name: 'exact', type: { _tag: 'StringType', name: 'string' } } as unknown as Node
    expect(unknownKinds({ _tag: 'InterfaceType', name: 'x', props: { a: exact, b: { _tag: 'UnknownType', name: 'unknown' } } } as unknown as Node, 'X')).toEqual(['X.a (ExactType)', 'X.b (UnknownType)'])
  })

  it('hands back what decode hands back: the same data, extra fields kept, a bad field named', () => {
    const data = { talentId: '42', from: 'org-0', employerId: 'org-1', on: '2026-01-05', relation: 'employee' }
    for (const d of [data, { ...data, extra: { nested: [1, 'two'] } }]) {
      const decoded = EventData.EmployerChanged.decode(d)
      expect(E.isRight(decoded) && decoded.right).toBe(d)
      expect(decodeStored()(sealed('EmployerChanged', d)).event.data).toBe(d)
    }
    expect(() => decodeStored()(sealed('EmployerChanged', { ...data, on: '2026-02-30' }))).toThrow(/^corrupt event in talent-42 at version 1: on: expected/)
    expect(() => decodeStored()(sealed('EmployerChanged', { ...data, employerId: undefined }))).toThrow(/employerId/)
  })
})
