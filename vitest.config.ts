import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Database suites each get their own database; browser suites their own Chromium.
    pool: 'forks',
    fileParallelism: true,
  },
});
