import { defineConfig } from 'vitest/config'

// The failover suite: a Patroni cluster (3 etcd members, 3 PostgreSQL nodes) started by the tests,
// killed and healed for minutes. Run with `pnpm test:ha` (scripts/ha/install.sh installs Patroni and
// etcd first when missing); `.ci/run` runs it after the main tests, which exclude `*.ha.test.ts`.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.ha.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
})
