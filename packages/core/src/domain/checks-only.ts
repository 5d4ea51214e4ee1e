/**
 * Codecs that only check. Decoding a command with io-ts builds a context array for every field and
 * an Either for every value, on every command, though a well-formed command decodes to itself. For
 * a codec built only of the combinators below, `is(u)` is true exactly when `decode(u)` succeeds,
 * and then it hands back `u` itself (io-ts copies a value only when a part of it decodes to
 * something else, and none of these does; or a copy equal to `u` where a number is NaN, which
 * io-ts's `!==` takes for a change). So `is` can accept a well-formed value, and `decode`
 * runs only to word a refusal. Any other codec (a transformation, `t.exact`'s stripping, a custom
 * `t.Type` not listed) makes its command take the full decode every time.
 */
import type * as t from 'io-ts'
import { LocalDate, Timestamp } from '../kernel/dates.js'

/** Custom codecs whose `is` and `validate` share one predicate and return their input (`stringCodec`). */
const CHECKING_CODECS: ReadonlySet<unknown> = new Set<unknown>([LocalDate, Timestamp])

/** What a codec holds: its own fields, by io-ts tag (and `StrictType`'s, kernel/strict.ts). */
interface Parts {
  readonly _tag?: string
  readonly type?: unknown
  readonly types?: ReadonlyArray<unknown>
  readonly props?: Readonly<Record<string, unknown>>
}

const LEAVES: ReadonlySet<string> = new Set(['StringType', 'NumberType', 'BooleanType', 'NullType', 'KeyofType', 'LiteralType'])

/** True when `codec`'s `is` answers what its decode would and its decode returns its input unchanged. */
export const checksOnly = (codec: t.Decoder<unknown, unknown>): boolean => {
  if (CHECKING_CODECS.has(codec)) return true
  const c = codec as Parts
  switch (c._tag) {
    case undefined:
      return false
    case 'InterfaceType':
    case 'PartialType':
      return Object.values(c.props ?? {}).every((p) => checksOnly(p as t.Decoder<unknown, unknown>))
    case 'IntersectionType':
    case 'UnionType':
      return (c.types ?? []).every((p) => checksOnly(p as t.Decoder<unknown, unknown>))
    case 'RefinementType':
    case 'ArrayType':
    case 'StrictType':
      return c.type !== undefined && checksOnly(c.type as t.Decoder<unknown, unknown>)
    default:
      return LEAVES.has(c._tag)
  }
}
