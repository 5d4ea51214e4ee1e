/**
 * The defaults the usage texts name, in a module that imports nothing: building the program (for
 * `--help`, or to parse any verb's options) reads them without loading the verbs that use them.
 */

/** The store URL used when `--store` is not given. */
export const DEFAULT_STORE_URL = 'sqlite:./talent-ledger.db'

/** How many commands `apply` commits together by default when it reads a file (`--batch`). */
export const DEFAULT_APPLY_BATCH = 1_000

/** How many rows `onboard` commits together by default (`--batch`): onboard-run.ts's CHUNK_ROWS, named for `--help` without loading the loader (a test holds them equal). */
export const DEFAULT_ONBOARD_BATCH = 500

/** The demo's first simulated day. */
export const DEMO_FROM = '2026-01-01'
/**
 * The demo's last simulated day unless `--until` says otherwise: three years into 十五五, so the
 * dashboard judges targets whose deadlines are still ahead (on track, at risk), not only met or missed.
 */
export const DEMO_UNTIL = '2028-12-31'

/** The simulator's default scale, named for `--help` without loading the simulator. */
export const DEFAULT_SCALE_TEXT = '0.01, 1 % of the city'
