import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { loadPreset } from './helpers/backward';
import { grip, nodeByLabel, openPlayground } from './helpers/canvas';
import { lossOf, modeButton, openTrainPanel, stepCount } from './helpers/train';

/**
 * Training as the lecture does it, at a speed a person can follow: the loss card and the Train
 * panel print one loss, a speed of 1 step/s, the slow-motion step's phases in order, and a
 * deleted input explained on the cards that needed it.
 */

/** The lecture's tiny MLP: 3 inputs, 9 neurons, a target and a loss. */
const TINY_MLP_CARDS = 14;

async function openTinyMlp(page: Page): Promise<void> {
  await openPlayground(page);
  await loadPreset(page, 'tiny-mlp', TINY_MLP_CARDS);
  await expect(page.getByTestId('train-panel')).toBeVisible();
}

/** The loss card's training total, as printed. */
function cardTotal(page: Page) {
  return nodeByLabel(page, 'loss').getByTestId('loss-total-value');
}

test('after 20 steps of the tiny MLP the loss card and the panel print the same sum over 4 samples', async ({ page }) => {
  await openTinyMlp(page);
  const loss = nodeByLabel(page, 'loss');
  await expect(loss.getByTestId('loss-total-label')).toHaveText('sum over 4 samples');
  await expect(page.getByTestId('train-loss-label')).toHaveText('sum over 4 samples');
  await expect(loss.getByTestId('loss-sample')).toHaveText('data: sample 1 of 4');
  await expect(cardTotal(page)).toHaveText('4.454');

  await page.getByTestId('train-run-20').click();
  await expect.poll(() => stepCount(page)).toBe(20);
  // The weights the 20 steps leave are written into the drawing; the card sums its four samples at them.
  await expect.poll(async () => (await cardTotal(page).textContent()) === (await page.getByTestId('train-loss').textContent())).toBe(true);
  const total = await lossOf(page);
  expect(total).toBeLessThan(0.4884);
  expect(total).toBeGreaterThan(0.4);

  // The card's own data is one sample's loss; ‹ › walks the four, and they add up to the total.
  const perSample: number[] = [];
  for (let k = 1; k <= 4; k++) {
    await expect(loss.getByTestId('loss-sample')).toHaveText(`data: sample ${k} of 4`);
    perSample.push(Number(await loss.getByTestId('node-data').getAttribute('data-value')));
    await loss.getByTestId('loss-sample-next').click();
  }
  await expect(loss.getByTestId('loss-sample')).toHaveText('data: sample 1 of 4');
  const sum = perSample.reduce((a, b) => a + b, 0);
  expect(Math.abs(sum - Number(await cardTotal(page).getAttribute('data-value')))).toBeLessThan(1e-9);
});

test('at 1 step/s the step counter creeps; at full speed it races', async ({ page }) => {
  await openTinyMlp(page);
  const slider = page.getByTestId('speed-slider');
  await slider.fill('0');
  await expect(page.getByTestId('speed-value')).toHaveText('1 step/s');
  await page.getByTestId('train-toggle').click();
  await expect.poll(() => stepCount(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  // Two steps take at least a second at this pace, so the counter cannot have run ahead.
  expect(await stepCount(page)).toBeLessThan(5);
  await slider.fill('6');
  await expect(page.getByTestId('speed-value')).toHaveText('full speed');
  await expect.poll(() => stepCount(page), { timeout: 10_000 }).toBeGreaterThan(200);
  await page.getByTestId('train-toggle').click();
});

test('the slow-motion step shows forward, loss, backward, update and the boundary in order, then ends', async ({ page }) => {
  await openTinyMlp(page);
  await page.getByTestId('train-slow-step').click();
  const narration = page.getByTestId('narration');
  await expect(narration).toBeVisible();
  // Advance by hand, so each phase is read while it is the current one.
  await page.getByTestId('narration-auto').uncheck();
  const phases = narration.getByTestId('narration-phase');
  const order = ['forward', 'loss', 'backward', 'update', 'boundary'];
  for (const [i, phase] of order.entries()) {
    await expect(narration.locator('[aria-current="step"]')).toHaveAttribute('data-phase', phase);
    if (phase === 'loss') await expect(phases.nth(i)).toContainText('loss before = 4.4544 (sum over 4 samples)');
    if (phase === 'backward') await expect(phases.nth(i)).toContainText('|grad| =');
    if (phase === 'update') {
      await expect(phases.nth(i)).toContainText('0.01 ×');
      // The step lands with its phase: the counter moves at "update", not before.
      await expect.poll(() => stepCount(page)).toBe(1);
    } else if (i < 3) {
      expect(await stepCount(page)).toBe(0);
    }
    if (phase === 'boundary') await expect(phases.nth(i)).toContainText(/loss after = [\d.]+ \(down/);
    await page.getByTestId('narration-next').click();
  }
  await expect(narration).toBeHidden();

  // Stop part-way: the step shows in full at once.
  await page.getByTestId('train-slow-step').click();
  await expect(narration).toBeVisible();
  await page.getByTestId('narration-stop').click();
  await expect(narration).toBeHidden();
  await expect.poll(() => stepCount(page)).toBe(2);
});

test('the slow-motion step advances on its own at a reading pace', async ({ page }) => {
  await openTinyMlp(page);
  await page.getByTestId('train-slow-step').click();
  const current = page.getByTestId('narration').locator('[aria-current="step"]');
  await expect(current).toHaveAttribute('data-phase', 'forward');
  await expect(current).toHaveAttribute('data-phase', 'loss', { timeout: 5000 });
  await expect(current).toHaveAttribute('data-phase', 'backward', { timeout: 5000 });
});

test('a deleted input leaves its neurons saying which input is missing, in Build and in Train', async ({ page }) => {
  await openTinyMlp(page);
  await grip(nodeByLabel(page, 'x1')).click();
  await page.keyboard.press('Delete');
  await expect(nodeByLabel(page, 'x1')).toHaveCount(0);
  const data = page.getByTestId('node-data');
  await expect(data.filter({ hasText: 'missing input x0' })).toHaveCount(4);
  await expect(data.filter({ hasText: 'NaN' })).toHaveCount(0);
  // The loss card: no number, and why.
  await expect(nodeByLabel(page, 'loss').getByTestId('node-data')).toContainText('no value: an input upstream is missing');
  await modeButton(page, 'Build').click();
  await expect(data.filter({ hasText: 'missing input x0' })).toHaveCount(4);
  await expect(data.filter({ hasText: 'NaN' })).toHaveCount(0);
});

test('a deleted input leaves a layer card saying which input is missing, with no NaN on its ports', async ({ page }) => {
  await openTrainPanel(page);
  await page.getByTestId('mlp-sizes').fill('4, 1');
  await page.getByLabel('Draw as').selectOption('layers');
  await page.getByTestId('insert-mlp').click();
  const layer = page.locator('.node-card--layer').first();
  await expect(layer).toBeVisible();
  await grip(nodeByLabel(page, 'x1')).click();
  await page.keyboard.press('Delete');
  await expect(layer.getByTestId('node-data')).toHaveText('missing input x0');
  await expect(layer).not.toContainText('NaN');
  // Train refuses with the reason rather than running on a broken drawing.
  await page.getByTestId('train-toggle').click();
  await expect(page.getByTestId('train-message')).toBeVisible();
});
