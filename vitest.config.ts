import { defineConfig } from 'vitest/config';

// A guard against a test that hangs, not a budget: tests that convert with LibreOffice, sign,
// crash processes or wait on file watchers take as long as the machine's load makes them.
const HANG_GUARD_MS = 10 * 60_000;

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: HANG_GUARD_MS,
    hookTimeout: HANG_GUARD_MS,
    pool: 'forks',
  },
});
