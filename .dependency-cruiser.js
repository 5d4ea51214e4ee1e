/**
 * The architecture's boundaries, checked by dependency-cruiser in `pnpm lint` so a wrong import
 * fails the lint, not a review. Two sets of rules:
 *  - the layers of packages/core/src, bottom up; a layer imports only itself and the layers
 *    below it (a folder that does not exist yet simply matches nothing);
 *  - the packages: who may import which package of ours, and no import cycles anywhere.
 * Paths are relative to the folder depcruise runs in (the repository root). A workspace package
 * imported by name resolves through its `exports` to `packages/<name>/dist/...` after a build; before
 * one it stays unresolved under its name, so the package patterns match both forms.
 *
 * A crossing that today's tree still has is listed in PENDING below: reported as a warning, it
 * does not fail the lint; any other crossing of the same rule does. scripts/test/boundaries.unit.test.ts
 * checks that each rule fails the run on a miniature workspace.
 */

/** The folders of packages/core/src, bottom up, each with the layers it may import besides itself. */
const CORE_LAYERS = [
  ['kernel', [], 'knows no domain'],
  ['store-kit', ['kernel'], "the adapter authors' toolkit builds on the kernel only"],
  ['vocabulary', ['kernel'], 'the shared words of the domain build on the kernel only'],
  ['policy', ['kernel', 'vocabulary'], 'policy documents are data: they must not know the deciders'],
  ['domain', ['kernel', 'vocabulary', 'policy'], 'the deciders know no read model or use case'],
  ['projections', ['kernel', 'vocabulary', 'policy', 'domain'], 'read models fold events'],
  ['notifications', ['kernel', 'vocabulary', 'policy', 'domain', 'projections'], 'the outbox must not know the use cases'],
  ['schema', ['kernel', 'vocabulary', 'policy', 'domain'], 'the published shapes come from the domain'],
  ['application', ['kernel', 'store-kit', 'vocabulary', 'policy', 'domain', 'projections', 'notifications', 'schema'], 'the use cases sit on top'],
]

/**
 * PENDING: the files that still cross a boundary today, by rule. For these files alone the rule is
 * a warning (reported, not failing); for every other file it is an error, so a new crossing fails
 * the lint. Delete an entry once its imports are gone. A path here must lie inside the rule's `from`.
 */
const PENDING = {
}

const CORE = '^packages/core/src/'
/** The core's entry points sit above every layer: they may re-export from any of them. */
const ENTRY_POINTS = `${CORE}(index|store-kit/index)\\.ts$`
const ADAPTERS = ['store-memory', 'store-sqlite', 'store-postgres', 'notify-webhook', 'notify-email', 'notify-nats']

/** A package of ours, resolved (`packages/<name>/…`) or, before a build, by its name. */
const ours = (name) => `^(packages/${name}/|@talent-ledger/${name}(/|$))`
/** An npm package, resolved into node_modules (pnpm's `.pnpm/<id>/node_modules/<name>/` too) or by name. */
const npm = (name) => `(^|/)node_modules/${name}/|^${name}(/|$)`

const coreLayerRules = CORE_LAYERS.map(([layer, below, why]) => ({
  name: `core-layer-${layer}`,
  comment: `packages/core/src/${layer}/ imports only ${[layer, ...below].join(', ')}: ${why}.`,
  from: { path: `${CORE}${layer}/`, pathNot: ENTRY_POINTS },
  to: { path: CORE, pathNot: `${CORE}(${[layer, ...below].join('|')})/` },
}))

const rules = [
  ...coreLayerRules,
  {
    name: 'core-kernel-npm',
    comment: 'The kernel uses only the codec, functional and crypto libraries, so it stays portable.',
    from: { path: `${CORE}kernel/` },
    to: {
      dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'],
      pathNot: ['io-ts', 'fp-ts', '@noble/[^/]+', 'canonicalize', 'uuid'].map(npm),
    },
  },
  {
    name: 'core-domain-aggregate-internals',
    comment:
      'An aggregate folder of domain/ reaches another aggregate only through its index.ts or its state, ' +
      'so each aggregate can change its deciders alone.',
    from: { path: `${CORE}domain/([^/]+)/` },
    to: {
      path: `${CORE}domain/[^/]+/`,
      pathNot: [`${CORE}domain/$1/`, `${CORE}domain/[^/]+/(index\\.ts|state\\.ts|state/)`],
    },
  },
  {
    name: 'core-no-package-of-ours',
    comment: 'packages/core depends on no other package of ours (ESLint checks the same for the editor).',
    from: { path: '^packages/core/src/' },
    to: { path: ours('[^/]+'), pathNot: ours('core') },
  },
  {
    name: 'adapter-not-to-adapter',
    comment: 'An adapter depends on the core and its driver, never on another adapter.',
    from: { path: `^packages/(${ADAPTERS.join('|')})/src/` },
    to: { path: ours(`(${ADAPTERS.join('|')})`), pathNot: ours('$1') },
  },
  {
    name: 'cli-not-to-testing',
    comment: 'The shipped CLI must not pull in the test kit or test-only libraries.',
    from: { path: '^packages/cli/src/' },
    to: { path: [ours('testing'), npm('vitest'), npm('@vitest/[^/]+'), npm('fast-check')] },
  },
  {
    name: 'testing-main-not-to-vitest',
    comment:
      "@talent-ledger/testing's main and node entries run under any test runner: nothing they reach " +
      'may import vitest (only the ./vitest entry, src/vitest/, and what it alone reaches may).',
    from: { path: '^packages/testing/src/(index|node/index)\\.ts$' },
    to: { path: [npm('vitest'), npm('@vitest/[^/]+')], reachable: true },
  },
  {
    name: 'no-cross-package-path',
    comment: 'Another package is imported by its name (its exports), never by a path into its folder.',
    from: { path: '^((packages|examples)/[^/]+)/src/' },
    to: { dependencyTypes: ['local'], path: '^(packages|examples)/', pathNot: '^$1/' },
  },
  {
    name: 'no-circular',
    comment: 'No import cycles: a cycle makes load order matter and hides which module is the lower one.',
    from: { path: '^(packages|examples)/[^/]+/src/' },
    to: { circular: true },
  },
]

const asList = (pattern) => (pattern === undefined ? [] : [pattern].flat())

/**
 * A rule as an error everywhere but its PENDING files, and as a warning named `pending:<rule>` for
 * those (a distinct name: dependency-cruiser keys reachability results by rule name).
 */
const withPending = (rule) => {
  const pending = PENDING[rule.name]
  if (pending === undefined) return [{ severity: 'error', ...rule }]
  return [
    { severity: 'error', ...rule, from: { ...rule.from, pathNot: [...asList(rule.from.pathNot), ...pending] } },
    { ...rule, severity: 'warn', name: `pending:${rule.name}`, from: { ...rule.from, path: pending } },
  ]
}

export default {
  forbidden: rules.flatMap(withPending),
  options: {
    // Type-only imports are dependencies too: a type from domain/ in policy/ is the same coupling.
    tsPreCompilationDeps: true,
    // The benchmark is a workspace of its own (installed only by `pnpm bench:setup`).
    exclude: { path: '^packages/bench/' },
    // Other packages' built output and npm packages are leaves: each package is cruised from its src.
    doNotFollow: { path: ['(^|/)node_modules/', '^(packages|examples)/[^/]+/dist/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'default'],
      mainFields: ['module', 'main'],
    },
    skipAnalysisNotInRules: true,
  },
}
