import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { boundaryPixels, datasetCounts, importCsv, insertDefaultMlp, lossOf, openTrainPanel, pauseTraining, startTraining } from './helpers/train';
import { shotPath } from './helpers/shots';

const SHOTS = 'units13';

/** How many points the counts line says were added ("… (12 added)"; none shown is 0). */
async function addedCount(page: Page): Promise<number> {
  const text = (await datasetCounts(page).textContent()) ?? '';
  return Number(/\((\d+) added\)/.exec(text)?.[1] ?? 0);
}

/**
 * Holds the mouse down at `from` and drags towards `to` in small steps until the counts line
 * shows at least `atLeast` added points (or the end is reached), as a person paints until the
 * plot has enough; then lets go.
 */
async function paintStroke(page: Page, from: [number, number], to: [number, number], atLeast: number): Promise<void> {
  const box = (await page.getByTestId('data-plot').boundingBox())!;
  const at = (f: [number, number]) => [box.x + f[0] * box.width, box.y + f[1] * box.height] as const;
  const [x0, y0] = at(from);
  const [x1, y1] = at(to);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 60 && (await addedCount(page)) < atLeast; i++) {
    await page.mouse.move(x0 + ((x1 - x0) * i) / 60, y0 + ((y1 - y0) * i) / 60, { steps: 2 });
  }
  await page.mouse.up();
}

test('paint points by dragging, erase some, undo the erasing, then train on them', async ({ page }) => {
  await openTrainPanel(page);
  // Two points to fix the plane's range; the rest is painted.
  await importCsv(page, 'corners.csv', 'x1,x2,label\n-1,-1,1\n1,1,-1\n');
  await expect(datasetCounts(page)).toContainText('1 test');
  // Nothing held out: every painted point trains.
  await page.getByTestId('dataset-test-fraction').focus();
  await page.keyboard.press('Home');
  await expect(datasetCounts(page)).toContainText('2 train');
  const start = await addedCount(page);
  expect(start).toBe(0);

  // A stroke of +1 down the left side, one of −1 down the right: 30 painted points in all.
  await page.getByTestId('add-class-pos').click();
  await paintStroke(page, [0.2, 0.15], [0.25, 0.85], 15);
  const left = await addedCount(page);
  expect(left, 'one drag paints many points').toBeGreaterThanOrEqual(15);
  await page.getByTestId('add-class-neg').click();
  await paintStroke(page, [0.8, 0.15], [0.75, 0.85], 30);
  const painted = await addedCount(page);
  expect(painted).toBeGreaterThanOrEqual(30);
  await page.screenshot({ path: shotPath(SHOTS, `paint-desktop.png`) });

  // Undo takes back a whole stroke at once.
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => addedCount(page), { message: 'one undo removes the second stroke whole' }).toBe(left);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect.poll(() => addedCount(page), { message: 'redo brings it back' }).toBe(painted);

  // The eraser wipes the points it passes over (across the right stroke), as one step.
  await page.getByTestId('erase-points').click();
  const box = (await page.getByTestId('data-plot').boundingBox())!;
  await page.mouse.move(box.x + 0.6 * box.width, box.y + 0.22 * box.height);
  await page.mouse.down();
  await page.mouse.move(box.x + 0.95 * box.width, box.y + 0.26 * box.height, { steps: 12 });
  await page.mouse.up();
  await expect.poll(() => addedCount(page), { message: 'the eraser removes some points' }).toBeLessThan(painted);
  const erased = await addedCount(page);
  expect(erased, 'but not all of them').toBeGreaterThan(left);
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => addedCount(page), { message: 'undo restores every erased point' }).toBe(painted);

  // Train on them: the loss falls and the map splits left from right.
  await insertDefaultMlp(page);
  await page.getByTestId('train-step').click();
  await expect.poll(() => lossOf(page), { message: 'a first loss' }).toBeGreaterThan(0);
  const first = await lossOf(page);
  await startTraining(page);
  await expect.poll(() => lossOf(page), { message: 'the loss falls on the painted points', timeout: 20_000 }).toBeLessThan(first / 4);
  await pauseTraining(page);
  const px = await boundaryPixels(page);
  expect(px.pos / px.total, 'blue where +1 was painted').toBeGreaterThan(0.2);
  expect(px.neg / px.total, 'orange where −1 was painted').toBeGreaterThan(0.2);
  await page.screenshot({ path: shotPath(SHOTS, `paint-trained-desktop.png`) });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: shotPath(SHOTS, `paint-trained-tablet.png`) });
});

test('touch: a finger drag paints points too', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await openTrainPanel(page);
  await page.getByTestId('dataset-select').selectOption('moons');
  await page.getByTestId('add-class-pos').click();
  const box = (await page.getByTestId('data-plot').boundingBox())!;
  // A touch stroke as the browser delivers it: pointer events of type touch on the plot.
  await page.getByTestId('data-plot').evaluate((el, b) => {
    const fire = (type: string, i: number) =>
      el.dispatchEvent(new PointerEvent(type, { pointerId: 7, pointerType: 'touch', isPrimary: true, bubbles: true, button: 0, buttons: 1, clientX: b.x + b.width * (0.15 + 0.035 * i), clientY: b.y + b.height * 0.5 }));
    fire('pointerdown', 0);
    for (let i = 1; i <= 20; i++) fire('pointermove', i);
    fire('pointerup', 20);
  }, box);
  await expect.poll(() => addedCount(page), { message: 'the touch stroke painted points' }).toBeGreaterThanOrEqual(5);
  await page.screenshot({ path: shotPath(SHOTS, `paint-touch-tablet.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('erase-points').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath(SHOTS, `paint-phone.png`) });
  await context.close();
});
