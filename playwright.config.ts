import { defineConfig, devices } from '@playwright/test';
import { findBrowser, machine } from './scripts/find-browser.mjs';

// CHROMIUM_PATH, else a system Chromium or Chrome, else Playwright's own (see
// scripts/find-browser.mjs; `npm run test:e2e` installs one first where none is found). Without
// one, a single line says what to run: no stack trace from a config that threw.
const browser = findBrowser(machine());
if (!browser.ok) {
  console.error(browser.reason);
  process.exit(1);
}
const chromiumPath = browser.path;

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './e2e',
  // CI machines have two busy cores; two workers keep the suite short without starving WebGL.
  workers: process.env.CI ? 2 : 2,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1440, height: 900 },
    // Recording a trace (a DOM snapshot around every call, a screencast) cost about a third of
    // the suite's CPU on a two-core machine and made busy runs time out; a failure still keeps
    // its screenshot and page snapshot. To debug one: npx playwright test --trace on <spec>.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: chromiumPath,
          // Chromium's own background traffic is refused by this closed network; keep it quiet.
          args: [
            '--no-sandbox',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
            '--ignore-gpu-blocklist',
          ],
        },
      },
    },
  ],
  // The suite runs against the production build, served statically: what users get. `vite build`
  // without `npm run build`'s tsc: `npm test` type-checks in its own step just before.
  webServer: {
    command: `npx vite build && npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
