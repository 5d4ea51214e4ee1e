/* global console, process, URL */
// `pnpm build` (and the demo's and the tests' first step): tsc -b over the workspace's project
// references, with one line before and one after, so that a cold build is not a silent half minute;
// then the bundle the CLI's binary runs (bundle-cli.mjs), made of what tsc wrote.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const root = JSON.parse(readFileSync(new URL('../tsconfig.json', import.meta.url), 'utf8'))
const started = Date.now()
process.stdout.write(`building ${root.references.length} packages (tsc -b)… `)
// the workspace's own TypeScript, so that `node scripts/build.mjs` works outside a pnpm script too
const tscBin = createRequire(import.meta.url).resolve('typescript/bin/tsc')
const tsc = spawnSync(process.execPath, [tscBin, '-b', ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'], shell: false })
const seconds = ((Date.now() - started) / 1000).toFixed(1)
if (tsc.error !== undefined || tsc.status !== 0) {
  console.log(`failed after ${seconds} s`)
  process.stdout.write(tsc.stdout ?? '')
  process.exit(tsc.status ?? 1)
}
console.log(`done in ${seconds} s`)
// after tsc, always: the bundle is made of tsc's outputs, and a stale one would run old code
const bundleStarted = Date.now()
process.stdout.write('bundling the CLI (rolldown)… ')
const bundle = spawnSync(process.execPath, [new URL('bundle-cli.mjs', import.meta.url).pathname], { stdio: ['ignore', 'inherit', 'inherit'], shell: false })
if (bundle.error !== undefined || bundle.status !== 0) {
  console.log('failed')
  process.exit(bundle.status ?? 1)
}
console.log(`done in ${((Date.now() - bundleStarted) / 1000).toFixed(1)} s`)
