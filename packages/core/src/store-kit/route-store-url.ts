/**
 * Routing a store URL over a host's list of bindings: the first binding that recognises the URL
 * takes it. Pure, so a host's registry and its messages can be tested without opening anything.
 */
import type { OpenedStore, StoreBinding, StoreOpenOptions } from './store-binding.js'

/**
 * Where a URL leads: a binding that parsed it (`open` it), a binding that recognised but refused
 * it (`problem`), or no binding (`schemes`: what the list offers, in its order, for the message).
 */
export type StoreUrlRoute =
  | { readonly kind: 'found'; readonly scheme: string; readonly open: (options: StoreOpenOptions) => Promise<OpenedStore> }
  | { readonly kind: 'invalid'; readonly scheme: string; readonly problem: string }
  | { readonly kind: 'unknown'; readonly schemes: ReadonlyArray<string> }

/** Routes `url` to the first binding of `bindings` whose `parse` recognises it. */
export const routeStoreUrl = (bindings: ReadonlyArray<StoreBinding<unknown>>, url: string): StoreUrlRoute => {
  for (const binding of bindings) {
    const match = binding.parse(url)
    if (match === null) continue
    if (match.kind === 'invalid') return { kind: 'invalid', scheme: binding.scheme, problem: match.problem }
    const parsed = match.url
    return { kind: 'found', scheme: binding.scheme, open: (options) => binding.open(parsed, options) }
  }
  return { kind: 'unknown', schemes: bindings.map((binding) => binding.scheme) }
}
