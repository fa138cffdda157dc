import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { allNodes, nodeByLabel, toast } from './helpers/canvas';
import {
  boundaryPixels,
  datasetCounts,
  importCsv,
  insertDefaultMlp,
  lossOf,
  lrSlider,
  lrText,
  openTrainPanel,
  pauseTraining,
  percentOf,
  startTraining,
  stepCount,
  stepsPerSecond,
  toggle,
  waitForPlot,
  weightsOf,
} from './helpers/train';

/**
 * Training a drawn network in the browser: the dataset panel, Insert MLP, Train / Pause /
 * Reset, the live learning-rate slider, divergence, and the decision boundary. Every journey
 * starts on a fresh first visit, switches to Train mode and uses the mouse and keyboard.
 */

/** Polls fast: training moves quickly and the tests wait on it often. */
const FAST = { intervals: [100, 200] };

test('moons + Insert MLP + Train: 95 % train accuracy, a live steps/s, a two-coloured boundary', async ({ page }) => {
  await openTrainPanel(page);
  await page.getByTestId('dataset-select').selectOption('moons');
  await expect(page.getByTestId('dataset-select')).toHaveValue('moons');
  await expect(datasetCounts(page)).toHaveText('80 train · 20 test');
  await insertDefaultMlp(page);

  // Before any step the plot shows only the points: no heatmap yet, and it says so.
  const untrained = await waitForPlot(page);
  expect(untrained.pos, 'blue before training (points only)').toBeLessThan(untrained.total * 0.1);
  expect(untrained.neg, 'orange before training (points only)').toBeLessThan(untrained.total * 0.1);
  const hint = page.getByText('The background shows what the network predicts');
  await expect(hint).toBeVisible();
  await expect(page.getByTestId('train-accuracy')).toHaveText('—');

  const started = Date.now();
  await startTraining(page);
  const status = page.getByTestId('train-status');
  await expect(status).toContainText(/steps\/s/);
  await expect.poll(() => stepsPerSecond(page), { message: 'steps per second while running', ...FAST }).toBeGreaterThan(0);
  await expect(status).toContainText('lr 0.1');

  const trainAccuracy = page.getByTestId('train-accuracy');
  await expect
    .poll(() => percentOf(trainAccuracy), { message: 'train accuracy reaches 95 % within 20 s', timeout: Math.max(1000, 20_000 - (Date.now() - started)), ...FAST })
    .toBeGreaterThanOrEqual(0.95);
  await expect(toggle(page), 'still running').toHaveText(/Pause/);
  expect(await stepsPerSecond(page)).toBeGreaterThan(0);
  await expect(page.getByTestId('test-accuracy')).toHaveText(/^\d+\.\d %$/);
  // A network that classifies 95 % right has a finite hinge loss well under 1 (∞ or NaN would fail here).
  const loss = await lossOf(page);
  expect(Number.isFinite(loss), `loss ${loss} is a number`).toBe(true);
  expect(loss).toBeGreaterThanOrEqual(0);
  expect(loss).toBeLessThan(1);

  // The boundary has been drawn: the hint went away and the heatmap covers the plot in both colours.
  await expect(hint).toBeHidden();
  await expect
    .poll(
      async () => {
        const px = await boundaryPixels(page);
        return { blue: px.pos / px.total >= 0.2, orange: px.neg / px.total >= 0.2, covered: (px.pos + px.neg) / px.total >= 0.6 };
      },
      { message: 'the heatmap covers the plot, each class colour on at least a fifth of it', ...FAST },
    )
    .toEqual({ blue: true, orange: true, covered: true });

  await pauseTraining(page);
  await expect(page.getByTestId('steps-per-second')).toHaveText('0');
  await expect(page.getByTestId('train-message')).toHaveCount(0);
});

test('the learning-rate slider changes the rate mid-run, without pausing', async ({ page }) => {
  await openTrainPanel(page);
  await insertDefaultMlp(page);
  await expect(page.getByTestId('lr-value')).toHaveText('0.1');
  await startTraining(page);
  const status = page.getByTestId('train-status');
  await expect(status).toContainText(/lr 0\.1$/);

  // A click in the middle of the log-scale track is 10^-1, the rate it already has; then the keyboard.
  const slider = lrSlider(page);
  await slider.click();
  await expect(slider).toBeFocused();
  await expect(page.getByTestId('lr-value')).toHaveText('0.1');

  // Page Up / Page Down move a range input by a tenth of its track: 0.4 decades here.
  for (const [key, presses, moved] of [
    ['PageUp', 1, (lr: number) => lr > 0.2 && lr < 0.3],
    ['PageDown', 2, (lr: number) => lr > 0.03 && lr < 0.05],
  ] as const) {
    const stepBefore = await stepCount(page);
    for (let i = 0; i < presses; i++) await page.keyboard.press(key);
    const lr = await lrText(page);
    expect(moved(Number(lr)), `${key} ×${presses} moved the rate (now ${lr})`).toBe(true);
    await expect(slider).toHaveValue(String(Number(Math.log10(Number(lr)).toFixed(2))));
    // The status line prints the rate the worker used: it follows, with no pause and no reload.
    await expect(status).toContainText(new RegExp(`lr ${lr.replace('.', '\\.')}$`));
    await expect(toggle(page)).toHaveText(/Pause/);
    await expect(page.getByTestId('train-message')).toHaveCount(0);
    await expect.poll(() => stepCount(page), { message: 'the run goes on', ...FAST }).toBeGreaterThan(stepBefore + 20);
    expect(await stepsPerSecond(page)).toBeGreaterThan(0);
  }
  await pauseTraining(page);
});

test('a learning rate of 10 diverges: a message names the rate, training pauses, the weights stay finite', async ({ page }) => {
  await openTrainPanel(page);
  await insertDefaultMlp(page);

  const slider = lrSlider(page);
  await slider.click();
  await page.keyboard.press('End');
  await expect(page.getByTestId('lr-value')).toHaveText('10');
  await expect(slider).toHaveValue('1');

  await toggle(page).click();
  const message = page.getByTestId('train-message');
  await expect(message).toBeVisible();
  await expect(message).toContainText(/learning rate/i);
  await expect(message).toHaveAttribute('role', 'alert');
  await expect(toggle(page)).toHaveText(/Train/);
  await expect(page.getByTestId('steps-per-second')).toHaveText('0');
  await expect(page.getByTestId('train-status')).not.toContainText(/lr /);
  await expect(toast(page)).toContainText(/learning rate/i);

  // The weights went back to the last good step: finite numbers, on the curve and in the drawing.
  expect(Number.isFinite(await lossOf(page)), 'the loss readout is a finite number').toBe(true);
  for (const label of ['L1.N0', 'L2.N7', 'L3.N0']) {
    const weights = await weightsOf(nodeByLabel(page, label));
    expect(weights.length).toBeGreaterThan(0);
    expect(weights.every(Number.isFinite), `${label}'s weights are finite: ${weights.join(', ')}`).toBe(true);
  }
});

test('Pause writes the trained weights into the drawing as one undo step', async ({ page }) => {
  await openTrainPanel(page);
  await insertDefaultMlp(page);
  const neuron = nodeByLabel(page, 'L1.N0');
  const untrained = await weightsOf(neuron);
  expect(untrained).toHaveLength(2);
  const nodes = await allNodes(page).count();

  await startTraining(page);
  await expect.poll(() => stepCount(page), FAST).toBeGreaterThan(50);
  // While it runs, the drawing keeps the weights it had: they are written on Pause.
  expect(await weightsOf(neuron)).toEqual(untrained);
  await pauseTraining(page);
  await expect.poll(() => weightsOf(neuron), { message: 'the trained weights reach the card' }).not.toEqual(untrained);
  const trained = await weightsOf(neuron);

  // Focus is on the Train button, not in a text field: Ctrl+Z is the editor's undo.
  await expect(toggle(page)).toBeFocused();
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => weightsOf(neuron), { message: 'one undo brings back the untrained weights' }).toEqual(untrained);
  await expect(allNodes(page), 'the undo took back the training only, not the MLP').toHaveCount(nodes);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect.poll(() => weightsOf(neuron), { message: 'redo brings back the trained weights' }).toEqual(trained);
});

test('the dataset panel: another dataset, clicked points, a refused and an accepted CSV', async ({ page }) => {
  await openTrainPanel(page);
  const select = page.getByTestId('dataset-select');
  await expect(select).toHaveValue('moons');
  await expect(datasetCounts(page)).toHaveText('80 train · 20 test');
  const moons = await waitForPlot(page);

  // Circles: a new shape (same size), a new hint, a new picture.
  await select.selectOption('circles');
  await expect(select).toHaveValue('circles');
  await expect(page.getByTestId('dataset-panel')).toContainText('A ring around a disc');
  await expect(datasetCounts(page)).toHaveText('80 train · 20 test');
  await expect.poll(async () => (await boundaryPixels(page)).hash, { message: 'the plot redraws circles' }).not.toBe(moons.hash);
  await expect.poll(async () => (await boundaryPixels(page)).neg, { message: 'circles are drawn' }).toBeGreaterThan(0);
  const circles = await boundaryPixels(page);

  // A click on the plot with class +1 adds a training point there.
  await page.getByTestId('add-class-pos').click();
  await expect(page.getByTestId('add-class-pos')).toHaveAttribute('aria-checked', 'true');
  const plot = page.getByTestId('data-plot');
  const box = (await plot.boundingBox())!;
  await plot.click({ position: { x: box.width * 0.3, y: box.height * 0.3 } });
  await expect(datasetCounts(page)).toHaveText('81 train · 20 test (1 added)');
  await expect.poll(async () => (await boundaryPixels(page)).hash, { message: 'the added point is drawn' }).not.toBe(circles.hash);
  const clear = page.getByTestId('clear-added');
  await expect(clear).toBeEnabled();
  await clear.click();
  await expect(datasetCounts(page)).toHaveText('80 train · 20 test');
  await expect(clear).toBeDisabled();
  await expect.poll(async () => (await boundaryPixels(page)).hash, { message: 'the added point is gone' }).toBe(circles.hash);

  // A file that is not x1,x2,label rows: an error toast, and nothing changes.
  await importCsv(page, 'garbage.csv', 'GIF89a\u0001\u0000 not a csv at all;;;\n\u00ff\u00fe{"x": [1, 2]}\n');
  await expect(toast(page)).toContainText('Could not import “garbage.csv”');
  await expect(toast(page)).toContainText('expected 3 columns (x1,x2,label)');
  await expect(toast(page)).toContainText('Nothing was changed');
  await expect(toast(page)).toHaveClass(/toast--error/);
  await expect(select).toHaveValue('circles');
  await expect(datasetCounts(page)).toHaveText('80 train · 20 test');
  await expect(page.getByTestId('use-generator')).toHaveCount(0);
  expect((await boundaryPixels(page)).hash, 'the plot is unchanged').toBe(circles.hash);

  // A good file replaces the points: ten of them, two held out.
  const rows = [
    'x1,x2,label',
    '-1.0,-1.0,0',
    '-0.8,-1.2,0',
    '-1.2,-0.7,0',
    '-0.9,-0.9,0',
    '-1.1,-1.1,0',
    '1.0,1.0,1',
    '0.8,1.2,1',
    '1.2,0.7,1',
    '0.9,0.9,1',
    '1.1,1.1,1',
  ];
  await importCsv(page, 'two-clusters.csv', `${rows.join('\n')}\n`);
  await expect(toast(page)).toContainText('Imported 10 points from “two-clusters.csv”');
  await expect(datasetCounts(page)).toHaveText('8 train · 2 test');
  await expect(select.locator('option:checked')).toHaveText('CSV: two-clusters.csv');
  await expect(page.getByTestId('dataset-panel')).toContainText('10 points imported from “two-clusters.csv”');
  await expect.poll(async () => (await boundaryPixels(page)).hash, { message: 'the plot shows the imported points' }).not.toBe(circles.hash);

  // And back to the generator.
  await page.getByTestId('use-generator').click();
  await expect(select).toHaveValue('circles');
  await expect(datasetCounts(page)).toHaveText('80 train · 20 test');
});

/** How many points a chart curve is drawn through (its path's M/L commands); 0 when not drawn. */
function curvePoints(page: Page, curve: 'loss' | 'train'): Promise<number> {
  return page.evaluate((name) => {
    const d = document.querySelector(`[data-testid="training-charts"] path.tr-line--${name}`)?.getAttribute('d') ?? '';
    return (d.match(/[ML]/g) ?? []).length;
  }, curve);
}

test.describe('Reset', () => {
  for (const when of ['after a pause', 'while running'] as const) {
    test(`${when}: the step count goes back to 0, the curves start over, the weights are re-initialised`, async ({ page }) => {
      await openTrainPanel(page);
      await insertDefaultMlp(page);
      const neuron = nodeByLabel(page, 'L1.N0');
      const inserted = await weightsOf(neuron);
      await startTraining(page);
      await expect.poll(() => stepCount(page), FAST).toBeGreaterThan(50);
      await expect.poll(() => curvePoints(page, 'loss'), FAST).toBeGreaterThan(10);
      if (when === 'after a pause') {
        await pauseTraining(page);
        await expect(page.getByTestId('train-message')).toHaveCount(0);
      }
      const trained = await weightsOf(neuron);

      await page.getByTestId('train-reset').click();
      await expect(toggle(page)).toHaveText(/Train/);
      await expect(page.getByTestId('train-step-count')).toHaveText('0');
      await expect(page.getByTestId('steps-per-second')).toHaveText('0');
      // At most the starting point is left on each curve.
      await expect.poll(() => curvePoints(page, 'loss'), { message: 'the loss curve starts over: no point of the old run is left' }).toBeLessThanOrEqual(1);
      await expect.poll(() => curvePoints(page, 'train'), { message: 'the accuracy curve starts over: no point of the old run is left' }).toBeLessThanOrEqual(1);
      // Fresh weights from the setup's seed, micrograd's init; Insert MLP drew its network from the
      // same seed (1337 in both), so Reset brings back exactly the network as inserted.
      if (when === 'after a pause') expect(trained, 'Pause wrote trained weights').not.toEqual(inserted);
      await expect.poll(() => weightsOf(neuron), { message: 'Reset re-initialises the weights from the seed' }).toEqual(inserted);
      const fresh = await weightsOf(neuron);
      await expect(page.getByTestId('train-step-count')).toHaveText('0');

      // Step once: the run starts again from the fresh weights, at step 1.
      await page.getByTestId('train-step').click();
      await expect(page.getByTestId('train-step-count')).toHaveText('1');
      await expect.poll(() => curvePoints(page, 'loss')).toBe(2);
      await expect.poll(() => weightsOf(neuron), { message: 'one step moves the fresh weights' }).not.toEqual(fresh);
    });
  }
});
