/**
 * @talent-ledger/node — the providers of core's ports that need a Node.js runtime and no store:
 * native SHA-256 for sealing and verifying events, and the system clock. Stores, the CLI and
 * embedding services take them from here rather than from one another.
 */
export { nativeSha256Bytes, nativeSha256Hex } from './native-sha256.js'
export { systemClock } from './system-clock.js'
