import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import base from '../../playwright.config';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The visual capture (capture.spec.ts) with the e2e suite's browser and server, but its own
 * test folder, so `npx playwright test` never runs it: it writes pictures, it asserts nothing
 * about them. See compare.ts for how to use the two together.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'capture.spec.ts',
  // One journey per viewport and theme; two at a time is what the machine's cores allow.
  workers: 2,
  // A journey is long, and the machine may be busy: generous limits, never a fixed wait.
  timeout: 600_000,
  expect: { timeout: 60_000 },
  use: { ...base.use, reducedMotion: 'reduce' },
  // The server is built and served from the repository root, as for the e2e suite.
  webServer: base.webServer && !Array.isArray(base.webServer) ? { ...base.webServer, cwd: root } : base.webServer,
});
