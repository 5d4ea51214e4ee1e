/** Test harness pieces any test file can use under vitest. */
export { cleanupsAfterEach, type Cleanups } from './cleanups.js'
