import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // fast-check property tests print their seed on failure; keep runs reproducible in CI.
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
