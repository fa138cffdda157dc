import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dataOf, drag, grip, idOf, nodeByLabel, openPlayground, settle, toast, viewportTransform } from './helpers/canvas';
import {
  actionButton,
  backwardPanel,
  backwardStatus,
  backwardView,
  badgeOf,
  emptySpot,
  enterBackwardMode,
  expectOverlayToMove,
  fourDecimals,
  fourDecimalsText,
  gradOf,
  gradRow,
  loadPreset,
  overlayFrame,
  ringAround,
  stepInStatus,
  trueMinus,
} from './helpers/backward';

/**
 * Backward mode: watching a pass flow back through the lecture's L = (a*b + c) * f, stepping
 * it node by node with the chain rule, the nudge, the gradient check, the accumulation bug,
 * the animation's transport, and the derivative explorer. Real clicks and keys throughout.
 */

/** The lecture's numbers for L = (a*b + c) * f at a = 2, b = -3, c = 10, f = -2. */
const LECTURE_GRADS = { L: 1, f: 4, d: -2, e: -2, c: -2, a: 6, b: -4 } as const;
const LEAVES = ['a', 'b', 'c', 'f'] as const;
const ALL = ['L', 'f', 'd', 'c', 'e', 'b', 'a'] as const;

const IDLE_STATUS = /Grads are all 0 until a backward pass/;
const ONE_PASS = '1 backward pass since the last Zero grad.';
const RUNNING = /^Pass \d+ · step \d+ of 7/;

/** Opens the first-visit graph (the lecture's L) in Backward mode, with no grads yet. */
async function openLectureInBackwardMode(page: Page): Promise<void> {
  await openPlayground(page);
  await enterBackwardMode(page);
  await expect(backwardStatus(page)).toHaveText(IDLE_STATUS);
}

/** The grads every card should show after `times` passes without Zero grad, by label. */
function lectureGrads(times = 1): { grads: Record<string, number>; printed: Record<string, string> } {
  const grads: Record<string, number> = {};
  const printed: Record<string, string> = {};
  for (const label of ALL) {
    // Leaves add up over passes; the ops are rebuilt by each forward pass and hold one pass's grad.
    const leaf = (LEAVES as readonly string[]).includes(label);
    grads[label] = LECTURE_GRADS[label] * (leaf ? times : 1);
    printed[label] = fourDecimals(grads[label]);
  }
  return { grads, printed };
}

/** Every card shows the lecture's grads, to full precision (data-value) and to four decimals. */
async function expectLectureGrads(page: Page, times = 1): Promise<void> {
  await expect
    .poll(async () => {
      const { grads, printed } = await backwardView(page);
      return { grads, printed };
    }, { message: `the cards show the grads of ${times} pass(es)` })
    .toEqual(lectureGrads(times));
}

/** Every card's grad is 0. */
async function expectZeroGrads(page: Page): Promise<void> {
  const zero = Object.fromEntries(ALL.map((l) => [l, 0]));
  await expect.poll(async () => (await backwardView(page)).grads, { message: 'every grad is 0' }).toEqual(zero);
}

test.describe('watching a backward pass', () => {
  test('Backward animates the pass on the overlay, badges the order, and lands the lecture’s grads by itself', async ({ page }) => {
    await openLectureInBackwardMode(page);
    await expectZeroGrads(page);
    await expect(page.getByTestId('backward-badge')).toHaveCount(0);

    // The idle overlay: only the soft halo around the output.
    await expect.poll(async () => (await overlayFrame(page)).drawn, { message: 'the overlay draws the output halo (read back with drawImage: the overlay must keep its drawing buffer)' }).toBeGreaterThan(0);
    await settle(page);
    const idle = await overlayFrame(page);

    await actionButton(page, 'backward').click();
    await expect(backwardStatus(page)).toHaveText(RUNNING);

    // While a step is in progress the pulses move: two different frames, neither the idle one.
    await expectOverlayToMove(page, idle.hash, RUNNING);

    // The badges give micrograd's reverse topological order, the output first; the panel lists
    // the same order; a node whose turn has not come yet still shows grad 0. (One read: one instant.)
    const mid = await backwardView(page);
    const rank = mid.ranks;
    expect(rank.L).toBe(1);
    expect(Object.values(rank).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const [user, input] of [['L', 'd'], ['L', 'f'], ['d', 'e'], ['d', 'c'], ['e', 'a'], ['e', 'b']] as const) {
      expect(rank[user]!, `${user} comes before ${input}, which it uses`).toBeLessThan(rank[input]!);
    }
    const byRank = [...ALL].sort((p, q) => rank[p]! - rank[q]!);
    expect(mid.order.map((o) => o.name)).toEqual(byRank);
    const stepNow = stepInStatus(mid.status);
    // Else the check below would check nothing: the view must be read while the pass runs.
    expect(stepNow, `read mid-pass (status '${mid.status}')`).toBeGreaterThan(0);
    for (const label of ALL) {
      if (stepNow > 0 && rank[label]! > stepNow) expect(mid.grads[label], `${label} has no grad before its step`).toBe(0);
    }

    // Nobody touches anything: the pass plays to the end by itself.
    await expect(backwardStatus(page)).toHaveText(ONE_PASS, { timeout: 20_000 });
    await expectLectureGrads(page);
    const end = await backwardView(page);
    expect(end.order).toEqual(byRank.map((name) => ({ name, grad: trueMinus(LECTURE_GRADS[name].toFixed(1)), done: true })));
    // The badges stay to read the order; the pulses and glows are gone: back to the idle frame.
    expect(end.ranks).toEqual(rank);
    await expect.poll(async () => (await overlayFrame(page)).hash, { message: 'the overlay goes back to its idle frame' }).toBe(idle.hash);
    await expect(page.getByTestId('accumulation-notice')).toHaveCount(0);
  });

  test('Step walks the pass node by node, with the chain rule of each step', async ({ page }) => {
    await openLectureInBackwardMode(page);
    const equation = page.getByTestId('chain-rule-equation');
    const steps: [label: keyof typeof LECTURE_GRADS, equation: string][] = [
      ['L', 'dL/dL = 1.0'],
      ['f', 'dL/df = dL/dL * dL/df = 1.0 * 4.0 = 4.0'],
      ['d', 'dL/dd = dL/dL * dL/dd = 1.0 * -2.0 = -2.0'],
      ['c', 'dL/dc = dL/dd * dd/dc = -2.0 * 1.0 = -2.0'],
      ['e', 'dL/de = dL/dd * dd/de = -2.0 * 1.0 = -2.0'],
      ['b', 'dL/db = dL/de * de/db = -2.0 * 2.0 = -4.0'],
      ['a', 'dL/da = dL/de * de/da = -2.0 * -3.0 = 6.0'],
    ];
    for (const [i, [label, text]] of steps.entries()) {
      // The first step with the button, the rest with the 's' shortcut.
      if (i === 0) await actionButton(page, 'stepBackward').click();
      else await page.keyboard.press('s');
      await expect(equation, `step ${i + 1}`).toHaveText(trueMinus(text));
      await expect(badgeOf(page, label)).toHaveAttribute('data-rank', String(i + 1));
      // The step's contribution travels and lands: the card has its grad, the list marks the
      // step done (with its grad) and the later ones pending.
      await expect
        .poll(async () => {
          const view = await backwardView(page);
          return { status: view.status, grad: view.grads[label], order: view.order.map((o) => `${o.name} ${o.grad} ${o.done ? 'done' : 'pending'}`) };
        }, { message: `step ${i + 1} lands` })
        .toEqual({
          status: i < steps.length - 1 ? `Pass 1 · step ${i + 1} of 7` : ONE_PASS,
          grad: LECTURE_GRADS[label],
          order: steps.map(([name], k) => (k <= i ? `${name} ${trueMinus(LECTURE_GRADS[name].toFixed(1))} done` : `${name} … pending`)),
        });
    }
    // The last step landed the pass.
    await expectLectureGrads(page);
    await expect(page.getByTestId('chain-rule')).toContainText(trueMinus('de/da = b = -3.0'));
  });
});

test.describe('after a pass', () => {
  test('Step leaves ascending with lr 0.01 takes L from -8.0 to -7.286496, as in the lecture', async ({ page }) => {
    await openLectureInBackwardMode(page);
    const nudge = page.getByTestId('nudge-button');
    // No grads yet: nothing to step with.
    await expect(nudge).toBeDisabled();
    await expect(page.getByTestId('nudge-hint')).toBeVisible();

    await page.keyboard.press('b');
    await expect(backwardStatus(page)).toHaveText(RUNNING);
    await expect(nudge).toBeDisabled();
    await page.keyboard.press('e');
    await expect(backwardStatus(page)).toHaveText(ONE_PASS);
    await expectLectureGrads(page);

    const lr = page.getByTestId('nudge-lr');
    await lr.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('0.01');
    await expect(lr).toHaveValue('0.01');
    await page.getByTestId('nudge-ascend').click();
    await expect(page.getByTestId('nudge-ascend')).toHaveAttribute('aria-checked', 'true');
    await expect(nudge).toBeEnabled();
    await nudge.click();

    await expect(page.getByTestId('nudge-result')).toHaveText(trueMinus('L: -8.0 → -7.286496'));
    const L = nodeByLabel(page, 'L');
    await expect.poll(() => dataOf(L)).toBeCloseTo(-7.286496, 9);
    await expect(L.getByTestId('node-data')).toHaveText(fourDecimalsText(-7.286496));
    // Each leaf moved by 0.01 · its grad.
    for (const [label, data] of [['a', 2.06], ['b', -3.04], ['c', 9.98], ['f', -1.96]] as const) {
      expect(await dataOf(nodeByLabel(page, label)), `data of ${label}`).toBeCloseTo(data, 12);
    }
    // The step keeps the grads (micrograd's p.grad stays put).
    await expectLectureGrads(page);

    // One undo step puts the graph back.
    await page.keyboard.press('ControlOrMeta+z');
    await expect(L.getByTestId('node-data')).toHaveAttribute('data-value', '-8');
    await expect(page.getByTestId('nudge-result')).toHaveCount(0);
  });

  test('the gradient check agrees with backprop on every leaf', async ({ page }) => {
    await openLectureInBackwardMode(page);
    await backwardPanel(page).locator('summary', { hasText: 'Gradient check' }).click();
    const table = page.getByTestId('gradcheck-table');
    await expect(table).toBeVisible();
    const rows = page.getByTestId('gradcheck-row');
    await expect(rows).toHaveCount(4);
    expect((await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-leaf')))).sort()).toEqual(['a', 'b', 'c', 'f']);
    await expect(page.getByTestId('gradcheck-summary')).toHaveText('All 4 leaves agree');
    const badges = page.getByTestId('gradcheck-badge');
    await expect(badges).toHaveCount(4);
    for (const badge of await badges.all()) await expect(badge).toHaveAttribute('data-agrees', 'true');
    // The autograd column holds the lecture's numbers.
    for (const label of LEAVES) {
      await expect(page.locator(`[data-testid="gradcheck-row"][data-leaf="${label}"] td`).first()).toHaveAttribute('title', trueMinus(String(LECTURE_GRADS[label])));
    }

    // A bigger bump changes nothing here: L is linear in each leaf.
    const h = page.getByTestId('gradcheck-h');
    await h.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('0.5');
    await expect(h).toHaveValue('0.5');
    await expect(page.getByTestId('gradcheck-summary')).toHaveText('All 4 leaves agree');
    for (const badge of await badges.all()) await expect(badge).toHaveAttribute('data-agrees', 'true');
  });

  test('Backward twice without Zero grad doubles the leaves’ grads and says so; Zero grad clears them', async ({ page }) => {
    await openLectureInBackwardMode(page);
    const notice = page.getByTestId('accumulation-notice');

    await actionButton(page, 'backward').click();
    await expect(backwardStatus(page)).toHaveText(RUNNING);
    await actionButton(page, 'finishBackward').click();
    await expect(backwardStatus(page)).toHaveText(ONE_PASS);
    await expectLectureGrads(page);
    await expect(notice).toHaveCount(0);

    await actionButton(page, 'backward').click();
    await expect(backwardStatus(page)).toHaveText(/^Pass 2 · step \d+ of 7/);
    await page.keyboard.press('e');
    await expect(backwardStatus(page)).toHaveText('2 backward passes since the last Zero grad.');
    await expect(gradRow(page, 'a')).toHaveAttribute('data-value', '12');
    await expect(gradRow(page, 'f')).toHaveAttribute('data-value', '8');
    await expect(gradRow(page, 'a')).toHaveText(fourDecimalsText(12));
    await expectLectureGrads(page, 2);
    // The last step's chain rule counts a's kept grad again.
    await expect(page.getByTestId('chain-rule-equation')).toHaveText(trueMinus('dL/da = (kept grad) + dL/de * de/da = 6.0 + -2.0 * -3.0 = 12.0'));
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('The gradients doubled.');
    await expect(notice).toContainText('Backward ran 2 times without Zero grad');
    await expect(toast(page)).toContainText("the leaves' grads are now 2× too big");

    await actionButton(page, 'zeroGrad').click();
    await expectZeroGrads(page);
    await expect(gradRow(page, 'a')).toHaveText(fourDecimalsText(0));
    await expect(notice).toHaveCount(0);
    await expect(backwardStatus(page)).toHaveText(IDLE_STATUS);
    await expect(actionButton(page, 'zeroGrad')).toBeDisabled();

    // Zeroed, the next pass gives the true gradients again.
    await page.keyboard.press('b');
    await page.keyboard.press('e');
    await expect(backwardStatus(page)).toHaveText(ONE_PASS);
    await expectLectureGrads(page);
    await expect(notice).toHaveCount(0);
  });
});

test('pause, pan, resume and replay: the animation holds still, follows the canvas, and finishes with the right numbers', async ({ page }) => {
  await openLectureInBackwardMode(page);
  const L = nodeByLabel(page, 'L');
  const pause = actionButton(page, 'pauseBackward');
  await expect(pause).toBeDisabled();
  // The output's halo sits around L.
  await expect
    .poll(async () => {
      const { near, away } = await ringAround(page, L);
      return near > 0 && away === 0;
    }, { message: 'the halo is drawn around L (read back with drawImage: the overlay must keep its drawing buffer)' })
    .toBe(true);

  // Slow the animation to half speed to watch it: the speed slider, with the arrow keys.
  const speed = page.getByRole('slider', { name: 'Animation speed' });
  await speed.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(backwardPanel(page).locator('.speed')).toContainText('0.50×');

  // Where to grab the empty canvas, found before the pass starts so the pan follows at once.
  const from = await emptySpot(page);
  const view = await viewportTransform(page);
  await actionButton(page, 'backward').click();
  await expect
    .poll(async () => stepInStatus(await backwardStatus(page).innerText()), { message: 'the pass reaches step 2', intervals: [50] })
    .toBeGreaterThanOrEqual(2);

  // Pan the canvas mid-animation with a drag on empty space, then pause (the button is
  // enabled only while the pass runs, so the pan happened mid-pass).
  await drag(page, from, { x: from.x + 90, y: from.y + 70 }, 4);
  await pause.click();
  await expect.poll(() => viewportTransform(page)).not.toBe(view);

  // Paused: the status says so, the button offers Resume, and nothing lands any more.
  await expect(backwardStatus(page)).toHaveText(/ · paused$/);
  await expect(pause).toHaveText(/Resume/);
  // Back to full speed while paused: the pause holds whatever the speed.
  await speed.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(backwardPanel(page).locator('.speed')).toContainText('1×');
  const snapshot = async () => {
    const { status, grads, order } = await backwardView(page);
    return JSON.stringify({ status, grads, order });
  };
  let last = '';
  let still = 0;
  await expect
    .poll(
      async () => {
        const now = await snapshot();
        still = now === last ? still + 1 : 0;
        last = now;
        return still;
      },
      // A second and a half without a change: over twice as long as a pulse takes (650 ms).
      { message: 'the grads stop changing while paused', intervals: [250] },
    )
    .toBeGreaterThanOrEqual(6);
  const paused = last;

  // Pan again while paused: the overlay is redrawn where L now is.
  await settle(page);
  const before = (await L.boundingBox())!;
  const spot = await emptySpot(page);
  await drag(page, spot, { x: spot.x - 80, y: spot.y + 110 }, 4);
  await settle(page);
  const after = (await L.boundingBox())!;
  expect(Math.abs(after.y - before.y)).toBeGreaterThan(40);
  await expect
    .poll(async () => {
      const { near, away } = await ringAround(page, L);
      return near > 0 && away === 0;
    }, { message: 'the halo follows L after the pan' })
    .toBe(true);
  expect(await snapshot()).toBe(paused);

  // Resume with the 'p' key: the pass plays on to the end by itself.
  await page.keyboard.press('p');
  await expect(backwardStatus(page)).not.toHaveText(/paused/);
  await expect(pause).toHaveText(/Pause/);
  await expect(backwardStatus(page)).toHaveText(ONE_PASS, { timeout: 20_000 });
  await expectLectureGrads(page);
  await expect(pause).toBeDisabled();

  // Replay plays the same pass again without adding it twice.
  await page.keyboard.press('r');
  await expect(backwardStatus(page)).toHaveText(/^Pass 1 · step \d+ of 7/);
  await expect(pause).toBeEnabled();
  await actionButton(page, 'finishBackward').click();
  await expect(backwardStatus(page)).toHaveText(ONE_PASS);
  await expectLectureGrads(page);
  await expect(page.getByTestId('accumulation-notice')).toHaveCount(0);
  // The overlay is still aligned with L.
  await expect
    .poll(async () => {
      const { near, away } = await ringAround(page, L);
      return near > 0 && away === 0;
    })
    .toBe(true);
});

test('derivative explorer: on f(x) = 3x² − 4x + 5 the slope at x = 3 is 14, and the bump estimate closes in as h shrinks', async ({ page }) => {
  await openPlayground(page);
  await loadPreset(page, 'quadratic', 9);
  await enterBackwardMode(page);
  await backwardPanel(page).locator('summary', { hasText: 'Derivative explorer' }).click();
  const leaf = page.getByTestId('explorer-leaf');
  const slope = page.getByTestId('explorer-slope');
  const bump = page.getByTestId('explorer-bump');
  await expect(leaf).toBeVisible();

  // Against the constant 5, f has slope 1.
  await leaf.selectOption({ label: '5.0' });
  await expect(slope).toContainText('= 1.0000');

  // Selecting x on the canvas picks it in the explorer.
  const x = nodeByLabel(page, 'x');
  await grip(x).click();
  await expect(x).toHaveClass(/selected/);
  await expect(leaf).toHaveValue(await idOf(x));
  await expect(page.getByTestId('explorer-at')).toContainText('x = 3.0000, f = 20.0000');
  await expect(slope).toContainText('= 14.0000');
  await expect(slope).toHaveAttribute('title', '14');
  // The bump estimate (f(x+h) − f(x)) / h with the default h = 0.25: 14 + 3h = 14.75.
  await expect(bump).toContainText('= 14.7500');

  // Shrink h: the estimate closes in on 14.
  const h = page.getByTestId('explorer-h');
  await h.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('0.001');
  await expect(h).toHaveValue('0.001');
  await expect(bump).toContainText('= 14.0030');
  await expect(slope).toContainText('= 14.0000');

  // Backprop agrees: x's grad after a pass is 14.
  await actionButton(page, 'backward').click();
  await actionButton(page, 'finishBackward').click();
  await expect(gradRow(page, 'x')).toHaveAttribute('data-value', '14');
  expect(await gradOf(page, 'f')).toBe(1);
});
