import { expect, test } from './fixtures';
import { classPixelCounts } from './helpers/classPixels';
import { datasetCounts, lrSlider, openTrainPanel, percentOf, startTraining } from './helpers/train';
import { shotPath } from './helpers/shots';

const SHOTS = 'classes13';
const FAST = { intervals: [100, 200] };
const THREE = ['--pos', '--neg', '--class-2'] as const;

/**
 * More than two classes, as a person gets there: pick the spiral, ask for 3 arms, take the
 * offered softmax network, train, and read the accuracy and the three-coloured map.
 */
test('3-arm spiral: the offered MLP(2, [16, 16, 3]) with softmax trains to 95 % and the map shows 3 colours', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openTrainPanel(page);
  await page.getByTestId('dataset-select').selectOption('spiral');
  await expect(page.getByTestId('dataset-classes-2')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('dataset-classes-3').click();
  await expect(page.getByTestId('dataset-classes-3')).toHaveAttribute('aria-checked', 'true');
  await expect(datasetCounts(page)).toHaveText('160 train · 40 test');
  // Three colours of points and three "add" choices.
  await expect(page.getByTestId('class-legend')).toContainText('2');
  await expect(page.getByTestId('add-class-2')).toBeVisible();

  // The drawn network (the default, one score) cannot learn 3 classes: the panel says so and offers the fix.
  const misfit = page.getByTestId('classes-misfit');
  await expect(misfit).toContainText('3 classes');
  await page.getByTestId('use-softmax-network').click();
  await expect(misfit).toHaveCount(0);
  await page.screenshot({ path: shotPath(SHOTS, `spiral3-before.png`) });

  // Full-batch steps at lr ≈ 0.25 (one Page Up from 0.1): the spiral needs a few thousand.
  const slider = lrSlider(page);
  await slider.click();
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('lr-value')).toHaveText(/^0\.2/);

  await startTraining(page);
  await expect
    .poll(() => percentOf(page.getByTestId('train-accuracy')), { message: 'train accuracy reaches 95 %', timeout: 90_000, ...FAST })
    .toBeGreaterThanOrEqual(0.95);
  await page.getByTestId('train-toggle').click();

  const { counts, total } = await classPixelCounts(page, THREE);
  for (const [j, n] of counts.entries()) expect(n, `pixels of class ${j}'s colour`).toBeGreaterThan(total * 0.05);
  await page.screenshot({ path: shotPath(SHOTS, `spiral3-trained-desktop.png`) });
  await page.getByTestId('data-plot').screenshot({ path: shotPath(SHOTS, `spiral3-map.png`) });
  await page.getByTestId('dataset-panel').screenshot({ path: shotPath(SHOTS, `spiral3-data-panel.png`) });

  // The light theme has its own class colours: all three still show on the map.
  await page.getByRole('button', { name: /Light \/ dark theme/ }).first().click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect
    .poll(async () => Math.min(...(await classPixelCounts(page, THREE)).counts) / total, { message: 'three colours in the light theme', ...FAST })
    .toBeGreaterThan(0.05);
  await page.getByTestId('data-plot').screenshot({ path: shotPath(SHOTS, `spiral3-map-light.png`) });
  for (const [name, size] of [['tablet', { width: 1024, height: 768 }], ['phone', { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: shotPath(SHOTS, `spiral3-trained-${name}.png`), fullPage: true });
  }
});
