// ESLint flat config. The rule that matters most: packages/core stays pure (no I/O, no node:,
// no drivers, no other package of ours), so it runs anywhere and its decisions are replayable.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const IO_MODULES = [
  'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'tls', 'dgram', 'dns',
  'stream', 'worker_threads', 'cluster', 'readline', 'process', 'url', 'util', 'zlib', 'v8', 'vm',
  'better-sqlite3', 'pg', 'pg-*', 'nats', 'nodemailer', 'undici', 'node-fetch', 'axios', 'ws',
]

export default tseslint.config(
  // scripts/test/fixtures: miniature trees the tests feed to other tools (the boundary fixture breaks rules on purpose)
  { ignores: ['**/dist/**', 'packages/cli/bundle/**', '**/node_modules/**', '**/*.d.ts', '.bench-out/**', 'docs-api/**', 'scripts/test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // what the published CLI loads at run time: no test runner, no property-testing library
    files: ['packages/cli/src/**/*.ts', 'packages/simulator/src/**/*.ts', 'packages/node/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vitest', 'vitest/*', 'fast-check'], message: 'the CLI, the simulator and the Node providers ship without test libraries.' },
            { group: ['@talent-ledger/testing', '@talent-ledger/testing/*'], message: 'test helpers are not run-time code: take the simulator from @talent-ledger/simulator.' },
          ],
        },
      ],
      // the same for `await import(…)`, which no-restricted-imports does not see
      'no-restricted-syntax': [
        'error',
        { selector: "ImportExpression[source.value=/^(vitest|fast-check|@talent-ledger\\/testing)(\\/|$)/]", message: 'the CLI, the simulator and the Node providers load no test libraries.' },
      ],
    },
  },
  {
    // an assertion that returns a promise (a given/when/then spec, an async property) passes
    // silently when nobody awaits it: in tests every promise is awaited, returned or marked `void`
    files: ['packages/*/test/**/*.ts', 'examples/*/test/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.tests.json', tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'packages/core is pure: no node: imports (use a port).' },
            { group: IO_MODULES, message: 'packages/core is pure: no I/O modules or drivers (use a port).' },
            { group: ['@talent-ledger/*'], message: 'packages/core depends on no other package of ours.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'packages/core is pure: pass configuration in.' },
        { name: 'Buffer', message: 'packages/core is pure: use Uint8Array.' },
        { name: 'fetch', message: 'packages/core is pure: no network.' },
        { name: 'require', message: 'ESM only.' },
      ],
    },
  },
)
