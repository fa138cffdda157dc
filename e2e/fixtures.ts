import { test as base, expect, type Page } from '@playwright/test';

/**
 * Chromium's own GPU chatter, not the app's: with the default (fast) GL path, headless Chromium
 * warns about ReadPixels stalls whenever a WebGL canvas with a preserved buffer is composited.
 */
const BROWSER_NOISE = [/GPU stall due to ReadPixels/];

/** Collects everything the page reports as wrong, from the first navigation on. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    const type = message.type();
    if (type !== 'error' && type !== 'warning') return;
    const text = message.text();
    if (BROWSER_NOISE.some((re) => re.test(text))) return;
    problems.push(`console.${type}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/**
 * Every journey starts from a fresh page with an empty local storage (so autosave from another
 * test never leaks in) and ends by checking the console stayed clean.
 */
export const test = base.extend<{ consoleProblems: string[] }>({
  consoleProblems: [
    async ({ page }, use) => {
      const problems = watchConsole(page);
      await use(problems);
      expect(problems, 'console errors, warnings or page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
