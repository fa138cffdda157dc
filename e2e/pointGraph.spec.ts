import { expect, test, type Locator, type Page } from '@playwright/test';
import { createPlotMapping, plotRangesOf, plotRect } from '../src/renderers/plotMapping';
import { datasetsOf, setupOf } from '../src/training/setup';
import { EMPTY_DOC } from '../src/document/types';
import { allNodes, cardsOverlap, nodeByLabel, settle, toast, viewportTransform } from './helpers/canvas';
import { DEFAULT_NEURONS, insertDefaultMlp, openTrainPanel } from './helpers/train';

/**
 * A data point's graph for micrograd's moons network, MLP(2, [16, 16, 1]): it opens with the
 * neurons as cards, says which are inactive for the point and why their grads are 0, lets the
 * learner take one neuron apart, and Undo goes back to the network.
 */

/** Where a data point sits on the plot (page pixels), chosen so no other point is within 14 px of it. */
async function lonePoint(page: Page): Promise<{ x: number; y: number; data: number[] }> {
  const plot = page.getByTestId('data-plot');
  const size = await plot.evaluate((el) => ({ w: el.clientWidth, h: el.clientHeight, left: el.clientLeft, top: el.clientTop }));
  const box = (await plot.boundingBox())!;
  const setup = setupOf(EMPTY_DOC);
  const [xRange, yRange] = plotRangesOf(setup);
  const mapping = createPlotMapping(xRange, yRange, plotRect(size.w, size.h));
  const points = datasetsOf(setup).all.x;
  const pixels = points.map((p) => mapping.toPixel(p[0]!, p[1]!));
  const lone = pixels.findIndex(([px, py], i) => pixels.every(([qx, qy], j) => j === i || (qx - px) ** 2 + (qy - py) ** 2 > 16 ** 2));
  expect(lone, 'a point with no neighbour within 16 px').toBeGreaterThanOrEqual(0);
  const [px, py] = pixels[lone]!;
  return { x: box.x + size.left + px, y: box.y + size.top + py, data: points[lone]! };
}

/**
 * Runs `act`, then waits for the ELK layout it asks for to land: it ends by fitting the graph,
 * so the view changes, then the canvas comes to rest. ELK takes seconds for the 300 wires
 * between 16-neuron layers on a busy two-core machine, hence the long wait.
 */
async function laidOutAfter(page: Page, act: () => Promise<void>): Promise<void> {
  const before = await viewportTransform(page);
  await act();
  await expect.poll(() => viewportTransform(page), { message: 'the layout fits the graph in view', timeout: 45_000 }).not.toBe(before);
  await settle(page);
}

/** The minus sign the app writes, for matching coordinates in a notice. */
const coord = (v: number) => {
  const t = Math.abs(v).toFixed(2);
  return v < 0 && Number(t) !== 0 ? `\u2212${t}` : t;
};

/** Train mode, the default MLP drawn, inspect mode, one click on a point: its graph is open, and its notice read. */
async function openPointGraph(page: Page): Promise<{ data: number[]; networkNodes: number; notice: string }> {
  await openTrainPanel(page);
  await insertDefaultMlp(page);
  await page.getByTestId('inspect-point').click();
  await expect(page.getByTestId('inspect-point')).toHaveAttribute('aria-checked', 'true');
  const point = await lonePoint(page);
  // The network sits beside the first visit's graph; the point's graph keeps only what the loss needs.
  const networkNodes = await allNodes(page).count();
  let notice = '';
  await laidOutAfter(page, async () => {
    await page.mouse.click(point.x, point.y);
    // Read the notice at once: it goes away after a few seconds, while ELK may still be at work.
    // allTextContents does not wait for the toast, so its leaving cannot strand the read.
    await expect
      .poll(
        async () => {
          notice = (await toast(page).allTextContents()).join(' ');
          return notice;
        },
        { message: 'the notice about the point', intervals: [50, 100] },
      )
      .toContain('Undo returns to the network');
  });
  // 2 inputs, 33 neuron cards, the target and the hinge's 5 ops.
  await expect(allNodes(page)).toHaveCount(2 + DEFAULT_NEURONS + 1 + 5);
  await expect(page.getByTestId('sample-too-large')).toHaveCount(0);
  expect(await cardsOverlap(page), 'cards laid out apart').toEqual([]);
  return { data: point.data, networkNodes, notice };
}

/**
 * The index of the card nearest the canvas's centre among those on screen and not covered by
 * anything outside their node (zoomed in around it, the whole card then stays on screen).
 */
async function nearestCentre(cards: Locator): Promise<number> {
  const index = await cards.evaluateAll((els) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const [cx, cy] = [pane.x + pane.width / 2, pane.y + pane.height / 2];
    let best = -1;
    let bestD = Infinity;
    els.forEach((el, i) => {
      const r = el.getBoundingClientRect();
      const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
      const hit = document.elementFromPoint(x, y);
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      if (hit?.closest('.react-flow__node') === el.closest('.react-flow__node') && d < bestD) [best, bestD] = [i, d];
    });
    return best;
  });
  expect(index, 'an inactive neuron on screen').toBeGreaterThanOrEqual(0);
  return index;
}

/**
 * Zooms in with the wheel over a card, as a person does to work on it, until full cards show
 * (at the fitted zoom the point's graph is drawn as compact units).
 */
async function zoomInOn(page: Page, card: Locator): Promise<void> {
  for (let i = 0; i < 20 && (await page.locator('.react-flow.is-compact').count()) > 0; i++) {
    const box = (await card.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -200);
    await settle(page);
  }
  await expect(page.locator('.react-flow.is-compact')).toHaveCount(0);
}

test('a moons point opens with neurons as cards, says which are inactive and why, expands one neuron, and undoes back', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const { data, networkNodes, notice } = await openPointGraph(page);
  expect(notice).toContain(`The point (${coord(data[0]!)}, ${coord(data[1]!)})`);
  expect(notice).toContain('its 33 neurons as cards');
  const counted = /(\d+) of 33 neurons are inactive for this point \(ReLU with z ≤ 0\): relu′\(z\) = 0 there/.exec(notice);
  expect(counted, notice).not.toBeNull();
  const inactiveCount = Number(counted![1]);

  // As many cards say "inactive" as the notice counted; each has every weight grad 0.
  const inactive = page.getByTestId('neuron-inactive');
  await expect(inactive).toHaveCount(inactiveCount);
  await expect(inactive.first()).toContainText(/inactive: z = (−\d|0)\S* ≤ 0, so relu′\(z\) = 0: no grad reaches w or b/);
  // The learner expands an inactive neuron they can see: at the fitted zoom some cards lie
  // beyond the canvas's edges (fits stop at the zoom where compact text stays legible).
  const inactiveCards = page.locator('[data-testid="node-card"]').filter({ has: page.getByTestId('neuron-inactive') });
  const card = inactiveCards.nth(await nearestCentre(inactiveCards));
  await zoomInOn(page, card);
  const label = (await card.getAttribute('data-label'))!;
  const nin = label.startsWith('L1.') ? 2 : 16;
  await expect(card.getByTestId('neuron-zero-grads')).toHaveText(`w.grad = 0: ${nin} of ${nin}`);
  await expect(card.getByTestId('node-data')).toHaveAttribute('data-value', '0');
  await page.screenshot({ path: testInfo.outputPath('pointgraph-desktop.png') });

  // Take that one neuron apart: its weights are Values whose grads are 0, its ReLU outputs 0.
  await laidOutAfter(page, () => card.getByTestId('expand-node').click());
  await expect(allNodes(page)).toHaveCount(2 + DEFAULT_NEURONS - 1 + 1 + 5 + 3 * nin + 2);
  for (let i = 0; i < nin; i++) {
    await expect(nodeByLabel(page, `${label}.w${i}`).getByTestId('node-grad'), `grad of ${label}.w${i}`).toHaveAttribute('data-value', '0');
  }
  await expect(nodeByLabel(page, `${label}.b`).getByTestId('node-grad')).toHaveAttribute('data-value', '0');
  const relu = nodeByLabel(page, label);
  await expect(relu.getByTestId('node-data')).toHaveAttribute('data-value', '0');
  // The grads are those of the pass already run, not stale.
  await expect(page.locator('.node-row.is-stale')).toHaveCount(0);
  expect(await cardsOverlap(page), 'the neuron’s ops laid out apart from the cards').toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('pointgraph-expanded-desktop.png') });

  // Undo puts the neuron back, then returns to the network.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(allNodes(page)).toHaveCount(2 + DEFAULT_NEURONS + 1 + 5);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(allNodes(page)).toHaveCount(networkNodes);
  await expect(nodeByLabel(page, 'loss')).toHaveCount(1);
});

test.describe('on a tablet', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the point graph fits the screen with its neuron cards', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await openPointGraph(page);
    await expect(page.getByTestId('neuron-activity')).toHaveCount(DEFAULT_NEURONS);
    // Fitted: the first and last layers' cards are both inside the canvas.
    const pane = (await page.locator('.react-flow').boundingBox())!;
    for (const name of ['L1.N0', 'L2.N15', 'L3.N0']) {
      const box = (await nodeByLabel(page, name).boundingBox())!;
      expect(box.x, `${name} inside the canvas`).toBeGreaterThanOrEqual(pane.x - 1);
      expect(box.x + box.width, `${name} inside the canvas`).toBeLessThanOrEqual(pane.x + pane.width + 1);
    }
    await page.screenshot({ path: testInfo.outputPath('pointgraph-tablet.png') });
  });
});
