import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { backwardStatus, fourDecimalsText, trueMinus } from './helpers/backward';
import { allNodes, cardsOverlap, IDENTITY_VIEW, nodeByLabel, waitForLayout } from './helpers/canvas';
import { lossOf, modeButton, percentOf, stepCount } from './helpers/train';

/**
 * The learner's path through the lecture: from a fresh first visit, every result the lecture
 * shows is at most three clicks away. Each journey counts its clicks (only through
 * {@link Clicks}) and reads the lecture's number off the screen.
 */

// Backward passes animate at the speed a person watches them; on a busy machine that is slow.
test.beforeEach(() => test.slow());

/** How long a watched pass (or a run) may take to land on a busy machine. */
const LANDS = { timeout: 90_000 };

/** The most clicks a lecture result may take from a fresh load. */
const MAX_CLICKS = 3;

/** Every click of a journey goes through here, so the count is the count a person makes. */
class Clicks {
  count = 0;
  constructor(private readonly page: Page) {}

  /** Clicks what a person would click. */
  async on(target: Locator): Promise<void> {
    this.count += 1;
    await target.click();
  }

  /** Picks an example: two clicks (the menu, then the example). */
  async example(id: string): Promise<void> {
    await this.on(this.page.getByTestId('examples-menu'));
    await this.on(this.page.getByTestId(`preset-${id}`));
  }

  /** Records the count on the test (the report lists it) and checks it is within the limit. */
  done(result: string): void {
    test.info().annotations.push({ type: 'clicks', description: `${result}: ${this.count}` });
    expect(this.count, `clicks to ${result}`).toBeLessThanOrEqual(MAX_CLICKS);
  }
}

/** A fresh first visit: the lecture's L laid out and fitted; the welcome strip stays open. */
async function freshLoad(page: Page): Promise<Clicks> {
  await page.goto('./');
  await expect(allNodes(page)).toHaveCount(7);
  await waitForLayout(page, IDENTITY_VIEW);
  await expect(page.getByTestId('welcome')).toBeVisible();
  return new Clicks(page);
}

/** A card's data as printed: four decimals, a true minus sign. */
function data(page: Page, label: string): Locator {
  return nodeByLabel(page, label).getByTestId('node-data');
}

/** A card's grad as printed. */
function grad(page: Page, label: string): Locator {
  return nodeByLabel(page, label).getByTestId('node-grad');
}

/** The Backward action: the primary button in the Backward panel. */
function backwardAction(page: Page): Locator {
  return page.getByTestId('backward-panel').locator('[data-action="backward"]');
}

/** Waits for an example to land: its cards on the canvas, laid out and fitted. */
async function landed(page: Page, nodes: number): Promise<void> {
  await expect(allNodes(page)).toHaveCount(nodes);
  await expect(page.locator('.canvas-area[data-arranging]')).toHaveCount(0);
}

test.describe('every lecture result within three clicks of a fresh load', () => {
  test('f(x) = 3x² − 4x + 5: f is 20.0 at x = 3, and the slope there is 14', async ({ page }) => {
    const clicks = await freshLoad(page);
    await clicks.example('quadratic');
    await landed(page, 9);
    // The example lands in Backward mode, the welcome strip gone, the cards apart.
    await expect(modeButton(page, 'Backward')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('welcome')).toHaveCount(0);
    expect(await cardsOverlap(page)).toEqual([]);
    await expect(data(page, 'f')).toHaveText(fourDecimalsText(20));
    await clicks.on(backwardAction(page));
    await expect(grad(page, 'x')).toHaveText(fourDecimalsText(14), LANDS);
    clicks.done('20.0 and slope 14');
  });

  test('d = a*b + c is 4.0', async ({ page }) => {
    const clicks = await freshLoad(page);
    await clicks.example('d-equals-ab-plus-c');
    await landed(page, 5);
    await expect(data(page, 'd')).toHaveText(fourDecimalsText(4));
    clicks.done('d 4.0');
  });

  test('L = (a*b + c) * f is −8.0, and Backward gives a 6, b −4, c −2, f 4', async ({ page }) => {
    const clicks = await freshLoad(page);
    await expect(data(page, 'L')).toHaveText(fourDecimalsText(-8));
    await clicks.on(modeButton(page, 'Backward'));
    await clicks.on(backwardAction(page));
    for (const [label, g] of [['a', 6], ['b', -4], ['c', -2], ['f', 4]] as const) {
      await expect(grad(page, label), `${label}.grad`).toHaveText(fourDecimalsText(g), LANDS);
    }
    clicks.done('L -8.0 and grads 6/-4/-2/4');
  });

  test('one step up the gradient takes L from −8.0 to −7.286496', async ({ page }) => {
    const clicks = await freshLoad(page);
    await clicks.on(modeButton(page, 'Backward'));
    await clicks.on(backwardAction(page));
    await expect(backwardStatus(page)).toHaveText('1 backward pass since the last Zero grad.', LANDS);
    // Step leaves is open with the lecture's step (lr 0.01, ascend).
    await expect(page.getByTestId('nudge-lr')).toHaveValue('0.01');
    await clicks.on(page.getByTestId('nudge-button'));
    await expect(page.getByTestId('nudge-result')).toHaveText(trueMinus('L: -8.0 → -7.286496'));
    await expect(data(page, 'L')).toHaveText(fourDecimalsText(-7.286496));
    clicks.done('-7.286496 after the nudge');
  });

  test('the tanh neuron: o is 0.7071, and the grads are x1 −1.5, w1 1, x2 0.5, w2 0', async ({ page }) => {
    const clicks = await freshLoad(page);
    await clicks.example('tanh-neuron');
    await landed(page, 10);
    expect(await cardsOverlap(page)).toEqual([]);
    await expect(data(page, 'o')).toHaveText(fourDecimalsText(0.7071));
    await clicks.on(backwardAction(page));
    for (const [label, g] of [['x1', -1.5], ['w1', 1], ['x2', 0.5], ['w2', 0]] as const) {
      await expect(grad(page, label), `${label}.grad`).toHaveText(fourDecimalsText(g), LANDS);
    }
    clicks.done('o 0.7071 and grads -1.5/1/0.5/0');
  });

  test('b = a + a: both uses of a add up, a.grad is 2', async ({ page }) => {
    const clicks = await freshLoad(page);
    await clicks.example('node-used-twice');
    await landed(page, 2);
    await clicks.on(backwardAction(page));
    await expect(grad(page, 'a')).toHaveText(fourDecimalsText(2), LANDS);
    clicks.done('a+a → 2');
  });

  test('MLP(3, [4, 4, 1]) has 41 parameters', async ({ page }) => {
    const clicks = await freshLoad(page);
    await expect(page.getByTestId('parameter-count')).toHaveCount(0);
    await clicks.example('mlp-forward');
    await expect(page.getByTestId('parameter-count-value')).toHaveText('41');
    await expect(page.getByTestId('parameter-count')).toContainText('41 parameters');
    clicks.done('41 parameters');
  });

  test("micrograd's README example: g is 24.7041, a.grad 138.8338, b.grad 645.5773", async ({ page }) => {
    const clicks = await freshLoad(page);
    await clicks.example('micrograd-readme');
    await expect(data(page, 'g')).toHaveText(fourDecimalsText(24.7041));
    await landed(page, await allNodes(page).count());
    expect(await cardsOverlap(page)).toEqual([]);
    await clicks.on(backwardAction(page));
    await expect(grad(page, 'a')).toHaveText(fourDecimalsText(138.8338), LANDS);
    await expect(grad(page, 'b')).toHaveText(fourDecimalsText(645.5773));
    clicks.done('README 24.7041/138.8338/645.5773');
  });

  test('Lecture: tiny MLP: twenty steps take the loss from above 4 to under 0.5, the step counter at 20', async ({ page }) => {
    const clicks = await freshLoad(page);
    await clicks.example('tiny-mlp');
    await expect(modeButton(page, 'Train')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('parameter-count-value')).toHaveText('41');
    await expect(page.getByTestId('train-step-count')).toHaveText('0');
    await clicks.on(page.getByTestId('train-run-20'));
    await expect.poll(() => stepCount(page), { message: 'the step counter reaches 20' }).toBe(20);
    // The loss readout is the loss of the weights the 20 steps leave (the lecture's last print, 0.4884, is
    // the step before; e2e/trainPace.spec.ts checks the loss card agrees).
    await expect.poll(() => lossOf(page)).toBeLessThan(0.5);
    expect(await lossOf(page)).toBeGreaterThan(0.4);
    // It fell from the first step's loss, above 4, printed under it.
    const from = ((await page.getByTestId('train-loss-from').textContent()) ?? '').replace('from', '').trim();
    expect(Number(from)).toBeGreaterThan(4);
    clicks.done('tiny MLP loss falling over 20 steps');
  });

  test('the moons demo: Insert MLP and Train reach 100 % train accuracy', async ({ page }) => {
    const clicks = await freshLoad(page);
    await clicks.on(modeButton(page, 'Train'));
    await clicks.on(page.getByTestId('insert-mlp'));
    await expect(page.getByTestId('parameter-count-value')).toHaveText('337');
    await clicks.on(page.getByTestId('train-toggle'));
    await expect
      .poll(() => percentOf(page.getByTestId('train-accuracy')), { message: 'train accuracy reaches 100 %', timeout: 90_000, intervals: [100, 200] })
      .toBe(1);
    clicks.done('moons to 100 %');
  });
});

test.describe('Train as the lecture does', () => {
  test('a network whose inputs do not match the dataset is refused with the reason; switching dataset resets the step counter', async ({ page }) => {
    const clicks = await freshLoad(page);
    await clicks.example('tiny-mlp');
    await page.getByTestId('train-step').click();
    await expect.poll(() => stepCount(page)).toBe(1);
    // Moons has two features; the lecture's network reads three.
    await page.getByTestId('dataset-select').selectOption('moons');
    await expect(page.getByTestId('train-step-count')).toHaveText('0');
    await page.getByTestId('train-toggle').click();
    await expect(page.getByTestId('train-message')).toContainText('The network reads feature x3, but the dataset has only 2 features');
    await expect(page.getByTestId('train-step-count')).toHaveText('0');
  });

  test('while training, the status line shows the slider’s rate, never lr 0', async ({ page }) => {
    const clicks = await freshLoad(page);
    await clicks.on(modeButton(page, 'Train'));
    await clicks.on(page.getByTestId('insert-mlp'));
    await expect(page.getByTestId('lr-value')).toHaveText('0.1');
    const seen: string[] = [];
    const status = page.getByTestId('train-status');
    await page.getByTestId('train-toggle').click();
    // Read the line as often as the page lets us until the worker has reported steps.
    await expect
      .poll(async () => {
        seen.push((await status.textContent()) ?? '');
        return stepCount(page);
      }, { intervals: [0] })
      .toBeGreaterThan(50);
    expect(seen.filter((text) => /lr 0(?![.\d])/.test(text))).toEqual([]);
    await expect(status).toContainText('lr 0.1');
  });
});

test('File → New empties the canvas as one undo step; Undo brings the graph back', async ({ page }) => {
  await freshLoad(page);
  await page.getByTestId('file-menu').click();
  await page.getByRole('menuitem', { name: 'New (empty canvas)' }).click();
  await expect(allNodes(page)).toHaveCount(0);
  await expect(page.getByTestId('welcome-canvas')).toContainText('The canvas is empty');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(allNodes(page)).toHaveCount(7);
  await expect(data(page, 'L')).toHaveText(fourDecimalsText(-8));
});
