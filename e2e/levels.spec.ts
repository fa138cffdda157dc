import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { actionButton, backwardPanel } from './helpers/backward';
import { allEdges, allNodes, canvasBox, dataOf, dragFromPalette, nodeById, nodeByLabel, nodeIds, openPlayground, settle, typeValue, viewportTransform, waitForLayout, wire, type Point } from './helpers/canvas';
import { shotPath } from './helpers/shots';

/**
 * The levels, played as a person plays them: open the map from the header, type predictions
 * into the goal strip, drag nodes from the palette and wire them, and earn stars that survive
 * a reload, with the sandbox graph kept aside and brought back.
 */

const SHOTS = 'levels12';

function goal(page: Page): Locator {
  return page.getByTestId('goal-strip');
}

async function openMap(page: Page): Promise<Locator> {
  await page.getByTestId('open-levels').click();
  const map = page.getByTestId('level-map');
  await expect(map).toBeVisible();
  return map;
}

async function playFromMap(page: Page, id: string, nodes: number): Promise<void> {
  const map = await openMap(page);
  await map.getByTestId(`level-card-${id}`).click();
  await expect(map).toBeHidden();
  await expect(goal(page)).toBeVisible();
  await expect(allNodes(page)).toHaveCount(nodes);
}

async function predict(page: Page, id: string, text: string): Promise<void> {
  await goal(page).getByTestId(`prediction-${id}`).fill(text);
}

async function expectSolvedWith(page: Page, stars: number): Promise<void> {
  const solved = page.getByTestId('level-solved');
  await expect(solved).toBeVisible();
  await expect(solved.getByTestId('stars')).toHaveAttribute('data-stars', String(stars));
}

/** Drags a palette item to a point and returns the new node. */
async function dropNew(page: Page, item: string, at: Point): Promise<Locator> {
  const before = new Set(await nodeIds(page));
  await dragFromPalette(page, item, at);
  const id = (await nodeIds(page)).find((x) => !before.has(x));
  if (!id) throw new Error(`no new node after dropping ${item}`);
  return nodeById(page, id);
}

test.describe('levels', () => {
  test('play levels 1 to 4 from the map to 3 stars; progress and the sandbox survive a reload', async ({ page }) => {
    // Four levels and a reload in one journey: longer than the default minute on a busy machine.
    test.setTimeout(180_000);
    await openPlayground(page);
    // Sandbox work first: a = 5 in the lecture's graph.
    await typeValue(page, nodeByLabel(page, 'a'), '5');
    await expect.poll(() => dataOf(nodeByLabel(page, 'L'))).toBe(-2 * (5 * -3 + 10));

    const map = await openMap(page);
    await expect(map.getByTestId('level-card-slope-by-nudging')).toBeEnabled();
    await expect(map.getByTestId('level-card-three-inputs')).toBeDisabled();
    await map.getByTestId('level-card-slope-by-nudging').click();
    await expect(allNodes(page)).toHaveCount(9);

    // Level 1: nudge x by h = 0.001 and read the slope off f.
    const x = nodeByLabel(page, 'x');
    const f = nodeByLabel(page, 'f');
    await expect.poll(() => dataOf(f)).toBe(20);
    await typeValue(page, x, '3.001');
    const f1 = await expect.poll(() => dataOf(f)).not.toBe(20).then(() => dataOf(f));
    const slope = (f1 - 20) / 0.001;
    expect(slope).toBeCloseTo(14, 2);
    await predict(page, 'slope', '13');
    await expect(goal(page).getByTestId('check-slope')).not.toHaveAttribute('data-passed');
    await predict(page, 'slope', slope.toFixed(3));
    await expectSolvedWith(page, 3);
    // Solved, the Backward mode it hid is back, to see the derivative confirmed.
    await expect(page.getByRole('button', { name: 'Backward', exact: true })).toBeVisible();

    // Level 2 via "Next level": three slopes.
    await page.getByTestId('next-level').click();
    await expect(nodeByLabel(page, 'd')).toHaveCount(1);
    await predict(page, 'grad-a', '-3');
    await predict(page, 'grad-b', '2');
    await expect(page.getByTestId('level-solved')).toHaveCount(0);
    await predict(page, 'grad-c', '1');
    await expectSolvedWith(page, 3);

    // Level 3: build L = (a·b + c)·f from the palette, within 7 nodes.
    await page.getByTestId('next-level').click();
    await expect(allNodes(page)).toHaveCount(0);
    await expect(page.getByTestId('palette-value')).toBeVisible();
    await expect(page.getByTestId('palette-tanh')).toHaveCount(0);
    const box = await canvasBox(page);
    const at = (fx: number, fy: number) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
    const leaves: Locator[] = [];
    for (const [i, value] of [2, -3, 10, -2].entries()) {
      const leaf = await dropNew(page, 'value', at(0.12, 0.1 + i * 0.2));
      await typeValue(page, leaf, String(value));
      leaves.push(leaf);
    }
    const [a, b, c, fLeaf] = leaves as [Locator, Locator, Locator, Locator];
    const e = await dropNew(page, 'mul', at(0.36, 0.15));
    const d = await dropNew(page, 'add', at(0.58, 0.3));
    const L = await dropNew(page, 'mul', at(0.8, 0.5));
    await expect(page.getByTestId('budget')).toHaveText('Nodes 7 / 7');
    await wire(page, a, e, 'a');
    await wire(page, b, e, 'b');
    await wire(page, e, d, 'a');
    await wire(page, c, d, 'b');
    await wire(page, d, L, 'a');
    await expect(page.getByTestId('level-solved')).toHaveCount(0);
    await wire(page, fLeaf, L, 'b');
    await expect(allEdges(page)).toHaveCount(6);
    await expect.poll(() => dataOf(L)).toBe(-8);
    await expectSolvedWith(page, 3);
    await page.screenshot({ path: shotPath(SHOTS, `solve-level3-desktop.png`) });

    // Level 4: each grad from L back; a wrong guess shows the chain rule with the numbers.
    await page.getByTestId('next-level').click();
    await expect(allNodes(page)).toHaveCount(7);
    // Backward waits at each node, from L back, until its grad is typed right; then its pulse lands.
    const pulse = goal(page).getByTestId('pulse-status');
    await expect(pulse).toHaveText('Backward waits at L for your guess (0 of 7 nodes landed).');
    for (const [label, grad, landed] of [['l', '1', 1], ['f', '4', 2], ['d', '-2', 3], ['c', '-2', 4], ['e', '-2', 5], ['b', '-4', 6]] as const) {
      await predict(page, `grad-${label}`, grad);
      await expect(pulse).toContainText(`(${landed} of 7 nodes landed)`);
    }
    await expect(pulse).toContainText('Backward waits at a');
    await page.screenshot({ path: shotPath(SHOTS, `level4-paused-pass-desktop.png`) });
    await predict(page, 'grad-a', '-6');
    await expect(pulse).toContainText('(6 of 7 nodes landed)');
    await expect(page.getByTestId('why-grad-a')).toContainText('dL/da = dL/de * de/da = −2.0 * −3.0 = 6.0');
    await predict(page, 'grad-a', '6');
    await expect(page.getByTestId('why-grad-a')).toHaveCount(0);
    await expect(pulse).toHaveText('Backward done: all 7 nodes have their grad.');
    await expectSolvedWith(page, 3);

    // Reload: the stars are kept, and so is the sandbox graph.
    await page.reload();
    await expect(goal(page)).toBeVisible();
    await expectSolvedWith(page, 3);
    const after = await openMap(page);
    for (const id of ['slope-by-nudging', 'three-inputs', 'build-it-yourself', 'manual-backprop']) {
      await expect(after.getByTestId(`level-card-${id}`).getByTestId('stars')).toHaveAttribute('data-stars', '3');
    }
    await expect(after.getByTestId('level-card-one-optimisation-step')).toBeEnabled();
    await expect(after.getByTestId('level-card-plus-passes-the-gradient')).toBeDisabled();
    await after.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('back-to-sandbox').click();
    await expect(goal(page)).toHaveCount(0);
    await expect(allNodes(page)).toHaveCount(7);
    await expect.poll(() => dataOf(nodeByLabel(page, 'a'))).toBe(5);
    await expect.poll(() => dataOf(nodeByLabel(page, 'L'))).toBe(10);
  });

  test('level 7: wire the lecture’s neuron from its leaves and predict two grads, for 3 stars', async ({ page }) => {
    // Five drops and nine wires.
    test.setTimeout(120_000);
    await openPlayground(page);
    const map = await openMap(page);
    await map.getByTestId('unlock-all').check();
    const view = await viewportTransform(page);
    await map.getByTestId('level-card-a-neuron').click();
    await expect(allNodes(page)).toHaveCount(5);
    await waitForLayout(page, view);
    // Make room beside the five leaves: zoom out with the canvas's − button until four more
    // columns of cards fit to their right.
    const box = await canvasBox(page);
    const leafBoxes = () => Promise.all(['x1', 'x2', 'w1', 'w2', 'b'].map(async (l) => (await nodeByLabel(page, l).boundingBox())!));
    const room = async () => {
      const boxes = await leafBoxes();
      const right = Math.max(...boxes.map((b) => b.x + b.width));
      return { right, width: boxes[0]!.width, free: box.x + box.width - right };
    };
    for (let i = 0; i < 8 && (await room()).free < 4.4 * (await room()).width; i++) {
      const before = await viewportTransform(page);
      await page.locator('.react-flow__controls-zoomout').click();
      await expect.poll(() => viewportTransform(page)).not.toBe(before);
      await settle(page);
    }
    const { right, free } = await room();
    expect(free).toBeGreaterThan(200);
    const col = (k: number) => right + (free * k) / 4;
    const row = (k: number) => box.y + box.height * k;
    const mul1 = await dropNew(page, 'mul', { x: col(0.7), y: row(0.2) });
    const mul2 = await dropNew(page, 'mul', { x: col(0.7), y: row(0.7) });
    const add1 = await dropNew(page, 'add', { x: col(1.9), y: row(0.35) });
    const add2 = await dropNew(page, 'add', { x: col(2.6), y: row(0.62) });
    const tanh = await dropNew(page, 'tanh', { x: col(3.4), y: row(0.3) });
    await expect(page.getByTestId('budget')).toHaveText('Nodes 10 / 10');
    const leaf = (l: string) => nodeByLabel(page, l);
    await wire(page, leaf('x1'), mul1, 'a');
    await wire(page, leaf('w1'), mul1, 'b');
    await wire(page, leaf('x2'), mul2, 'a');
    await wire(page, leaf('w2'), mul2, 'b');
    await wire(page, mul1, add1, 'a');
    await wire(page, mul2, add1, 'b');
    await wire(page, add1, add2, 'a');
    await wire(page, leaf('b'), add2, 'b');
    await wire(page, add2, tanh, 'x');
    await expect(allEdges(page)).toHaveCount(9);
    await expect(goal(page).getByTestId('check-o-value')).toHaveAttribute('data-passed', 'true');
    await expect(goal(page).getByTestId('check-same-neuron')).toHaveAttribute('data-passed', 'true');
    await predict(page, 'grad-w1', '1');
    await predict(page, 'grad-x2', '0.5');
    await expectSolvedWith(page, 3);
  });

  test('level 5: Backward, then Step leaves up the gradient: L passes −7.3 for 3 stars', async ({ page }) => {
    await openPlayground(page);
    const map = await openMap(page);
    await map.getByTestId('unlock-all').check();
    await map.getByTestId('level-card-one-optimisation-step').click();
    await expect(allNodes(page)).toHaveCount(7);
    await expect(backwardPanel(page)).toBeVisible();
    await expect(page.getByTestId('nudge-button')).toBeDisabled();
    await actionButton(page, 'backward').click();
    await expect(page.getByTestId('nudge-button')).toBeEnabled();
    await expect(page.getByTestId('level-solved')).toHaveCount(0);
    await page.getByTestId('nudge-button').click();
    await expect.poll(() => dataOf(nodeByLabel(page, 'L'))).toBeGreaterThan(-7.3);
    await expectSolvedWith(page, 3);
  });

  test('a bad progress file is refused with the reason and the stars stay', async ({ page }) => {
    await openPlayground(page);
    await playFromMap(page, 'slope-by-nudging', 9);
    await predict(page, 'slope', '14');
    await expectSolvedWith(page, 3);
    const map = await openMap(page);
    await map.getByTestId('import-progress-input').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') });
    await expect(map.getByTestId('progress-import-note')).toContainText('not a levels progress file');
    await expect(map.getByTestId('level-card-slope-by-nudging').getByTestId('stars')).toHaveAttribute('data-stars', '3');
  });

  for (const view of [
    { name: 'desktop', width: 1440, height: 900 },
    { name: 'tablet', width: 1024, height: 768 },
  ]) {
    test(`screenshots of the map and a solve (${view.name})`, async ({ page }) => {
      await page.setViewportSize({ width: view.width, height: view.height });
      await openPlayground(page);
      await playFromMap(page, 'slope-by-nudging', 9);
      await page.getByTestId('hint-button').click();
      await expect(page.getByTestId('hints')).toBeVisible();
      await predict(page, 'slope', '14');
      await expectSolvedWith(page, 2);
      await page.screenshot({ path: shotPath(SHOTS, `solve-${view.name}.png`) });
      const map = await openMap(page);
      await map.getByTestId('unlock-all').check();
      await expect(map.getByTestId('level-card-count-parameters')).toBeEnabled();
      await page.screenshot({ path: shotPath(SHOTS, `map-${view.name}.png`) });
    });
  }
});
