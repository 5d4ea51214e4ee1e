/* global console, process, URL */
// The bundle of the built CLI that its binary runs (packages/cli/src/main.ts), made after tsc by
// build.mjs: rolldown over tsc's outputs, from dist/cli.js and verify's worker, into
// packages/cli/bundle/. WHY: start-up was mostly the ES module loader resolving, reading and
// compiling ~265 files (186 of them the core's) and lexing fp-ts/io-ts's CommonJS; a few chunks
// cut `report --json` and start-up by a large share (docs/performance-log.md, issue 15).
//
// - Each verb stays lazy: the dynamic imports are kept, each becomes its own chunk.
// - External: the CLI's own npm dependencies other than commander, fp-ts and io-ts, as they are
//   (native drivers, the readers of onboard): resolved at run time from the CLI's package, as
//   before. Everything else is inlined, as no other package's dependency is the CLI's to resolve.
// - Flat output, one directory below the package: `new URL('./verify-worker.js', import.meta.url)`
//   finds the worker entry from any chunk, and program.ts's `../package.json` is the CLI's.
// - bundle/modules.json maps each chunk to the modules in it, so a test can tell what a run loaded.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { rolldown } from 'rolldown'

const cli = new URL('../packages/cli/', import.meta.url)
const pkg = JSON.parse(readFileSync(new URL('package.json', cli), 'utf8'))
const INLINED = new Set(['commander', 'fp-ts', 'io-ts'])
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@talent-ledger/') && !INLINED.has(name))
const isExternal = (id) => external.some((name) => id === name || id.startsWith(`${name}/`))

const outDir = fileURLToPath(new URL('bundle/', cli))
rmSync(outDir, { recursive: true, force: true })
const build = await rolldown({
  input: { cli: fileURLToPath(new URL('dist/cli.js', cli)), 'verify-worker': fileURLToPath(new URL('dist/commands/verify-worker.js', cli)) },
  platform: 'node',
  external: isExternal,
  logLevel: 'warn',
})
const { output } = await build.write({ dir: outDir, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap: true })
await build.close()

const root = fileURLToPath(new URL('../', import.meta.url))
const chunks = output.filter((o) => o.type === 'chunk')
const modules = Object.fromEntries(chunks.map((c) => [c.fileName, c.moduleIds.filter((id) => id.startsWith('/')).map((id) => pathToFileURL(id).href.replace(pathToFileURL(root).href, ''))]))
writeFileSync(new URL('modules.json', pathToFileURL(outDir)), `${JSON.stringify(modules, null, 1)}\n`)
if (process.argv.includes('--verbose')) console.log(`${chunks.length} chunks in ${outDir}`)
