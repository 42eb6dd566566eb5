import { defineConfig } from 'vitest/config';

// `npm run reliability`: the long runs (scripts/reliability.mjs runs this once per database).
export default defineConfig({
  test: {
    include: ['apps/server/test/reliability/*.reliability.ts', 'apps/server/test/tenancy.test.ts'],
    globalSetup: ['apps/server/test/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
  },
});
