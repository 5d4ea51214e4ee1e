/**
 * What a test pushes its clean-ups onto: a plain list of async functions, run newest first. Kept
 * apart from the vitest wiring (cleanups.ts) so helpers of the runner-free entries can take one.
 */
export type Cleanups = Array<() => Promise<void>>
