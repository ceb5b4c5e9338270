import { defineConfig } from 'vitest/config';

// Tests spawn the CLI (with its worker threads) and run property checks over thousands of
// texts; on a busy 2-core machine one can take well over vitest's default 5 s. A timeout
// here only catches a hung test: speed is measured by `make bench`, never asserted in tests.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/global-setup.ts'],
  },
});
