/**
 * @talent-ledger/node — the providers of core's ports that need a Node.js runtime and no store:
 * native SHA-256 for sealing and verifying events, the system clock, and worker threads for
 * verify's per-stream pass. Stores, the CLI and embedding services take them from here rather
 * than from one another.
 */
export { nativeSha256Bytes, nativeSha256Hex } from './native-sha256.js'
export { serveStreamRange, streamPassInWorkers, type AuditOpened, type StreamPassHere } from './stream-pass-workers.js'
export { systemClock } from './system-clock.js'
