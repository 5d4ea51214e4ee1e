import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'scripts/test/*.test.ts'],
    // the failover suite (a Patroni cluster, minutes) runs on its own: vitest.ha.config.ts, `pnpm test:ha`
    exclude: [...configDefaults.exclude, '**/*.ha.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
})
