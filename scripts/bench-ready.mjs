/* global URL, console, process */
// `pnpm bench` needs the benchmark's own workspace (the Emmett contenders and sqlite3), which the
// default install leaves out: say so in one line instead of failing on a missing module.
import { existsSync } from 'node:fs'

if (!existsSync(new URL('../packages/bench/node_modules/@event-driven-io/emmett-sqlite', import.meta.url))) {
  console.error('pnpm bench: the benchmark contenders are not installed; run `pnpm bench:setup` first (builds sqlite3).')
  process.exit(1)
}
