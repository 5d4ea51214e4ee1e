/**
 * Field codecs the channel bindings (`channel-binding.ts`) share: a refined string named by what it
 * must be, a non-empty array that says so when it is empty or not an array at all, and a recipient.
 * Their names are what a refusal of a configuration section says was expected, so they stay stable.
 */
import * as t from 'io-ts'

/** A string that must satisfy `ok`; the name says what was expected in a refusal. */
export const refinedString = (name: string, ok: (s: string) => boolean) => t.refinement(t.string, ok, name)

/** `talent:<id>`, `employer:<id>` or `bureau`: the recipients the ledger writes. */
export const Recipient = refinedString('Recipient (talent:<id>, employer:<id> or bureau)', (s) => /^(talent:.+|employer:.+|bureau)$/.test(s))

/** A non-empty array; a value that is not an array at all says so (a lone string is the usual slip). */
export const nonEmptyArray = <C extends t.Mixed>(c: C, name: string): t.Type<Array<t.TypeOf<C>>, Array<t.OutputOf<C>>, unknown> => {
  const array = t.array(c)
  return new t.Type(
    name,
    (u): u is Array<t.TypeOf<C>> => array.is(u) && u.length > 0,
    (u, ctx) => (!Array.isArray(u) ? t.failure(u, ctx, 'an array') : u.length === 0 ? t.failure(u, ctx, name) : array.validate(u, ctx)),
    array.encode,
  )
}
