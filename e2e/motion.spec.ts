import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { actionButton, enterBackwardMode, gradRow } from './helpers/backward';
import { dragNodeBy, flowPosition, nodeByLabel, openPlayground, settle } from './helpers/canvas';

/**
 * prefers-reduced-motion, honoured everywhere: with it, what would glide jumps (Tidy, fit
 * view), Backward fills its grads at once, and CSS transitions do not run. Each check is also
 * made without the setting, so it is seen to tell the two apart.
 */

/**
 * Starts counting the animation frames in which anything on the canvas moved (the view or a
 * node's place); the returned function stops and gives the count.
 */
async function countMovingFrames(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { movingFrames: number; stopCounting: boolean };
    w.movingFrames = 0;
    w.stopCounting = false;
    const snapshot = () =>
      (document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '') +
      [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => n.style.transform).join('|');
    let last = snapshot();
    const tick = () => {
      const now = snapshot();
      if (now !== last) w.movingFrames++;
      last = now;
      if (!w.stopCounting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return async () => {
    await settle(page);
    return page.evaluate(() => {
      const w = window as unknown as { movingFrames: number; stopCounting: boolean };
      w.stopCounting = true;
      return w.movingFrames;
    });
  };
}

/** Drags card `a` away, then presses L (Tidy, which ends by fitting the view): frames that moved. */
async function tidyFrames(page: Page): Promise<number> {
  const a = nodeByLabel(page, 'a');
  const before = await flowPosition(a);
  await dragNodeBy(page, a, 160, 120);
  await expect.poll(() => flowPosition(a)).not.toEqual(before);
  await settle(page);
  const stop = await countMovingFrames(page);
  await page.keyboard.press('l');
  await expect.poll(() => flowPosition(a), { message: 'Tidy puts a back in its column' }).not.toEqual(await flowPosition(a));
  return stop();
}

/** CSS transitions that ran when the palette folded (its width eases over 160 ms). */
async function foldTransitions(page: Page): Promise<number> {
  // Counted as they start (transitionrun), not looked for afterwards: on a busy machine the
  // 160 ms fold had already ended by the time getAnimations() was read, and read 0.
  await page.evaluate(() => {
    const w = window as unknown as { foldRuns?: number };
    if (w.foldRuns === undefined) document.addEventListener('transitionrun', (e) => (e.target as Element).closest?.('.palette') && (w.foldRuns! += 1), true);
    w.foldRuns = 0;
  });
  await page.getByRole('button', { name: 'Fold the palette' }).click();
  // Two frames: a transition the fold starts has been created and announced by then.
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  const count = await page.evaluate(() => (window as unknown as { foldRuns: number }).foldRuns);
  await page.getByRole('button', { name: 'Show the palette' }).click();
  return count;
}

test('with reduced motion Tidy and fit jump, and no transition runs; without it they glide', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openPlayground(page);
  const jumped = await tidyFrames(page);
  // A jump changes the canvas in a frame or two (the nodes, then the fitted view), where the
  // glide changes it in every frame for a quarter of a second.
  expect(jumped, 'frames that moved during Tidy with reduced motion').toBeLessThanOrEqual(3);
  expect(await foldTransitions(page), 'transitions when the palette folds, reduced motion').toBe(0);

  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const glided = await tidyFrames(page);
  expect(glided, 'frames that moved during Tidy without the setting').toBeGreaterThan(jumped + 3);
  expect(await foldTransitions(page), 'transitions when the palette folds, no preference').toBeGreaterThan(0);
});

test('with reduced motion Backward fills every grad at once, with no pass left to pause', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openPlayground(page);
  await enterBackwardMode(page);
  await actionButton(page, 'backward').first().click();
  // The lecture's L graph: a.grad 6.0, b.grad −4.0, f.grad 4.0, L.grad 1.0, all there already.
  await expect(gradRow(page, 'a')).toContainText('6.0');
  await expect(gradRow(page, 'b')).toContainText('4.0');
  await expect(gradRow(page, 'f')).toContainText('4.0');
  await expect(gradRow(page, 'L')).toContainText('1.0');
  await expect(actionButton(page, 'pauseBackward').first()).toBeDisabled();

  // Without the setting the same press starts an animated pass, which can be paused.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await actionButton(page, 'zeroGrad').first().click();
  await actionButton(page, 'backward').first().click();
  await expect(actionButton(page, 'pauseBackward').first()).toBeEnabled();
});
