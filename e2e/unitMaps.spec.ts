import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { nodeByLabel } from './helpers/canvas';
import { insertDefaultMlp, openTrainPanel, pauseTraining, startTraining } from './helpers/train';
import { shotPath } from './helpers/shots';

const SHOTS = 'units13';

/** A unit map's pixels as drawn: how many distinct colours, and the spread of their brightness. */
async function mapPixels(map: Locator): Promise<{ colours: number; spread: number; opaque: number }> {
  return map.evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const data = canvas.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    let min = Infinity;
    let max = -Infinity;
    let opaque = 0;
    for (let i = 0; i < data.length; i += 4) {
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      const b = data[i]! + data[i + 1]! + data[i + 2]!;
      min = Math.min(min, b);
      max = Math.max(max, b);
      if (data[i + 3] === 255) opaque++;
    }
    return { colours: colours.size, spread: max - min, opaque };
  });
}

test('unit maps: each hidden neuron shows its own non-uniform heatmap, which follows training and grows on hover', async ({ page }) => {
  await openTrainPanel(page);
  await page.getByTestId('dataset-select').selectOption('moons');
  await insertDefaultMlp(page);

  const first = nodeByLabel(page, 'L1.N0');
  const hidden = nodeByLabel(page, 'L2.N3');
  await expect(first.getByTestId('unit-map')).toHaveCount(0);
  await page.getByTestId('unit-maps-toggle').check();
  // On at once, waiting (faint) until the worker has weights to draw from.
  await expect(first.getByTestId('unit-map')).toHaveCount(1);
  await expect(first.getByTestId('unit-map')).toHaveClass(/is-waiting/);

  await page.getByTestId('train-step').click();
  await expect(first.getByTestId('unit-map')).not.toHaveClass(/is-waiting/);
  // The output neuron's map is the decision map itself: it gets none.
  await expect(nodeByLabel(page, 'L3.N0').getByTestId('unit-map')).toHaveCount(0);
  await expect(page.getByTestId('unit-map')).toHaveCount(32);
  // Zoomed out to fit, the cards are compact and each hidden neuron's map is drawn beside its
  // compact card, as tall as it; the full card's own map is the one hover shows.
  await expect(hidden.getByTestId('unit-map-compact')).toBeVisible();
  for (const map of [first.getByTestId('unit-map'), hidden.getByTestId('unit-map'), hidden.getByTestId('unit-map-compact')]) {
    await expect
      .poll(() => mapPixels(map), { message: 'a hidden unit heatmap is drawn and not uniform' })
      .toMatchObject({ opaque: 24 * 24 });
    const px = await mapPixels(map);
    expect(px.colours, 'many shades: a gradient over the plane').toBeGreaterThan(20);
    expect(px.spread, 'from dark to bright').toBeGreaterThan(150);
  }

  // Training changes the second layer's picture.
  const before = await hidden.getByTestId('unit-map').evaluate((el) => (el as HTMLCanvasElement).toDataURL());
  await startTraining(page);
  await expect
    .poll(() => hidden.getByTestId('unit-map').evaluate((el) => (el as HTMLCanvasElement).toDataURL()), { message: 'the map follows the training weights' })
    .not.toBe(before);
  await pauseTraining(page);

  // Hover enlarges a map.
  const map = first.getByTestId('unit-map');
  const small = (await map.boundingBox())!;
  await map.hover();
  await expect.poll(async () => (await map.boundingBox())!.width, { message: 'hover enlarges the map' }).toBeGreaterThan(small.width * 2);
  await page.screenshot({ path: shotPath(SHOTS, `unit-maps-hover-desktop.png`) });
  await page.mouse.move(5, 5);

  await page.screenshot({ path: shotPath(SHOTS, `unit-maps-desktop.png`) });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: shotPath(SHOTS, `unit-maps-tablet.png`) });

  // Off again: the maps go, and the worker stops sending them.
  await page.getByTestId('unit-maps-toggle').uncheck();
  await expect(page.getByTestId('unit-map')).toHaveCount(0);
});

test('unit maps on a network drawn as layers: a map per output on each hidden layer, none on the output layer', async ({ page }) => {
  await openTrainPanel(page);
  await page.getByTestId('dataset-select').selectOption('circles');
  await page.getByTestId('unit-maps-toggle').check();
  await page.getByLabel('Draw as').selectOption('layers');
  await page.getByTestId('insert-mlp').click();
  await page.getByTestId('train-step').click();
  // Two hidden layers of 16: on the full cards and, zoomed out, over the compact layers' units.
  await expect(page.getByTestId('unit-map-grid')).toHaveCount(2);
  await expect(page.getByTestId('unit-map')).toHaveCount(32);
  const compact = page.getByTestId('unit-map-compact');
  if ((await compact.count()) > 0) await expect(compact).toHaveCount(32);
  const px = await mapPixels(page.getByTestId('unit-map').nth(20));
  expect(px.opaque).toBe(24 * 24);
  expect(px.spread, 'a second-layer unit map is not uniform').toBeGreaterThan(100);
  await page.screenshot({ path: shotPath(SHOTS, `unit-maps-layers-desktop.png`) });
});
