/**
 * `E.chain` for the decisions' chains of checks. fp-ts's own goes through `dual` (data-first or
 * data-last), which copies its arguments into fresh arrays on every call, and every command runs a
 * few of these chains: this is the data-last form alone, with the same meaning.
 */
import * as E from 'fp-ts/lib/Either.js'

/** Runs `f` on a right, passes a left through unchanged. */
export const chain =
  <E, A, B>(f: (a: A) => E.Either<E, B>) =>
  (ma: E.Either<E, A>): E.Either<E, B> =>
    E.isLeft(ma) ? ma : f(ma.right)
