/**
 * Exact codecs for input: an object with a field the codec does not know is refused, naming the
 * field's path, instead of stripped (a misspelt optional flag would vanish) or stored (an actor's
 * phone number would be hash-chained for ever). Store rows keep the lenient codecs, so events
 * already written still decode; strictness is for commands and policy documents.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'

/** The message of an unknown-field error (`describeErrors` words it without echoing the value). */
export const UNKNOWN_FIELD = 'unknown field'

/** The context entry of an unknown field: `fieldPath` always names its key, even a numeric one. */
export const UnknownField: t.Decoder<unknown, never> = new t.Type<never, never, unknown>(
  'UnknownField',
  (_u): _u is never => false,
  (u, c) => t.failure(u, c, UNKNOWN_FIELD),
  (a) => a,
)

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** A codec that refuses fields outside `keys`, then decodes with `type`. Law: decode ∘ encode = id. */
export class StrictType<C extends t.Any> extends t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> {
  /** Tag read by `fieldPath` (its members are not fields). */
  readonly _tag = 'StrictType' as const
  constructor(
    name: string,
    /** The codec that decodes a value with known fields only. */
    readonly type: C,
    /** The fields it knows. */
    readonly keys: ReadonlyArray<string>,
  ) {
    const known = new Set(keys)
    super(
      name,
      (u): u is t.TypeOf<C> => type.is(u) && isRecord(u) && Object.keys(u).every((k) => known.has(k)),
      (u, c) => {
        const inner = type.validate(u, c)
        if (!isRecord(u)) return inner
        const unknown = Object.keys(u).filter((k) => !known.has(k))
        if (unknown.length === 0) return inner
        const errors: t.Errors = unknown.map((key) => ({ value: u[key], context: [...c, { key, type: UnknownField, actual: u[key] }], message: UNKNOWN_FIELD }))
        return t.failures(E.isLeft(inner) ? [...errors, ...inner.left] : errors)
      },
      (a) => type.encode(a) as t.OutputOf<C>,
    )
  }
}

/** Strict `t.type`: exactly these fields, all required. */
export const strictType = <P extends t.Props>(props: P, name?: string): StrictType<t.TypeC<P>> => {
  const type = t.type(props, name)
  return new StrictType(type.name, type, Object.keys(props))
}

/** Strict required-and-optional fields: exactly these, the optional ones may be absent. */
export const strictFields = <R extends t.Props, O extends t.Props>(
  required: R,
  optional: O,
  name: string,
): StrictType<t.IntersectionC<[t.TypeC<R>, t.PartialC<O>]>> =>
  new StrictType(name, t.intersection([t.type(required), t.partial(optional)], name), [...Object.keys(required), ...Object.keys(optional)])
