import { defineConfig } from 'vitest/config';

// Browser journeys against the real server (a child process) and a local SMTP server. No
// globalSetup: each file starts its own server on its own temporary PGlite directory.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    pool: 'forks',
    // Each file runs a server and a browser; two cores do not gain from running them side by side.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
