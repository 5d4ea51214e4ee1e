#!/usr/bin/env node
/**
 * The `talent-ledger` binary. Runs cli.ts as scripts/build.mjs bundles it after tsc (bundle/ in
 * this package: the CLI, the core and the stores in a few chunks, each verb's code in its own, loaded
 * when the verb runs), because the ES module loader's resolving, reading and compiling of the ~265
 * files tsc writes was most of a verb's start-up. tsc's own outputs stay beside it, unbundled: for
 * the packages and tests that import them, and as what the bundle is made of.
 */
// in a variable: tsc checks this module before the bundle exists
const bundle = '../bundle/cli.js'
await import(bundle)
