import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openPlayground } from './helpers/canvas';
import { actionButton, backwardStatus, backwardView, enterBackwardMode, expectOverlayToMove, fastestAnimation, overlayFrame } from './helpers/backward';

/**
 * Where the gradient-flow overlay draws. Normally its canvas is handed to a worker
 * (OffscreenCanvas), so the page's main thread does not pay for the pulses; a browser without
 * OffscreenCanvas gets the same scene on the main thread. Both must draw and land the grads.
 */

const RUNNING = /^Pass \d+ · step \d+ of 7/;

/** Plays the lecture's pass and proves the overlay's pixels moved while it ran. */
async function watchPassDraw(page: Page): Promise<void> {
  await openPlayground(page);
  await enterBackwardMode(page);
  await expect.poll(async () => (await overlayFrame(page)).drawn, { message: 'the idle overlay draws the output halo' }).toBeGreaterThan(0);
  const idle = await overlayFrame(page);
  await actionButton(page, 'backward').click();
  await expectOverlayToMove(page, idle.hash, RUNNING);
  // Seen moving: the rest of the pass may play fast; it must still land, by itself.
  await fastestAnimation(page);
  await expect(backwardStatus(page)).toHaveText('1 backward pass since the last Zero grad.', { timeout: 20_000 });
  expect((await backwardView(page)).grads).toEqual({ L: 1, f: 4, d: -2, e: -2, c: -2, a: 6, b: -4 });
}

/** True when the overlay canvas was transferred to a worker: the page can no longer draw on it. */
function overlayIsOffscreen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-testid="overlay-canvas"]');
    if (!canvas) throw new Error('no overlay canvas');
    try {
      canvas.getContext('2d');
      return false;
    } catch {
      // "InvalidStateError: the canvas has transferred its control to offscreen".
      return true;
    }
  });
}

test('the overlay draws in a worker: its canvas is offscreen and the pass still shows and lands', async ({ page }) => {
  await watchPassDraw(page);
  expect(await overlayIsOffscreen(page)).toBe(true);
});

test('without OffscreenCanvas the same overlay draws on the main thread', async ({ page }) => {
  await page.addInitScript(() => {
    // A browser that cannot hand a canvas to a worker.
    delete (HTMLCanvasElement.prototype as { transferControlToOffscreen?: unknown }).transferControlToOffscreen;
  });
  await watchPassDraw(page);
  expect(await overlayIsOffscreen(page)).toBe(false);
});
