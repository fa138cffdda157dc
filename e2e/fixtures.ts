import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';

/**
 * Chromium's own GPU chatter, not the app's: with the default (fast) GL path, headless Chromium
 * warns about ReadPixels stalls whenever a WebGL canvas with a preserved buffer is composited.
 */
const BROWSER_NOISE = [/GPU stall due to ReadPixels/];

/** The prefix the page's violation listener writes, so a report is recognised as one. */
export const CSP_REPORT = 'CSP violation:';

/**
 * Runs in the page before any of its scripts: every Content-Security-Policy violation the
 * document sees (a blocked eval, inline script, worker or fetch) becomes a console error, even
 * one the app caught and carried on from. Chromium logs most violations itself; this catches
 * the ones it only reports as events.
 */
function reportViolations(prefix: string): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
    console.error(`${prefix} '${event.effectiveDirective}' blocked ${event.blockedURI || 'a resource'}${where}`);
  });
}

/** Resolves once a watched page's violation listener is installed for every later navigation. */
const armed = new WeakMap<Page, Promise<void>>();

/**
 * Collects everything the page and its workers report as wrong, from the first navigation on:
 * console errors and warnings (a CSP violation among them), uncaught page errors. Await
 * {@link violationsWatched} before the first navigation to be sure the violation listener is in.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  const listen = (where: string) => (message: ConsoleMessage) => {
    const type = message.type();
    if (type !== 'error' && type !== 'warning') return;
    const text = message.text();
    if (BROWSER_NOISE.some((re) => re.test(text))) return;
    problems.push(`${where}console.${type}: ${text}`);
  };
  page.on('console', listen(''));
  page.on('worker', (worker) => worker.on('console', listen(`worker ${worker.url().split('/').pop()}: `)));
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  armed.set(page, page.addInitScript(reportViolations, CSP_REPORT).then(() => undefined));
  return problems;
}

/** Resolves once {@link watchConsole}'s violation listener is installed on this page. */
export function violationsWatched(page: Page): Promise<void> {
  return armed.get(page) ?? Promise.resolve();
}

/**
 * Every journey starts from a fresh page with an empty local storage (so autosave from another
 * test never leaks in) and ends by checking the console stayed clean: no errors, no warnings,
 * no Content-Security-Policy violation in the page or its workers.
 */
export const test = base.extend<{ consoleProblems: string[] }>({
  consoleProblems: [
    async ({ page }, use) => {
      const problems = watchConsole(page);
      await violationsWatched(page);
      await use(problems);
      expect(problems, 'console errors, warnings, CSP violations or page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
