import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { insertDefaultMlp, lossOf, openTrainPanel, pauseTraining, startTraining, stepCount, toggle } from './helpers/train';
import { shotPath } from './helpers/shots';

/**
 * Optimisers as things to look at: train the moons network with SGD, switch to Adam in the
 * Train panel while it runs, watch the optimiser panel's m and √v appear and change while the
 * loss keeps falling, and see β1 = 1 refused in its field with the reason.
 */

const SHOTS = 'optim13';
const FAST = { intervals: [100, 200] };

function firstCell(page: Page, testId: string): Locator {
  return page.getByTestId('optimiser-table').getByTestId(testId).first();
}

async function numberIn(cell: Locator): Promise<number> {
  return Number(((await cell.textContent()) ?? '').trim().replace('\u2212', '-'));
}

test('switch SGD → Adam mid-run: the state panel shows m and √v, live, and the loss keeps falling; β1 = 1 is refused', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openTrainPanel(page);
  await insertDefaultMlp(page);
  const select = page.getByTestId('optimiser-select');
  await expect(select).toHaveValue('sgd');
  // At full speed a fast machine takes SGD to the loss floor before the switch, where no
  // optimiser can make it fall by a fifth more; at 30 steps/s the switch comes while it still falls.
  await page.getByTestId('speed-slider').fill('4');
  await expect(page.getByTestId('speed-value')).toHaveText('30 steps/s');

  await startTraining(page);
  await expect.poll(() => stepCount(page), { message: 'SGD is training', ...FAST }).toBeGreaterThan(30);
  const table = page.getByTestId('optimiser-table');
  await expect(page.getByTestId('optimiser-caption')).toContainText('largest |grad|');
  await expect(page.getByTestId('optimiser-caption')).toContainText('SGD');
  await expect(table.getByTestId('optimiser-row')).toHaveCount(10);
  // Plain SGD keeps nothing per parameter: no m or √v columns.
  await expect(table.getByTestId('optimiser-m')).toHaveCount(0);

  await select.selectOption('adam');
  await expect(page.getByTestId('optimiser-caption')).toContainText('Adam');
  await expect(firstCell(page, 'optimiser-sqrtv')).toBeVisible();
  const lossAtSwitch = await lossOf(page);
  const sqrtV = await numberIn(firstCell(page, 'optimiser-sqrtv'));
  const m = await page.getByTestId('optimiser-table').getByTestId('optimiser-m').allTextContents();
  expect(Number.isFinite(sqrtV), 'a number under √v').toBe(true);
  await expect
    .poll(async () => (await page.getByTestId('optimiser-table').getByTestId('optimiser-m').allTextContents()).join('|'), { message: 'm updates live', ...FAST })
    .not.toBe(m.join('|'));
  await expect.poll(() => lossOf(page), { message: 'Adam keeps the loss falling', timeout: 15_000, ...FAST }).toBeLessThan(lossAtSwitch * 0.8);
  await expect(toggle(page)).toHaveText(/Pause/);
  await page.screenshot({ path: shotPath(SHOTS, `adam-desktop.png`) });

  // β1 = 1 is refused in the field, with the reason; training goes on with the last good β1.
  const beta1 = page.getByTestId('optimiser-beta1');
  await beta1.fill('1');
  await expect(beta1).toHaveAttribute('aria-invalid', 'true');
  const error = page.getByTestId('optimiser-beta1-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('must be below 1');
  await expect(error).toContainText('still 0.9');
  const t = await stepCount(page);
  await expect.poll(() => stepCount(page), { message: 'training carries on', ...FAST }).toBeGreaterThan(t + 20);
  await error.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath(SHOTS, `beta1-refused-desktop.png`) });

  // A good value clears the reason.
  await beta1.fill('0.8');
  await expect(error).toHaveCount(0);
  await pauseTraining(page);

  for (const [name, size] of [
    ['tablet', { width: 1024, height: 768 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.getByTestId('optimiser-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shotPath(SHOTS, `optimiser-${name}.png`) });
  }
});

