/**
 * @talent-ledger/testing/node — test helpers that need Node.js (child processes, temporary files),
 * kept out of the main entry so it stays usable wherever the core runs.
 */
export { startChild, waitFor, type Child } from './child-process.js'
export { tempStoreFile } from './temp-store-file.js'
