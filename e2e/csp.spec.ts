import type { Page } from '@playwright/test';
import { CSP_REPORT, expect, test, violationsWatched, watchConsole } from './fixtures';
import { canvasBox, dragFromPalette, nodeByLabel, openPlayground, typeValue, viewportTransform, waitForLayout } from './helpers/canvas';
import { actionButton, backwardStatus, enterBackwardMode, expectOverlayToMove, fastestAnimation, overlayFrame } from './helpers/backward';
import { boundaryPixels, insertDefaultMlp, modeButton, pauseTraining, startTraining, stepCount } from './helpers/train';

/**
 * The built app under its Content-Security-Policy: scripts only from the site itself (no eval,
 * no inline script), so nothing a file or a link holds can run. Every journey's console watcher
 * fails on a violation (e2e/fixtures.ts); this one walks through everything that could need
 * eval or a stray source (zod's parsers, pixi's shaders in the main thread and in the scene
 * workers, the ELK worker, the training worker, image export) and checks the policy is in force.
 */

/** The directives the policy must have, and the sources it must never allow. */
function expectStrictPolicy(policy: string | null | undefined): void {
  expect(policy, 'a Content-Security-Policy is set').toBeTruthy();
  const directives = new Map(
    policy!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(policy).not.toContain('unsafe-eval');
}

/** Picks a File menu item and waits for the download it offers. */
async function exportVia(page: Page, action: 'exportSvg' | 'exportPng'): Promise<string> {
  await page.getByTestId('file-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-action="${action}"]`).click()]);
  return download.suggestedFilename();
}

test('the built app runs under a strict CSP: Build, Tidy, Backward, Train and export, with no violation', async ({ page, request }) => {
  // Four modes in one journey: three times the usual time.
  test.slow();
  // The policy reaches the page as a <meta> tag (any static host) and as a header (vite preview,
  // which is how it reaches the workers too).
  const response = await request.get('./');
  expectStrictPolicy(response.headers()['content-security-policy']);

  // The first visit lays the lecture's graph out in the ELK worker.
  await openPlayground(page);
  expectStrictPolicy(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'));

  // Build: drag a Value in and type a number.
  const canvas = await canvasBox(page);
  await dragFromPalette(page, 'value', { x: canvas.x + canvas.width - 260, y: canvas.y + canvas.height - 160 });
  const added = nodeByLabel(page, 'g');
  await typeValue(page, added, '1.5');

  // Tidy: ELK again.
  const before = await viewportTransform(page);
  await page.locator('[data-action="tidy"]').click();
  await waitForLayout(page, before);

  // Backward, watched: the gradient-flow scene (pixi in its worker) animates the pass.
  await enterBackwardMode(page);
  await expect.poll(async () => (await overlayFrame(page)).drawn, { message: 'the idle overlay draws' }).toBeGreaterThan(0);
  const idle = await overlayFrame(page);
  await actionButton(page, 'backward').click();
  await expectOverlayToMove(page, idle.hash, /^Pass \d+ · step \d+ of/);
  // Seen moving: the rest of the pass may play fast (the scene's worker draws it all the same).
  await fastestAnimation(page);
  await expect(backwardStatus(page)).toHaveText('1 backward pass since the last Zero grad.', { timeout: 20_000 });

  // Train: the training worker steps, the boundary scene (pixi in its worker) paints the heatmap.
  await modeButton(page, 'Train').click();
  await expect(page.getByTestId('train-panel')).toBeVisible();
  await insertDefaultMlp(page);
  await startTraining(page);
  await expect.poll(() => stepCount(page), { message: 'the training worker steps' }).toBeGreaterThan(20);
  await expect(page.getByText('The background shows what the network predicts')).toBeHidden();
  // The wash deepens as the network grows sure of itself; on a busy machine that takes a while.
  await expect
    .poll(
      async () => {
        const px = await boundaryPixels(page);
        return (px.pos + px.neg) / px.total > 0.3;
      },
      { message: 'the boundary scene paints the heatmap', timeout: 60_000 },
    )
    .toBe(true);
  await pauseTraining(page);

  // Every worker script came with the policy too: a <meta> policy does not reach workers.
  const workers = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((url) => /worker[^/]*\.js$/.test(url)),
  );
  expect(workers.map((url) => url.split('/').pop()!.replace(/-[\w-]+\.js$/, '')).sort()).toEqual(
    expect.arrayContaining(['boundary.worker', 'elk-worker.min', 'gradientFlow.worker', 'trainer.worker']),
  );
  for (const url of workers) expectStrictPolicy((await request.get(url)).headers()['content-security-policy']);

  // Export: the SVG is drawn from the document, the PNG rasterised through a blob: image.
  expect(await exportVia(page, 'exportSvg')).toMatch(/\.svg$/);
  expect(await exportVia(page, 'exportPng')).toMatch(/\.png$/);
  // The fixture fails the test on any violation or console error seen on the way.
});

test('the console watcher fails a journey on a CSP violation', async ({ context }) => {
  // A page of its own, so the deliberate violation below stays out of this test's own watcher.
  const other = await context.newPage();
  const problems = watchConsole(other);
  await violationsWatched(other);
  await other.goto('./');
  await expect(other.locator('.react-flow__node').first()).toBeVisible();
  // What an injected script would try: inline code, and a string turned into code.
  await other.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.ran = true';
    document.head.append(script);
    try {
      new Function('return 1')();
    } catch {
      // Refused, as it must be; the report is what this test reads.
    }
  });
  await expect.poll(() => problems.filter((p) => p.includes(CSP_REPORT)).length, { message: 'both violations reported' }).toBeGreaterThanOrEqual(2);
  expect(await other.evaluate(() => (window as { ran?: boolean }).ran)).toBeUndefined();
  await other.close();
});
