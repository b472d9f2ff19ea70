import { defineConfig } from 'vitest/config';

// Two projects: `unit` (the engine, the database, the API through app.inject, the web app's
// pure modules) and `e2e` (browser journeys in Chromium against a demo server). `npm test`
// runs both; `vitest run --project unit` runs one.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          // One demo server, one browser at a time: journeys that write (end services)
          // run after one another.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // A page waits for the server and renders: give expect.poll time (default 1 s).
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
